package org.ferric.conductor.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.NetworkInterface;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.BootDevice;

/** A driver for conductor tests: core interfaces only, deploy can fail or block on demand. */
class TestDriver implements HardwareType {
    volatile String deployFailure;
    volatile CountDownLatch deployGate;
    /** What the "BMC" reports; null: the node's recorded state. */
    volatile PowerState bmcState;
    volatile boolean bmcDown;

    private final Map<InterfaceType, List<DriverInterface>> ifaces = new EnumMap<>(InterfaceType.class);

    TestDriver() {
        ifaces.put(InterfaceType.POWER, List.of(new Power()));
        ifaces.put(InterfaceType.DEPLOY, List.of(new Deploy()));
        ifaces.put(InterfaceType.MANAGEMENT, List.of(new Management()));
        ifaces.put(InterfaceType.BOOT, List.of(new Boot()));
        ifaces.put(InterfaceType.NETWORK, List.of(new Network()));
        ifaces.put(InterfaceType.INSPECT, List.of(new Inspect()));
    }

    @Override
    public String name() {
        return "test-hardware";
    }

    @Override
    public List<? extends DriverInterface> interfaces(InterfaceType type) {
        return ifaces.getOrDefault(type, List.of());
    }

    abstract static class Base implements DriverInterface {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<PropertySpec> properties() {
            return List.of();
        }

        @Override
        public void validate(TaskContext task) {
        }
    }

    final class Power extends Base implements PowerInterface {
        @Override
        public PowerState getPowerState(TaskContext task) throws DriverException {
            if (bmcDown) {
                throw new DriverException("BMC at 10.0.0.1 did not answer");
            }
            return bmcState != null ? bmcState : task.node().powerState();
        }

        @Override
        public void setPowerState(TaskContext task, PowerState target, Duration timeout) {
            task.recordPowerState(target);
        }

        @Override
        public void reboot(TaskContext task, Duration timeout) {
            task.recordPowerState(PowerState.POWER_ON);
        }
    }

    final class Deploy extends Base implements DeployInterface {
        @Override
        public StepResult deploy(TaskContext task) throws DriverException {
            CountDownLatch gate = deployGate;
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (deployFailure != null) {
                throw new DriverException(deployFailure);
            }
            task.recordPowerState(PowerState.POWER_ON);
            return StepResult.DONE;
        }

        @Override
        public void tearDown(TaskContext task) {
            task.recordPowerState(PowerState.POWER_OFF);
        }
    }

    static final class Management extends Base implements ManagementInterface {
        @Override
        public List<String> supportedBootDevices(TaskContext task) {
            return List.of("pxe", "disk");
        }

        @Override
        public void setBootDevice(TaskContext task, String device, boolean persistent) {
        }

        @Override
        public BootDevice getBootDevice(TaskContext task) {
            return new BootDevice("pxe", false);
        }
    }

    static final class Boot extends Base implements BootInterface {
        @Override
        public void prepareRamdisk(TaskContext task) {
        }

        @Override
        public void cleanUpRamdisk(TaskContext task) {
        }

        @Override
        public void prepareInstance(TaskContext task) {
        }

        @Override
        public void cleanUpInstance(TaskContext task) {
        }
    }

    static final class Network extends Base implements NetworkInterface {
    }

    /** Finds 2 CPUs, 4 GiB, a 50 GiB disk and two NICs. */
    static final class Inspect extends Base implements org.ferric.driver.api.InspectInterface {
        @Override
        public StepResult inspectHardware(TaskContext task) {
            task.recordInventory(Map.of(
                    "cpu", Map.of("count", 2, "architecture", "aarch64"),
                    "memory", Map.of("physical_mb", 4096),
                    "disks", List.of(Map.of("name", "/dev/sda", "size", 53687091200L), Map.of("name", "/dev/sr0", "size", 1024L)),
                    "interfaces", List.of(Map.of("name", "eth0", "mac_address", "52:54:00:AA:BB:01"),
                            Map.of("name", "eth1", "mac_address", "52:54:00:aa:bb:02"))));
            return StepResult.DONE;
        }
    }
}
