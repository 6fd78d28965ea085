package org.ferric.driver.api;

import java.util.List;
import java.util.Map;

/**
 * Ironic's {@code no-*} and {@code noop} implementations, which most hardware types list beside
 * their real ones: valid for every node, and every operation of a {@code no-*} one is refused
 * with a clear message. Drivers offer them instead of writing their own.
 *
 * @since 1.2
 */
public final class NoInterfaces {

    private NoInterfaces() {
    }

    private abstract static class NoInterface implements DriverInterface {
        private final String name;

        NoInterface(String name) {
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
            // Nothing to check: these implementations touch no hardware.
        }

        UnsupportedDriverOperationException refused() {
            return new UnsupportedDriverOperationException(
                    "The " + type().apiName() + " interface of this node is " + name + ": the operation is not supported.");
        }
    }

    /** {@code no-bios}. */
    public static BiosInterface bios() {
        return new BiosNone();
    }

    /** {@code no-console}. */
    public static ConsoleInterface console() {
        return new ConsoleNone();
    }

    /** {@code no-inspect}. */
    public static InspectInterface inspect() {
        return new InspectNone();
    }

    /** {@code no-raid}. */
    public static RaidInterface raid() {
        return new RaidNone();
    }

    /** {@code no-rescue}. */
    public static RescueInterface rescue() {
        return new RescueNone();
    }

    /** {@code no-vendor}. */
    public static VendorInterface vendor() {
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

    /** {@code noop} network: nothing to plug, every hook succeeds, VIF operations refused. */
    public static NetworkInterface noopNetwork() {
        return new NoopNetwork();
    }

    /** {@code noop} storage: no volumes, the image is always written. */
    public static StorageInterface noopStorage() {
        return new NoopStorage();
    }

    /**
     * {@code noop} management, for BMCs whose boot order is set by hand: it offers {@code pxe} and
     * {@code disk}, accepts a boot device and ignores it, and reports none as current.
     *
     * @since 1.4
     */
    public static ManagementInterface noopManagement() {
        return new NoopManagement();
    }

    private static final class NoopNetwork extends NoInterface implements NetworkInterface {
        NoopNetwork() {
            super("noop");
        }
    }

    private static final class NoopStorage extends NoInterface implements StorageInterface {
        NoopStorage() {
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

    private static final class NoopManagement extends NoInterface implements ManagementInterface {
        NoopManagement() {
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
}
