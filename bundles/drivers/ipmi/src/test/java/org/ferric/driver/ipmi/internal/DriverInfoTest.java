package org.ferric.driver.ipmi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PropertySpec;
import org.junit.jupiter.api.Test;
import org.ferric.driver.testkit.TestTask;

class DriverInfoTest {

    private static String rejected(TestTask task) {
        return assertThrows(InvalidParameterException.class, () -> DriverInfo.parse(task.node())).getMessage();
    }

    @Test
    void defaultsAreIronics() throws Exception {
        DriverInfo info = DriverInfo.parse(new TestTask("ipmi", Map.of("ipmi_address", "10.0.0.5")).node());
        assertEquals("10.0.0.5", info.address());
        assertEquals("ADMINISTRATOR", info.privLevel());
        assertEquals("2.0", info.protocolVersion());
        assertNull(info.port());
        assertNull(info.cipherSuite());
        assertEquals("", info.password());
        assertEquals("no", info.bridging().type());
        assertFalse(info.forceBootDevice());
        assertNull(info.disableBootTimeout());
        assertEquals("10.0.0.5:623", info.bmcKey());
    }

    @Test
    void acceptsJsonNumbersAndStrings() throws Exception {
        DriverInfo info = DriverInfo.parse(new TestTask("ipmi", Map.of("ipmi_address", "bmc", "ipmi_port", 6230,
                "ipmi_cipher_suite", "17", "ipmi_force_boot_device", "True", "ipmi_disable_boot_timeout", false,
                "ipmi_terminal_port", "8023")).node());
        assertEquals(6230, info.port());
        assertEquals(17, info.cipherSuite());
        assertTrue(info.forceBootDevice());
        assertEquals(false, info.disableBootTimeout());
        assertEquals(8023, info.terminalPort());
    }

    @Test
    void addressIsRequired() {
        assertTrue(rejected(new TestTask("ipmi", Map.of("ipmi_username", "admin"))).contains("ipmi_address"));
        assertTrue(rejected(new TestTask("ipmi", Map.of("ipmi_address", ""))).contains("ipmi_address"));
    }

    @Test
    void badValuesNameTheirKey() {
        TestTask base = new TestTask("ipmi", Map.of("ipmi_address", "bmc"));
        assertTrue(rejected(base.with("ipmi_priv_level", "ROOT")).contains("ipmi_priv_level"));
        base.driverInfo.remove("ipmi_priv_level");
        assertTrue(rejected(base.with("ipmi_port", "70000")).contains("ipmi_port"));
        base.driverInfo.remove("ipmi_port");
        assertTrue(rejected(base.with("ipmi_port", "abc")).contains("ipmi_port"));
        base.driverInfo.remove("ipmi_port");
        assertTrue(rejected(base.with("ipmi_terminal_port", 0)).contains("ipmi_terminal_port"));
        base.driverInfo.remove("ipmi_terminal_port");
        assertTrue(rejected(base.with("ipmi_protocol_version", "3.0")).contains("ipmi_protocol_version"));
        base.driverInfo.remove("ipmi_protocol_version");
        assertTrue(rejected(base.with("ipmi_cipher_suite", "seventeen")).contains("ipmi_cipher_suite"));
        base.with("ipmi_cipher_suite", 3).with("ipmi_protocol_version", "1.5");
        assertTrue(rejected(base).contains("IPMI 1.5"));
        base.driverInfo.remove("ipmi_cipher_suite");
        base.driverInfo.remove("ipmi_protocol_version");
        assertTrue(rejected(base.with("ipmi_hex_kg_key", "abc")).contains("ipmi_hex_kg_key"));
        base.driverInfo.remove("ipmi_hex_kg_key");
        assertTrue(rejected(base.with("ipmi_bridging", "triple")).contains("ipmi_bridging"));
    }

    @Test
    void bridgingNeedsItsAddresses() throws Exception {
        TestTask task = new TestTask("ipmi", Map.of("ipmi_address", "bmc", "ipmi_bridging", "dual", "ipmi_target_channel", "7"));
        String msg = rejected(task);
        assertTrue(msg.contains("ipmi_target_address") && msg.contains("ipmi_transit_channel")
                && msg.contains("ipmi_transit_address"), msg);
        task.with("ipmi_bridging", "single").with("ipmi_target_address", "0x72").with("ipmi_transit_channel", "0");
        DriverInfo info = DriverInfo.parse(task.node());
        assertEquals("7", info.bridging().targetChannel());
        assertNull(info.bridging().transitChannel(), "single bridging ignores the transit hop");
    }

    @Test
    void passwordNeverShows() throws Exception {
        DriverInfo info = DriverInfo.parse(new TestTask("ipmi", Map.of("ipmi_address", "bmc", "ipmi_password", "s3cr3t!",
                "ipmi_hex_kg_key", "abcd")).node());
        assertFalse(info.toString().contains("s3cr3t!"));
        assertFalse(info.toString().contains("abcd"));
    }

    @Test
    void propertiesAreIronics() {
        assertTrue(DriverInfo.PROPERTIES.stream().anyMatch(p -> p.name().equals("ipmi_address") && p.required()));
        assertEquals(1, DriverInfo.PROPERTIES.stream().filter(PropertySpec::required).count());
        assertEquals(16, DriverInfo.PROPERTIES.size());
        assertEquals("ipmi_terminal_port", DriverInfo.CONSOLE_PROPERTIES.get(0).name());
    }

    @Test
    void booleansAsIronicReadsThem() {
        assertTrue(DriverInfo.bool("yes", false));
        assertTrue(DriverInfo.bool("1", false));
        assertFalse(DriverInfo.bool("off", true));
        assertTrue(DriverInfo.bool("maybe", true));
        assertFalse(DriverInfo.bool(null, false));
    }
}
