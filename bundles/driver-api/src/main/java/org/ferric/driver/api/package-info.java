/**
 * Ferric's driver SPI: what a vendor implements to make a kind of hardware manageable.
 * <p>
 * A driver is a {@link org.ferric.driver.api.HardwareType} registered as an OSGi service. It
 * supplies one implementation per {@link org.ferric.driver.api.InterfaceType}: the core
 * interfaces (power, deploy, management, boot, network), optional standard ones (rescue,
 * console, inspect, raid, bios, storage) and vendor passthru. The conductor calls them with a
 * {@link org.ferric.driver.api.TaskContext} while it holds the node's lock.
 * <p>
 * Semantically versioned: vendors compile against this package alone.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.ferric.driver.api;
