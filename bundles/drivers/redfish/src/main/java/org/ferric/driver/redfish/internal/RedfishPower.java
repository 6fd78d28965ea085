package org.ferric.driver.redfish.internal;

import java.time.Duration;
import java.util.List;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ironic's {@code RedfishPower}: ComputerSystem.Reset, then waits until PowerState says so. */
final class RedfishPower extends RedfishInterface implements PowerInterface {
    private static final Logger LOG = LoggerFactory.getLogger(RedfishPower.class);

    RedfishPower(Connections connections) {
        super(connections);
    }

    /** Ironic's map: a transition counts as its destination. */
    static PowerState fromRedfish(String state) {
        return switch (state) {
            case "On", "PoweringOn" -> PowerState.POWER_ON;
            case "Off", "PoweringOff" -> PowerState.POWER_OFF;
            default -> PowerState.ERROR;
        };
    }

    @Override
    public PowerState getPowerState(TaskContext task) throws DriverException {
        return fromRedfish(connections.system(task.node()).json().path("PowerState").asText(""));
    }

    @Override
    public void setPowerState(TaskContext task, PowerState target, Duration timeout) throws DriverException {
        RedfishSystem system = connections.system(task.node());
        switch (target) {
            case POWER_ON -> resetAndWait(task, system, "On", "On", timeout);
            case POWER_OFF -> resetAndWait(task, system, "ForceOff", "Off", timeout);
            case REBOOT -> reboot(task, timeout);
            case SOFT_REBOOT -> resetAndWait(task, system, "GracefulRestart", "On", timeout);
            case SOFT_POWER_OFF -> resetAndWait(task, system, "GracefulShutdown", "Off",
                    timeout != null ? timeout : settings().softPowerOffTimeout());
            default -> throw new InvalidParameterException("set_power_state called with invalid power state "
                    + target.apiName() + ".");
        }
    }

    /** As Ironic: off (if on), then on, each waited for. */
    @Override
    public void reboot(TaskContext task, Duration timeout) throws DriverException {
        RedfishSystem system = connections.system(task.node());
        if (fromRedfish(system.json().path("PowerState").asText("")) == PowerState.POWER_ON) {
            resetAndWait(task, system, "ForceOff", "Off", timeout);
        }
        resetAndWait(task, system, "On", "On", timeout);
    }

    @Override
    public List<PowerState> supportedPowerStates(TaskContext task) {
        return List.of(PowerState.POWER_ON, PowerState.POWER_OFF, PowerState.REBOOT, PowerState.SOFT_REBOOT,
                PowerState.SOFT_POWER_OFF);
    }

    private void resetAndWait(TaskContext task, RedfishSystem system, String resetType, String expected, Duration timeout)
            throws DriverException {
        try {
            system.reset(resetType);
        } catch (DriverException e) {
            throw new DriverException("Setting power state to " + expected.toLowerCase() + " failed for node "
                    + task.node().uuid() + ". Error: " + e.getMessage(), e);
        }
        Duration limit = timeout != null ? timeout : settings().powerStateChangeTimeout();
        long deadline = System.nanoTime() + limit.toNanos();
        String state;
        // Exact states here: a BMC still PoweringOn has not finished the job yet.
        while (!(state = system.json().path("PowerState").asText("")).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new DriverException("Timed out after " + limit.toSeconds() + " s waiting for node "
                        + task.node().uuid() + " to reach power state " + expected + " (Reset " + resetType
                        + "); the BMC reports " + state + ".");
            }
            Pause.sleep(settings().pollInterval(), "power state " + expected);
        }
        LOG.debug("Node {} is {} after Reset {}", task.node().uuid(), expected, resetType);
        task.recordPowerState(fromRedfish(expected));
    }
}
