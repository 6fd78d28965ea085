package org.ferric.driver.testkit;

import java.util.List;

import org.ferric.driver.api.AgentInterfaces;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;

/**
 * Stands in for the conductor's {@link AgentInterfaces}: named as its implementations are, refusing
 * every operation (the conductor's tests drive the real ones).
 */
public final class StubAgentInterfaces implements AgentInterfaces {

    /** A name, no driver_info, and a refusal for every operation. */
    private abstract static class Stub implements DriverInterface {
        private final String name;

        Stub(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<PropertySpec> properties() {
            return List.of();
        }

        @Override
        public void validate(TaskContext task) {
        }

        static UnsupportedDriverOperationException refused() {
            return new UnsupportedDriverOperationException("stub");
        }
    }

    private static final class Deploy extends Stub implements DeployInterface {
        Deploy() {
            super("direct");
        }

        @Override
        public StepResult deploy(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public void tearDown(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    private static final class Inspect extends Stub implements InspectInterface {
        Inspect() {
            super("agent");
        }

        @Override
        public StepResult inspectHardware(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    private static final class Rescue extends Stub implements RescueInterface {
        Rescue() {
            super("agent");
        }

        @Override
        public StepResult rescue(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public void unrescue(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    @Override
    public DeployInterface direct() {
        return new Deploy();
    }

    @Override
    public InspectInterface inspect() {
        return new Inspect();
    }

    @Override
    public RescueInterface rescue() {
        return new Rescue();
    }
}
