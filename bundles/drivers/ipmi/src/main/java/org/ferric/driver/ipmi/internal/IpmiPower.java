package org.ferric.driver.ipmi.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/**
 * Ironic's {@code IPMIPower}: sends {@code power on|off|soft} and then polls {@code power status}
 * until the BMC reports the target, or the timeout passes. A reboot is off-then-on rather than
 * {@code power cycle}, because Ironic must set the next boot device between the two.
 */
final class IpmiPower extends IpmiInterface implements PowerInterface {
    private static final long POLL_PAUSE_MS = 200;

    private final IpmiManagement management;

    IpmiPower(IpmiTool ipmitool, IpmiManagement management) {
        super(ipmitool);
        this.management = management;
    }

    @Override
    public PowerState getPowerState(TaskContext task) throws DriverException {
        return status(DriverInfo.parse(task.node()));
    }

    private PowerState status(DriverInfo info) throws DriverException {
        return PowerStatusParser.parse(ipmitool.run(info, "power", "status").stdout());
    }

    @Override
    public void setPowerState(TaskContext task, PowerState target, Duration timeout) throws DriverException {
        DriverInfo info = DriverInfo.parse(task.node());
        switch (target) {
            case POWER_ON -> {
                management.ensureNextBootDevice(task, info);
                setAndWait(task, info, "on", PowerState.POWER_ON, timeout);
            }
            case POWER_OFF -> setAndWait(task, info, "off", PowerState.POWER_OFF, timeout);
            case SOFT_POWER_OFF -> setAndWait(task, info, "soft", PowerState.POWER_OFF, softTimeout(timeout));
            case SOFT_REBOOT -> {
                setAndWait(task, info, "soft", PowerState.POWER_OFF, softTimeout(timeout));
                management.ensureNextBootDevice(task, info);
                setAndWait(task, info, "on", PowerState.POWER_ON, timeout);
            }
            case REBOOT -> reboot(task, timeout);
            default -> throw new InvalidParameterException("set_power_state called with invalid power state "
                    + target.apiName() + ".");
        }
    }

    @Override
    public void reboot(TaskContext task, Duration timeout) throws DriverException {
        DriverInfo info = DriverInfo.parse(task.node());
        // Some BMCs refuse "power off" on a server that is already off.
        if (status(info) != PowerState.POWER_OFF) {
            setAndWait(task, info, "off", PowerState.POWER_OFF, timeout);
        }
        management.ensureNextBootDevice(task, info);
        setAndWait(task, info, "on", PowerState.POWER_ON, timeout);
    }

    @Override
    public List<PowerState> supportedPowerStates(TaskContext task) {
        return List.of(PowerState.POWER_ON, PowerState.POWER_OFF, PowerState.REBOOT,
                PowerState.SOFT_REBOOT, PowerState.SOFT_POWER_OFF);
    }

    private Duration softTimeout(Duration timeout) {
        return timeout != null ? timeout : settings().softPowerOffTimeout();
    }

    private void setAndWait(TaskContext task, DriverInfo info, String action, PowerState expected, Duration timeout)
            throws DriverException {
        ipmitool.run(info, "power", action);
        Duration limit = timeout != null ? timeout : settings().powerStateChangeTimeout();
        long deadline = System.nanoTime() + limit.toNanos();
        PowerState state;
        do {
            pause();
            state = status(info);
            if (state == expected) {
                task.recordPowerState(state);
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new DriverException("Failed to set node " + info.uuid() + " power state to " + expected.apiName()
                + ": the BMC still reports " + state.apiName() + " after " + limit.toMillis() / 1000.0 + " s.");
    }

    private static void pause() throws DriverException {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while waiting for a power state");
        }
    }
}
