package org.ferric.driver.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** Standard: reads and changes BIOS settings. */
@ConsumerType
public interface BiosInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.BIOS;
    }

    /** Applies settings, each {@code {"name": ..., "value": ...}}. */
    StepResult applyConfiguration(TaskContext task, List<Map<String, Object>> settings) throws DriverException;

    StepResult factoryReset(TaskContext task) throws DriverException;

    /** Reads the current settings, name to value. */
    Map<String, String> cacheBiosSettings(TaskContext task) throws DriverException;
}
