package org.ferric.driver.ipmi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.ConsoleInterface;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.ferric.driver.testkit.TestTask;
import org.ferric.driver.testkit.StubAgentInterfaces;

class IpmiHardwareTest {

    private static IpmiHardware hardware(String portRange) throws Exception {
        return new IpmiHardware(new IpmiSettings(Duration.ofSeconds(1), Duration.ZERO, false, true, List.of(), false, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(1), "uefi", "ipmitool", "127.0.0.1", portRange), new StubAgentInterfaces());
    }

    @Test
    void interfacesDefaultFirst() throws Exception {
        IpmiHardware hw = hardware("");
        Map<InterfaceType, String> expected = Map.ofEntries(Map.entry(InterfaceType.BIOS, "no-bios"),
                Map.entry(InterfaceType.BOOT, "pxe"), Map.entry(InterfaceType.CONSOLE, "no-console"),
                Map.entry(InterfaceType.DEPLOY, "direct"), Map.entry(InterfaceType.INSPECT, "agent"),
                Map.entry(InterfaceType.MANAGEMENT, "ipmitool"), Map.entry(InterfaceType.NETWORK, "noop"),
                Map.entry(InterfaceType.POWER, "ipmitool"), Map.entry(InterfaceType.RAID, "no-raid"),
                Map.entry(InterfaceType.RESCUE, "no-rescue"), Map.entry(InterfaceType.STORAGE, "noop"),
                Map.entry(InterfaceType.VENDOR, "ipmitool"));
        for (InterfaceType t : InterfaceType.values()) {
            List<? extends DriverInterface> impls = hw.interfaces(t);
            assertFalse(impls.isEmpty(), t.apiName());
            assertEquals(expected.get(t), impls.get(0).name(), t.apiName());
            impls.forEach(i -> assertEquals(t, i.type(), i.name()));
        }
        assertEquals("ipmitool-socat", hw.interfaces(InterfaceType.CONSOLE).get(1).name());
        assertEquals(List.of("send_raw", "bmc_reset"), ((IpmiVendor) hw.interfaces(InterfaceType.VENDOR).get(0))
                .methods().stream().map(m -> m.name()).toList());
        hw.deactivate();
    }

    @Test
    void consoleNeedsAPortOrARange() throws Exception {
        IpmiHardware hw = hardware("");
        ConsoleInterface console = (ConsoleInterface) hw.interfaces(InterfaceType.CONSOLE).get(1);
        TestTask task = new TestTask("ipmi", Map.of("ipmi_address", "h"));
        String msg = assertThrows(InvalidParameterException.class, () -> console.validate(task)).getMessage();
        assertTrue(msg.contains("ipmi_terminal_port"), msg);
        console.validate(task.with("ipmi_terminal_port", 8023));
        assertEquals(Map.of("type", "socat", "url", "tcp://127.0.0.1:8023"), console.getConsole(task));
        task.with("ipmi_protocol_version", "1.5");
        assertTrue(assertThrows(InvalidParameterException.class, () -> console.validate(task)).getMessage()
                .contains("ipmi_protocol_version"));
        hw.deactivate();
        assertThrows(InvalidParameterException.class, () -> hardware("20:10"));
    }
}
