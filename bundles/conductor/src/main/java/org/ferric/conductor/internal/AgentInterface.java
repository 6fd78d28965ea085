package org.ferric.conductor.internal;

import java.util.List;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** What the agent-based interfaces share: the agent's command API, and no {@code driver_info} of their own. */
abstract class AgentInterface implements DriverInterface {
    protected final AgentClient agent;

    AgentInterface(AgentClient agent) {
        this.agent = agent;
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    /** Nothing to check by default: the node's power and boot interfaces validate the BMC's part. */
    @Override
    public void validate(TaskContext task) throws DriverException {
    }
}
