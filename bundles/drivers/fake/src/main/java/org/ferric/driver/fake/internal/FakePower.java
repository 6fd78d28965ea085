package org.ferric.driver.fake.internal;

import java.time.Duration;
import java.util.List;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/** Remembers the power state in the node itself, as Ironic's FakePower does. */
final class FakePower extends FakeInterface implements PowerInterface {

    @Override
    public PowerState getPowerState(TaskContext task) {
        return task.node().powerState();
    }

    @Override
    public void setPowerState(TaskContext task, PowerState target, Duration timeout) throws DriverException {
        switch (target) {
            case POWER_ON, REBOOT, SOFT_REBOOT -> task.recordPowerState(PowerState.POWER_ON);
            case POWER_OFF, SOFT_POWER_OFF -> task.recordPowerState(PowerState.POWER_OFF);
            default -> throw new DriverException("Unsupported power target " + target.apiName());
        }
    }

    @Override
    public void reboot(TaskContext task, Duration timeout) {
        task.recordPowerState(PowerState.POWER_ON);
    }

    @Override
    public List<PowerState> supportedPowerStates(TaskContext task) {
        return List.of(PowerState.POWER_ON, PowerState.POWER_OFF, PowerState.REBOOT,
                PowerState.SOFT_REBOOT, PowerState.SOFT_POWER_OFF);
    }
}
