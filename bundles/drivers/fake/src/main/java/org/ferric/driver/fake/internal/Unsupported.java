package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BiosInterface;
import org.ferric.driver.api.ConsoleInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.PassthruMethod;
import org.ferric.driver.api.RaidInterface;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.ferric.driver.api.VendorInterface;

/** Ironic's {@code no-*} interfaces: valid, but every operation is refused with a clear message. */
final class Unsupported {

    private Unsupported() {
    }

    private abstract static class NoInterface extends FakeInterface {
        private final String name;

        NoInterface(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        UnsupportedDriverOperationException refused() {
            return new UnsupportedDriverOperationException(
                    "The " + type().apiName() + " interface of this node is " + name + ": the operation is not supported.");
        }
    }

    static BiosInterface bios() {
        return new BiosNone();
    }

    static ConsoleInterface console() {
        return new ConsoleNone();
    }

    static InspectInterface inspect() {
        return new InspectNone();
    }

    static RaidInterface raid() {
        return new RaidNone();
    }

    static RescueInterface rescue() {
        return new RescueNone();
    }

    static VendorInterface vendor() {
        return new VendorNone();
    }

    private static final class BiosNone extends NoInterface implements BiosInterface {
        BiosNone() {
            super("no-bios");
        }

        @Override
        public StepResult applyConfiguration(TaskContext task, List<Map<String, Object>> settings) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public StepResult factoryReset(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public Map<String, String> cacheBiosSettings(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    private static final class ConsoleNone extends NoInterface implements ConsoleInterface {
        ConsoleNone() {
            super("no-console");
        }

        @Override
        public void startConsole(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public void stopConsole(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public Map<String, Object> getConsole(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    private static final class InspectNone extends NoInterface implements InspectInterface {
        InspectNone() {
            super("no-inspect");
        }

        @Override
        public StepResult inspectHardware(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    private static final class RaidNone extends NoInterface implements RaidInterface {
        RaidNone() {
            super("no-raid");
        }

        @Override
        public StepResult createConfiguration(TaskContext task, Map<String, Object> target) throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public StepResult deleteConfiguration(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    private static final class RescueNone extends NoInterface implements RescueInterface {
        RescueNone() {
            super("no-rescue");
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

    private static final class VendorNone extends NoInterface implements VendorInterface {
        VendorNone() {
            super("no-vendor");
        }

        @Override
        public List<PassthruMethod> methods() {
            return List.of();
        }

        @Override
        public Object call(TaskContext task, String method, String httpMethod, Map<String, Object> data)
                throws UnsupportedDriverOperationException {
            throw refused();
        }
    }
}
