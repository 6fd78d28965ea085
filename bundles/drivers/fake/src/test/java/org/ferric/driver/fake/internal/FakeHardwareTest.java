package org.ferric.driver.fake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.Indicator;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.RaidInterface;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.junit.jupiter.api.Test;

class FakeHardwareTest {
    private final FakeHardware hw = new FakeHardware();

    /** A task whose recorded results are visible to the next call, as the conductor's is. */
    static final class Task implements TaskContext {
        PowerState power;
        final Map<String, Object> internal = new HashMap<>();

        @Override
        public NodeView node() {
            return new NodeView() {
                public String uuid() { return "u"; }
                public String name() { return null; }
                public String driver() { return FakeHardware.NAME; }
                public Map<String, Object> driverInfo() { return Map.of(); }
                public Map<String, Object> driverInternalInfo() { return Map.copyOf(internal); }
                public Map<String, Object> properties() { return Map.of(); }
                public Map<String, Object> instanceInfo() { return Map.of(); }
                public String provisionState() { return "enroll"; }
                public PowerState powerState() { return power; }
                public String interfaceName(InterfaceType type) { return "fake"; }
                public Set<String> traits() { return Set.of(); }
                public Set<String> macAddresses() { return Set.of(); }
            };
        }

        public String lockHolder() { return "test"; }
        public boolean isSharedLock() { return false; }
        public void putDriverInternalInfo(String key, Object value) { internal.put(key, value); }
        public void recordPowerState(PowerState state) { power = state; }
        public void updateProperties(Map<String, Object> properties) { }
        public void recordError(String message) { }
        public void recordInventory(Map<String, Object> inventory) { }
    }

    @Test
    void defaultsAreIronicsFakeHardwareDefaults() {
        Map<InterfaceType, String> expected = Map.ofEntries(Map.entry(InterfaceType.BIOS, "fake"),
                Map.entry(InterfaceType.BOOT, "fake"), Map.entry(InterfaceType.CONSOLE, "fake"),
                Map.entry(InterfaceType.DEPLOY, "fake"), Map.entry(InterfaceType.INSPECT, "fake"),
                Map.entry(InterfaceType.MANAGEMENT, "fake"), Map.entry(InterfaceType.NETWORK, "noop"),
                Map.entry(InterfaceType.POWER, "fake"), Map.entry(InterfaceType.RAID, "fake"),
                Map.entry(InterfaceType.RESCUE, "fake"), Map.entry(InterfaceType.STORAGE, "noop"),
                Map.entry(InterfaceType.VENDOR, "fake"));
        for (InterfaceType t : InterfaceType.values()) {
            List<? extends DriverInterface> impls = hw.interfaces(t);
            assertFalse(impls.isEmpty(), t.apiName());
            assertEquals(expected.get(t), impls.get(0).name(), t.apiName());
            impls.forEach(i -> assertEquals(t, i.type(), i.name()));
        }
    }

    @Test
    void powerStateIsRemembered() throws Exception {
        PowerInterface power = (PowerInterface) hw.interfaces(InterfaceType.POWER).get(0);
        Task task = new Task();
        assertEquals(null, power.getPowerState(task));
        power.setPowerState(task, PowerState.POWER_ON, null);
        assertEquals(PowerState.POWER_ON, power.getPowerState(task));
        power.setPowerState(task, PowerState.SOFT_POWER_OFF, null);
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task));
        power.reboot(task, null);
        assertEquals(PowerState.POWER_ON, power.getPowerState(task));
    }

    @Test
    void bootDeviceIsRememberedAndValidated() throws Exception {
        ManagementInterface mgmt = (ManagementInterface) hw.interfaces(InterfaceType.MANAGEMENT).get(0);
        Task task = new Task();
        mgmt.setBootDevice(task, "disk", true);
        assertEquals(new BootDevice("disk", true), mgmt.getBootDevice(task));
        assertThrows(InvalidParameterException.class, () -> mgmt.setBootDevice(task, "floppy", false));
    }

    @Test
    void indicatorsAreIronicsFakeOnesAndTheSystemLedKeepsItsState() throws Exception {
        ManagementInterface mgmt = (ManagementInterface) hw.interfaces(InterfaceType.MANAGEMENT).get(0);
        Task task = new Task();
        Map<String, Map<String, Indicator>> all = mgmt.supportedIndicators(task);
        assertEquals(Set.of("chassis", "system"), all.keySet());
        assertEquals(new Indicator(true, List.of("off", "on")), all.get("chassis").get("led-0"));
        assertEquals(new Indicator(false, List.of("blinking", "off", "on")), all.get("system").get("led"));

        assertEquals("on", mgmt.getIndicatorState(task, "system", "led"));
        mgmt.setIndicatorState(task, "system", "led", "blinking");
        assertEquals("blinking", mgmt.getIndicatorState(task, "system", "led"));
        assertEquals("on", mgmt.getIndicatorState(task, "chassis", "led-0"));

        assertEquals("Invalid component disk specified.", assertThrows(InvalidParameterException.class,
                () -> mgmt.getIndicatorState(task, "disk", "led")).getMessage());
        assertEquals("Invalid indicator led-9 specified.", assertThrows(InvalidParameterException.class,
                () -> mgmt.getIndicatorState(task, "system", "led-9")).getMessage());
        assertThrows(InvalidParameterException.class, () -> mgmt.setIndicatorState(task, "chassis", "led-0", "off"));
        assertThrows(InvalidParameterException.class, () -> mgmt.setIndicatorState(task, "system", "led", "purple"));
        assertEquals("blinking", mgmt.getIndicatorState(task, "system", "led"));
    }

    @Test
    void noInterfacesRefuseClearly() {
        RaidInterface noRaid = (RaidInterface) hw.interfaces(InterfaceType.RAID).get(1);
        assertEquals("no-raid", noRaid.name());
        UnsupportedDriverOperationException e = assertThrows(UnsupportedDriverOperationException.class,
                () -> noRaid.deleteConfiguration(new Task()));
        assertEquals("The raid interface of this node is no-raid: the operation is not supported.", e.getMessage());
    }
}
