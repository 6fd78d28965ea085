package org.ferric.driver.ipmi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PowerState;
import org.junit.jupiter.api.Test;
import org.ferric.driver.testkit.TestTask;

class ParsersTest {

    private static String bootparam(String selector, String persistence) {
        return "Boot parameter version: 1\n"
                + "Boot parameter 5 is valid/unlocked\n"
                + "Boot parameter data: 0004000000\n"
                + " Boot Flags :\n"
                + "   - Boot Flag Valid\n"
                + "   - " + persistence + "\n"
                + "   - BIOS PC Compatible (legacy) boot \n"
                + "   - Boot Device Selector : " + selector + "\n"
                + "   - BIOS verbosity : System Default\n";
    }

    @Test
    void powerStatus() {
        assertEquals(PowerState.POWER_ON, PowerStatusParser.parse("Chassis Power is on\n"));
        assertEquals(PowerState.POWER_OFF, PowerStatusParser.parse("Chassis Power is off\n"));
        assertEquals(PowerState.ERROR, PowerStatusParser.parse("Chassis Power is unknown\n"));
        assertEquals(PowerState.ERROR, PowerStatusParser.parse(""));
    }

    @Test
    void bootDevices() {
        String once = "Options apply to only next boot";
        String always = "Options apply to all future boots";
        assertEquals(new BootDevice("pxe", false), BootParamParser.parse(bootparam("Force PXE", once)));
        assertEquals(new BootDevice("disk", true), BootParamParser.parse(bootparam("Force Boot from default Hard-Drive", always)));
        assertEquals(new BootDevice("safe", false),
                BootParamParser.parse(bootparam("Force Boot from default Hard-Drive, request Safe-Mode", once)));
        assertEquals(new BootDevice("bios", false), BootParamParser.parse(bootparam("Force Boot into BIOS Setup", once)));
        assertEquals(new BootDevice("cdrom", true), BootParamParser.parse(bootparam("Force Boot from CD/DVD", always)));
        assertEquals(new BootDevice(null, false), BootParamParser.parse(bootparam("No override", once)));
    }

    @Test
    void sensors() throws Exception {
        String sdr = "Sensor ID              : Temp (0x1)\n"
                + " Entity ID             : 3.1 (Processor)\n"
                + " Sensor Type (Analog)  : Temperature\n"
                + " Sensor Reading        : 42 (+/- 0) degrees C\n"
                + " Status                : ok\n"
                + "\n"
                + "Sensor ID              : Fan 1 (0x30)\n"
                + " Sensor Type (Threshold)  : Fan\n"
                + " Sensor Reading        : 4800 (+/- 75) RPM\n"
                + "\n"
                + "Sensor ID              : Intrusion (0x40)\n"
                + " Sensor Type (Discrete): Physical Security\n";
        Map<String, Object> data = SensorDataParser.parse(sdr);
        assertEquals(java.util.Set.of("Temperature", "Fan"), data.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> temps = (Map<String, Object>) data.get("Temperature");
        @SuppressWarnings("unchecked")
        Map<String, String> cpu = (Map<String, String>) temps.get("Temp (0x1)");
        assertEquals("42 (+/- 0) degrees C", cpu.get("Sensor Reading"));
        assertThrows(DriverException.class, () -> SensorDataParser.parse("Sensor ID : x\n Sensor Reading : 1\n"));
    }

    @Test
    void bootModeWhereIronicLooks() {
        TestTask task = new TestTask("ipmi", Map.of("ipmi_address", "h"));
        assertEquals("uefi", BootMode.of(task.node(), "uefi"));
        task.properties.put("capabilities", "cpu_vt:true,boot_mode:bios");
        assertEquals("bios", BootMode.of(task.node(), "uefi"));
        task.instanceInfo.put("deploy_boot_mode", "uefi");
        assertEquals("uefi", BootMode.of(task.node(), "bios"));
        task.instanceInfo.put("capabilities", "{\"boot_mode\": \"bios\"}");
        assertEquals("bios", BootMode.of(task.node(), "uefi"));
        task.instanceInfo.put("capabilities", Map.of("secure_boot", "true"));
        assertEquals("uefi", BootMode.of(task.node(), "bios"));
    }

    @Test
    void rawBytes() throws Exception {
        assertEquals("0x06 0x01", IpmiVendor.rawBytes(" 0x06 0x01 "));
        assertThrows(org.ferric.driver.api.InvalidParameterException.class, () -> IpmiVendor.rawBytes(null));
        assertThrows(org.ferric.driver.api.InvalidParameterException.class, () -> IpmiVendor.rawBytes("0x06 ; reboot"));
    }
}
