package org.ferric.conductor.internal;

import java.time.Duration;

import org.ferric.driver.api.AgentInterfaces;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.RescueInterface;
import org.osgi.service.component.annotations.Component;

/** The conductor's agent-based interfaces, offered to every driver bundle (see {@link AgentInterfaces}). */
@Component(service = AgentInterfaces.class)
public class AgentDriverInterfaces implements AgentInterfaces {
    private final AgentDeploy deploy;
    private final AgentInspect inspect;
    private final AgentRescue rescue;

    public AgentDriverInterfaces() {
        AgentClient client = new AgentClient(Duration.ofSeconds(60));
        deploy = new AgentDeploy(client);
        inspect = new AgentInspect(client);
        rescue = new AgentRescue(client);
    }

    @Override
    public DeployInterface direct() {
        return deploy;
    }

    @Override
    public InspectInterface inspect() {
        return inspect;
    }

    @Override
    public RescueInterface rescue() {
        return rescue;
    }
}
