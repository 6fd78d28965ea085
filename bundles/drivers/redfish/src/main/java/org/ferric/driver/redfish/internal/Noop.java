package org.ferric.driver.redfish.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BiosInterface;
import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.ConsoleInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.NetworkInterface;
import org.ferric.driver.api.PassthruMethod;
import org.ferric.driver.api.RaidInterface;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.StorageInterface;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.ferric.driver.api.VendorInterface;

/**
 * The interfaces that do nothing: Ironic's {@code noop} network, storage and management (which
 * succeed) and its {@code no-*} interfaces (which refuse every operation).
 */
final class Noop {

    private Noop() {
    }

    static final class Network extends NoopInterface implements NetworkInterface {
        Network() {
            super("noop");
        }
    }

    static final class Storage extends NoopInterface implements StorageInterface {
        Storage() {
            super("noop");
        }

        @Override
        public void attachVolumes(TaskContext task) {
        }

        @Override
        public void detachVolumes(TaskContext task) {
        }

        @Override
        public boolean shouldWriteImage(TaskContext task) {
            return true;
        }
    }

    /** Ironic's {@code noop} management: for BMCs whose boot order is set by hand; boot devices are accepted and ignored. */
    static final class Management extends NoopInterface implements ManagementInterface {
        Management() {
            super("noop");
        }

        @Override
        public List<String> supportedBootDevices(TaskContext task) {
            return List.of("pxe", "disk");
        }

        @Override
        public void setBootDevice(TaskContext task, String device, boolean persistent) {
        }

        @Override
        public BootDevice getBootDevice(TaskContext task) {
            return new BootDevice(null, null);
        }
    }

    private abstract static class Refusing extends NoopInterface {
        Refusing(String name) {
            super(name);
        }

        UnsupportedDriverOperationException refused() {
            return new UnsupportedDriverOperationException(
                    "The " + type().apiName() + " interface of this node is " + name() + ": the operation is not supported.");
        }
    }

    static final class NoBios extends Refusing implements BiosInterface {
        NoBios() {
            super("no-bios");
        }

        @Override
        public StepResult applyConfiguration(TaskContext task, List<Map<String, Object>> settings)
                throws UnsupportedDriverOperationException {
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

    static final class NoConsole extends Refusing implements ConsoleInterface {
        NoConsole() {
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

    static final class NoInspect extends Refusing implements InspectInterface {
        NoInspect() {
            super("no-inspect");
        }

        @Override
        public StepResult inspectHardware(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    static final class NoRaid extends Refusing implements RaidInterface {
        NoRaid() {
            super("no-raid");
        }

        @Override
        public StepResult createConfiguration(TaskContext task, Map<String, Object> target)
                throws UnsupportedDriverOperationException {
            throw refused();
        }

        @Override
        public StepResult deleteConfiguration(TaskContext task) throws UnsupportedDriverOperationException {
            throw refused();
        }
    }

    static final class NoRescue extends Refusing implements RescueInterface {
        NoRescue() {
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

    static final class NoVendor extends Refusing implements VendorInterface {
        NoVendor() {
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
