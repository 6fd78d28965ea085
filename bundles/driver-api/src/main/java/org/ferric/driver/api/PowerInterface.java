package org.ferric.driver.api;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Core: turns the server on and off through its BMC. */
@ConsumerType
public interface PowerInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.POWER;
    }

    PowerState getPowerState(TaskContext task) throws DriverException;

    /**
     * Sets the power state and returns once the BMC reports it.
     *
     * @param timeout how long to wait for the state, or null for the driver's default
     */
    void setPowerState(TaskContext task, PowerState target, Duration timeout) throws DriverException;

    /** Power cycles the server, leaving it on. */
    void reboot(TaskContext task, Duration timeout) throws DriverException;

    /** The targets {@link #setPowerState} accepts. */
    default List<PowerState> supportedPowerStates(TaskContext task) {
        return List.of(PowerState.POWER_ON, PowerState.POWER_OFF, PowerState.REBOOT);
    }
}
