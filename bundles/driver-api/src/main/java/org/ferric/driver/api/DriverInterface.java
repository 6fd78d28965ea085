package org.ferric.driver.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** What every interface implementation has: a name, the driver_info it needs, validation, steps. */
@ConsumerType
public interface DriverInterface {

    /** The implementation's name as shown in the node's {@code <type>_interface} field, e.g. {@code ipmitool}. */
    String name();

    /** The interface type it implements. */
    InterfaceType type();

    /** The {@code driver_info} properties this implementation reads. */
    List<PropertySpec> properties();

    /**
     * Checks that the node can be handled by this implementation (typically its
     * {@code driver_info}) without touching the hardware.
     *
     * @throws InvalidParameterException naming what is missing or wrong
     */
    void validate(TaskContext task) throws DriverException;

    /** Clean steps offered by this interface; none by default. */
    default List<Step> cleanSteps(TaskContext task) {
        return List.of();
    }

    /** Deploy steps offered by this interface; none by default. */
    default List<Step> deploySteps(TaskContext task) {
        return List.of();
    }

    /**
     * Runs one of the steps this interface offered.
     *
     * @return {@link StepResult#DONE} when finished, {@link StepResult#WAIT} when it continues
     *         asynchronously (the conductor waits for a callback)
     */
    default StepResult executeStep(TaskContext task, Step step) throws DriverException {
        throw new UnsupportedDriverOperationException(
                "Step " + step.name() + " is not implemented by " + type().apiName() + " interface " + name());
    }
}
