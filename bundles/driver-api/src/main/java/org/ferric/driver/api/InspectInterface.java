package org.ferric.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Standard: discovers the hardware's properties (CPUs, memory, disks, NICs). */
@ConsumerType
public interface InspectInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.INSPECT;
    }

    /** Inspects; results go to the task ({@link TaskContext#updateProperties}). WAIT if asynchronous. */
    StepResult inspectHardware(TaskContext task) throws DriverException;

    default void abort(TaskContext task) throws DriverException {
        throw new UnsupportedDriverOperationException("Aborting inspection is not supported by " + name());
    }
}
