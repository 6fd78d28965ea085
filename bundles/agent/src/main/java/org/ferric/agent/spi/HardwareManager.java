package org.ferric.agent.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of clean and deploy steps that run on the server, registered as an OSGi service.
 * The agent's own generic manager offers {@code erase_devices}, {@code erase_devices_metadata} and
 * {@code write_image}; a vendor manager adds its own steps, or overrides one of those by name with a
 * higher {@link #hardwareSupport()}.
 */
@ConsumerType
public interface HardwareManager {

    /** The name the steps are grouped under in {@code get_clean_steps}, e.g. {@code AcmeHardwareManager}. */
    String name();

    /**
     * Reported in {@code hardware_manager_version}; the conductor records it and the agent refuses a
     * step sent for another version (the steps may have changed under it).
     */
    String version();

    /** How well this manager fits the machine; see {@link HardwareSupport}. {@code NONE} disables it. */
    default int hardwareSupport() {
        return HardwareSupport.GENERIC;
    }

    default List<Step> cleanSteps() {
        return List.of();
    }

    default List<Step> deploySteps() {
        return List.of();
    }
}
