package org.ferric.conductor.internal;

import java.time.Duration;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Node;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;

/** Power changes: accepted under the node's lock, done on a worker. */
final class PowerActions {
    private final TaskManager tasks;
    private final NodeHistoryLog history;

    PowerActions(TaskManager tasks, NodeHistoryLog history) {
        this.tasks = tasks;
        this.history = history;
    }

    void start(String nodeUuid, String target, Integer timeoutSeconds) {
        PowerState wanted = PowerState.fromApiName(target);
        if (wanted == null || wanted == PowerState.ERROR) {
            throw ConductorException.badRequest("Invalid power state " + target + ".");
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw ConductorException.badRequest("Invalid timeout " + timeoutSeconds + ": it must be a positive number of seconds.");
        }
        NodeTask task = tasks.acquire(nodeUuid);
        boolean spawned = false;
        try {
            PowerInterface power = task.iface(InterfaceType.POWER);
            if (power == null) {
                throw ConductorException.badRequest("The power interface " + task.editable().getPowerInterface()
                        + " of node " + nodeUuid + " is not supported by driver " + task.editable().getDriver() + ".");
            }
            if (!power.supportedPowerStates(task).contains(wanted)) {
                throw ConductorException.badRequest("The requested power state " + target + " is not supported by the power interface "
                        + power.name() + " of node " + nodeUuid + ".");
            }
            Node node = task.editable();
            node.setTargetPowerState(switch (wanted) {
                case REBOOT, SOFT_REBOOT -> PowerState.POWER_ON.apiName();
                case SOFT_POWER_OFF -> PowerState.POWER_OFF.apiName();
                default -> wanted.apiName();
            });
            node.setLastError(null);
            tasks.save(task);
            Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
            tasks.spawn(task, t -> {
                power.validate(t);
                if (wanted == PowerState.REBOOT) {
                    power.reboot(t, timeout);
                } else {
                    power.setPowerState(t, wanted, timeout);
                }
                t.editable().setTargetPowerState(null);
            }, (t, e) -> {
                t.editable().setTargetPowerState(null);
                t.editable().setLastError("Failed to change power state to '" + target + "' by '"
                        + target + "'. Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                history.error(t.editable().getUuid(), "power", t.editable().getLastError());
            });
            spawned = true;
        } finally {
            if (!spawned) {
                tasks.release(task);
            }
        }
    }
}
