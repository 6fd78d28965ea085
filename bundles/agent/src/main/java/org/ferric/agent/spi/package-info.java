/**
 * The agent's extension point: hardware managers, as Ironic Python Agent's custom hardware managers.
 * <p>
 * A vendor ships a bundle that registers a {@link org.ferric.agent.spi.HardwareManager} service (a DS
 * component is enough). Its clean and deploy steps are then reported by {@code clean.get_clean_steps}
 * and {@code deploy.get_deploy_steps} and run by {@code clean.execute_clean_step} and
 * {@code deploy.execute_deploy_step}; when several managers offer a step of the same name, the one
 * with the highest {@link org.ferric.agent.spi.HardwareManager#hardwareSupport()} runs it.
 * <p>
 * Semantically versioned: vendors compile against this package alone.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ferric.agent.spi;
