package org.ferric.driver.fault.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.HardwareTypeName;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.NetworkInterface;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.Step;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fault-injection}: a fake-hardware that fails, hangs, waits or slows down on demand, per
 * node and per phase (see {@link FaultInjection}). For testing the conductor and for trying
 * failure handling on a live system; it touches no hardware.
 */
@Component(service = HardwareType.class)
@HardwareTypeName(FaultHardware.NAME)
public class FaultHardware implements HardwareType {
    static final String NAME = "fault-injection";
    private static final List<String> PHASES = List.of("power", "verify", "deploy", "tear_down", "clean", "inspect",
            "rescue", "unrescue");

    private final Map<InterfaceType, List<DriverInterface>> interfaces = new EnumMap<>(InterfaceType.class);

    public FaultHardware() {
        interfaces.put(InterfaceType.POWER, List.of(new Power()));
        interfaces.put(InterfaceType.MANAGEMENT, List.of(new Management()));
        interfaces.put(InterfaceType.DEPLOY, List.of(new Deploy()));
        interfaces.put(InterfaceType.BOOT, List.of(new Boot()));
        interfaces.put(InterfaceType.NETWORK, List.of(new Network()));
        interfaces.put(InterfaceType.INSPECT, List.of(new Inspect()));
        interfaces.put(InterfaceType.RESCUE, List.of(new Rescue()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<? extends DriverInterface> interfaces(InterfaceType type) {
        return interfaces.getOrDefault(type, List.of());
    }

    private abstract static class Base implements DriverInterface {
        @Override
        public String name() {
            return "fault";
        }

        @Override
        public List<PropertySpec> properties() {
            List<PropertySpec> specs = new ArrayList<>();
            for (String phase : PHASES) {
                specs.add(PropertySpec.optional(FaultInjection.PREFIX + phase,
                        "How " + phase + " misbehaves: fail, hang, wait or slow."));
            }
            specs.add(PropertySpec.optional("fault_delay_ms", "Delay of a 'slow' phase in milliseconds (default 1000)."));
            specs.add(PropertySpec.optional("fault_hang_seconds", "Length of a 'hang' in seconds (default 3600)."));
            return specs;
        }

        @Override
        public void validate(TaskContext task) throws DriverException {
        }
    }

    private static final class Power extends Base implements PowerInterface {
        @Override
        public PowerState getPowerState(TaskContext task) throws DriverException {
            if ("fail".equals(task.node().driverInfo().get("fault_power_read"))) {
                throw new DriverException("Injected failure reading the power state of node " + task.node().uuid());
            }
            return task.node().powerState();
        }

        @Override
        public void setPowerState(TaskContext task, PowerState target, Duration timeout) throws DriverException {
            FaultInjection.apply(task, "power");
            task.recordPowerState(target == PowerState.POWER_OFF || target == PowerState.SOFT_POWER_OFF
                    ? PowerState.POWER_OFF : PowerState.POWER_ON);
        }

        @Override
        public void reboot(TaskContext task, Duration timeout) throws DriverException {
            FaultInjection.apply(task, "power");
            task.recordPowerState(PowerState.POWER_ON);
        }
    }

    private static final class Management extends Base implements ManagementInterface {
        @Override
        public void validate(TaskContext task) throws DriverException {
            FaultInjection.apply(task, "verify");
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
            return new BootDevice("disk", true);
        }
    }

    private static final class Deploy extends Base implements DeployInterface {
        @Override
        public StepResult deploy(TaskContext task) throws DriverException {
            StepResult r = FaultInjection.apply(task, "deploy");
            if (r == StepResult.DONE) {
                task.recordPowerState(PowerState.POWER_ON);
            }
            return r;
        }

        @Override
        public void tearDown(TaskContext task) throws DriverException {
            FaultInjection.apply(task, "tear_down");
            task.recordPowerState(PowerState.POWER_OFF);
        }

        @Override
        public List<Step> cleanSteps(TaskContext task) {
            return List.of(new Step(InterfaceType.DEPLOY, "erase_devices", 10, true, Map.of()));
        }

        @Override
        public StepResult executeStep(TaskContext task, Step step) throws DriverException {
            return FaultInjection.apply(task, "clean");
        }
    }

    private static final class Boot extends Base implements BootInterface {
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

    private static final class Network extends Base implements NetworkInterface {
        @Override
        public String name() {
            return "noop";
        }
    }

    private static final class Inspect extends Base implements InspectInterface {
        @Override
        public StepResult inspectHardware(TaskContext task) throws DriverException {
            StepResult r = FaultInjection.apply(task, "inspect");
            if (r == StepResult.DONE) {
                task.recordInventory(Inventories.of(task.node().uuid()));
            }
            return r;
        }

        @Override
        public void abort(TaskContext task) {
        }
    }

    private static final class Rescue extends Base implements RescueInterface {
        @Override
        public StepResult rescue(TaskContext task) throws DriverException {
            return FaultInjection.apply(task, "rescue");
        }

        @Override
        public void unrescue(TaskContext task) throws DriverException {
            FaultInjection.apply(task, "unrescue");
        }
    }

    /** A plausible server, the same for the same node, in the agent's inventory format. */
    static final class Inventories {
        private Inventories() {
        }

        static Map<String, Object> of(String uuid) {
            int h = Math.abs(uuid.hashCode());
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("cpu", Map.of("model_name", "Fault Injection CPU", "count", 8, "architecture", "x86_64"));
            inv.put("memory", Map.of("total", 17179869184L, "physical_mb", 16384));
            inv.put("disks", List.of(Map.of("name", "/dev/sda", "size", 107374182400L, "rotational", false)));
            inv.put("interfaces", List.of(
                    Map.of("name", "eth0", "mac_address", mac(h, 1), "ipv4_address", "192.0.2." + (h % 250 + 1)),
                    Map.of("name", "eth1", "mac_address", mac(h, 2))));
            inv.put("system_vendor", Map.of("manufacturer", "Ferric", "product_name", "fault-injection", "serial_number", "FI" + h));
            return inv;
        }

        private static String mac(int h, int n) {
            return String.format("52:54:%02x:%02x:%02x:%02x", (h >> 24) & 0xff, (h >> 16) & 0xff, (h >> 8) & 0xff, n);
        }
    }
}
