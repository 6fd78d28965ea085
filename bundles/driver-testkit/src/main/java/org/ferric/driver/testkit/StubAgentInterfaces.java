package org.ferric.driver.testkit;

import java.util.List;

import org.ferric.driver.api.AgentInterfaces;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;

/** Stands in for the conductor's {@link AgentInterfaces}: named as its implementations are, doing nothing (the conductor's tests drive the real ones). */
public final class StubAgentInterfaces implements AgentInterfaces {

    @Override
    public DeployInterface direct() {
        return new DeployInterface() {
            @Override
            public String name() {
                return "direct";
            }

            @Override
            public List<PropertySpec> properties() {
                return List.of();
            }

            @Override
            public void validate(TaskContext task) {
            }

            @Override
            public StepResult deploy(TaskContext task) throws UnsupportedDriverOperationException {
                throw new UnsupportedDriverOperationException("stub");
            }

            @Override
            public void tearDown(TaskContext task) throws UnsupportedDriverOperationException {
                throw new UnsupportedDriverOperationException("stub");
            }
        };
    }

    @Override
    public InspectInterface inspect() {
        return new InspectInterface() {
            @Override
            public String name() {
                return "agent";
            }

            @Override
            public List<PropertySpec> properties() {
                return List.of();
            }

            @Override
            public void validate(TaskContext task) {
            }

            @Override
            public StepResult inspectHardware(TaskContext task) throws UnsupportedDriverOperationException {
                throw new UnsupportedDriverOperationException("stub");
            }
        };
    }

    @Override
    public RescueInterface rescue() {
        return new RescueInterface() {
            @Override
            public String name() {
                return "agent";
            }

            @Override
            public List<PropertySpec> properties() {
                return List.of();
            }

            @Override
            public void validate(TaskContext task) {
            }

            @Override
            public StepResult rescue(TaskContext task) throws UnsupportedDriverOperationException {
                throw new UnsupportedDriverOperationException("stub");
            }

            @Override
            public void unrescue(TaskContext task) throws UnsupportedDriverOperationException {
                throw new UnsupportedDriverOperationException("stub");
            }
        };
    }
}
