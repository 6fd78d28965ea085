package org.ferric.conductor.internal;

import java.util.Map;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/**
 * In-band inspection: the node boots the agent and waits in {@code inspect wait}; at the agent's first
 * heartbeat the conductor pulls its inventory ({@code inventory.get_inventory}), records it and powers
 * the node off. Ironic's agent posts its inventory to the inspector instead; pulling it keeps one
 * protocol (the agent's command API) for every in-band operation.
 */
final class AgentInspect extends AgentInterface implements InspectInterface {
    static final String NAME = "agent";

    AgentInspect(AgentClient agent) {
        super(agent);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult inspectHardware(TaskContext task) throws DriverException {
        AgentRamdisk.boot(task);
        return StepResult.WAIT;
    }

    @Override
    public void abort(TaskContext task) throws DriverException {
        AgentRamdisk.shutDown(task, true);
    }

    /** Called at the agent's heartbeat in {@code inspect wait}: records its inventory and powers the node off. */
    void finish(NodeTask task) throws DriverException {
        Map<String, Object> answer = agent.execute(task.node(), "inventory.get_inventory", Map.of(), true);
        if (!(answer.get("command_result") instanceof Map<?, ?> result) || !(result.get("inventory") instanceof Map<?, ?> inventory)) {
            throw new DriverException("The agent of node " + task.editable().getUuid() + " returned no inventory.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inv = (Map<String, Object>) inventory;
        task.recordInventory(inv);
        AgentRamdisk.shutDown(task, true);
    }
}
