package org.ferric.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Standard: boots a rescue ramdisk on an active node, and back. */
@ConsumerType
public interface RescueInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.RESCUE;
    }

    StepResult rescue(TaskContext task) throws DriverException;

    void unrescue(TaskContext task) throws DriverException;
}
