package org.ferric.conductor.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/**
 * Ironic's {@code agent} rescue: the node boots the agent ramdisk; at its heartbeat the conductor sends
 * the rescue password ({@code rescue.finalize_rescue}) and the agent hands the machine to the rescue
 * user. Unrescue powers off and boots the instance again.
 */
final class AgentRescue extends AgentInterface implements RescueInterface {
    static final String NAME = "agent";

    AgentRescue(AgentClient agent) {
        super(agent);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult rescue(TaskContext task) throws DriverException {
        NodeTask t = AgentRamdisk.nodeTask(task);
        PowerInterface power = t.iface(InterfaceType.POWER);
        power.setPowerState(task, PowerState.POWER_OFF, null);
        BootInterface boot = t.iface(InterfaceType.BOOT);
        if (boot != null) {
            boot.cleanUpInstance(task);
        }
        AgentRamdisk.boot(task);
        return StepResult.WAIT;
    }

    /** Called at the agent's heartbeat in {@code rescue wait}. */
    void finish(NodeTask task) throws DriverException {
        Object password = task.editable().getInstanceInfo().get("rescue_password");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rescue_password", password == null ? "" : password.toString());
        params.put("hashed", false);
        agent.execute(task.node(), "rescue.finalize_rescue", params, true);
        // The agent stops heartbeating now; its token must not let anything else in.
        AgentRamdisk.wipe(task);
    }

    @Override
    public void unrescue(TaskContext task) throws DriverException {
        NodeTask t = AgentRamdisk.nodeTask(task);
        AgentRamdisk.shutDown(task, true);
        BootInterface boot = t.iface(InterfaceType.BOOT);
        if (boot != null) {
            boot.prepareInstance(task);
        }
        PowerInterface power = t.iface(InterfaceType.POWER);
        power.setPowerState(task, PowerState.POWER_ON, null);
        task.recordPowerState(PowerState.POWER_ON);
    }
}
