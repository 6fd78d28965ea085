package com.acme.ferric.internal;

import java.time.Duration;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/**
 * Power through the BMC. This starting point keeps the state in the node, as fake-hardware does,
 * so the driver runs end to end before it talks to real hardware: replace the two marked places
 * with calls to your BMC, using {@code driver_info} ({@link AcmeInterface#ADDRESS}, ...).
 */
final class AcmePower extends AcmeInterface implements PowerInterface {

    @Override
    public PowerState getPowerState(TaskContext task) throws DriverException {
        // BMC: read the power state.
        PowerState known = task.node().powerState();
        return known == null ? PowerState.POWER_OFF : known;
    }

    @Override
    public void setPowerState(TaskContext task, PowerState target, Duration timeout) throws DriverException {
        // BMC: request the state, then wait (up to timeout) until the BMC reports it.
        switch (target) {
            case POWER_ON, REBOOT -> task.recordPowerState(PowerState.POWER_ON);
            case POWER_OFF -> task.recordPowerState(PowerState.POWER_OFF);
            default -> throw new DriverException("Power state " + target.apiName() + " is not supported by " + name());
        }
    }

    @Override
    public void reboot(TaskContext task, Duration timeout) throws DriverException {
        setPowerState(task, PowerState.REBOOT, timeout);
    }
}
