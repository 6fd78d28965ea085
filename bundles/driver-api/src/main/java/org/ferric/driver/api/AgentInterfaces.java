package org.ferric.driver.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent-based interface implementations, provided by the conductor as an OSGi service so that
 * any hardware type can offer them beside its own: they drive the deploy agent (Ironic Python
 * Agent's protocol) that boots on the node, and use the node's own power, management and boot
 * interfaces to boot it. Reference this service from the hardware type's component and list its
 * implementations among the interface's supported ones (first to make it the default).
 * <p>
 * The boot interface decides how the agent ramdisk boots ({@link BootInterface#prepareRamdisk})
 * and how the instance boots afterwards ({@link BootInterface#prepareInstance}).
 *
 * @since 1.3
 */
@ProviderType
public interface AgentInterfaces {

    /**
     * Deploy interface {@code direct}: boots the agent, which streams the image from
     * {@code instance_info.image_source} to the disk while verifying its checksum (deploy steps
     * {@code deploy}, {@code write_image}, {@code prepare_instance_boot}, {@code tear_down_agent},
     * {@code boot_instance}), and runs the agent's clean steps ({@code erase_devices_metadata},
     * {@code erase_devices}, and any a vendor's agent hardware manager adds).
     */
    DeployInterface direct();

    /** Inspect interface {@code agent}: boots the agent and records the inventory it reports. */
    InspectInterface inspect();

    /** Rescue interface {@code agent}: boots the agent, which sets the rescue password. */
    RescueInterface rescue();
}
