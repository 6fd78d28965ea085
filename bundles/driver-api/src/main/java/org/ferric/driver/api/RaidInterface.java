package org.ferric.driver.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** Standard: builds and deletes RAID volumes. */
@ConsumerType
public interface RaidInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.RAID;
    }

    StepResult createConfiguration(TaskContext task, Map<String, Object> targetRaidConfig) throws DriverException;

    StepResult deleteConfiguration(TaskContext task) throws DriverException;

    /** The properties a logical disk may have (Ironic's RAID schema), for the API. */
    default Map<String, Object> logicalDiskProperties() {
        return Map.of();
    }
}
