package org.ferric.driver.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** Core: boot devices, NMI, sensors, indicators (LEDs). */
@ConsumerType
public interface ManagementInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.MANAGEMENT;
    }

    List<String> supportedBootDevices(TaskContext task) throws DriverException;

    void setBootDevice(TaskContext task, String device, boolean persistent) throws DriverException;

    BootDevice getBootDevice(TaskContext task) throws DriverException;

    default void injectNmi(TaskContext task) throws DriverException {
        throw new UnsupportedDriverOperationException("Injecting an NMI is not supported by " + name());
    }

    default Map<String, Object> sensorsData(TaskContext task) throws DriverException {
        return Map.of();
    }

    /**
     * The indicators (LEDs) the hardware has, by component: Ironic's components are
     * {@code system}, {@code chassis}, {@code disk}, {@code power} and {@code nic}. Each maps
     * indicator ids to what the indicator can do. None by default.
     *
     * @since 1.2
     */
    default Map<String, Map<String, Indicator>> supportedIndicators(TaskContext task) throws DriverException {
        return Map.of();
    }

    /**
     * Sets an indicator of a component to one of its states.
     *
     * @throws InvalidParameterException for an unknown component, indicator or state
     * @since 1.2
     */
    default void setIndicatorState(TaskContext task, String component, String indicator, String state)
            throws DriverException {
        throw new UnsupportedDriverOperationException(
                "Driver " + task.node().driver() + " does not support set_indicator_state (disabled or not implemented).");
    }

    /**
     * The state of an indicator of a component, one of {@link Indicator#ON}, {@link Indicator#OFF},
     * {@link Indicator#BLINKING} or {@link Indicator#UNKNOWN}.
     *
     * @throws InvalidParameterException for an unknown component or indicator
     * @since 1.2
     */
    default String getIndicatorState(TaskContext task, String component, String indicator) throws DriverException {
        throw new UnsupportedDriverOperationException(
                "Driver " + task.node().driver() + " does not support get_indicator_state (disabled or not implemented).");
    }
}
