package org.ferric.driver.ipmi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PowerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ferric.driver.testkit.TestTask;

class IpmiToolTest {
    static final String PASSWORD = "Pa55'w0rd \"x\"";

    static IpmiSettings settings(String ipmitool, Duration retry, Duration interval) {
        return new IpmiSettings(retry, interval, false, true, List.of(), false, 3, Duration.ofSeconds(5),
                Duration.ofSeconds(5), "uefi", ipmitool, "127.0.0.1", "");
    }

    private static DriverInfo info(Map<String, Object> driverInfo) throws Exception {
        return DriverInfo.parse(new TestTask("ipmi", driverInfo).node());
    }

    @Test
    void commandLineIsIronicsWithoutThePassword() throws Exception {
        IpmiTool tool = new IpmiTool(settings("ipmitool", Duration.ofSeconds(60), Duration.ofSeconds(5)));
        DriverInfo info = info(Map.of("ipmi_address", "10.1.2.3", "ipmi_port", 6230, "ipmi_username", "admin",
                "ipmi_password", PASSWORD));
        List<String> argv = tool.commandLine(info, Path.of("/tmp/pw"), List.of("power", "status"));
        assertEquals(List.of("ipmitool", "-I", "lanplus", "-H", "10.1.2.3", "-L", "ADMINISTRATOR", "-p", "6230",
                "-U", "admin", "-C", "3", "-R", "1", "-N", "5", "-f", "/tmp/pw", "power", "status"), argv);
        assertFalse(String.join(" ", argv).contains("Pa55"));
        assertFalse(argv.contains("-P"));
    }

    @Test
    void cipherSuiteAndProtocol() throws Exception {
        IpmiSettings s = settings("ipmitool", Duration.ofSeconds(60), Duration.ofSeconds(5));
        List<String> v2 = IpmiTool.connectionArguments(s, info(Map.of("ipmi_address", "h", "ipmi_cipher_suite", 17,
                "ipmi_priv_level", "OPERATOR")));
        assertTrue(String.join(" ", v2).contains("-L OPERATOR -C 17"), v2.toString());
        List<String> v15 = IpmiTool.connectionArguments(s, info(Map.of("ipmi_address", "h", "ipmi_protocol_version", "1.5")));
        assertEquals("lan", v15.get(2));
        assertFalse(v15.contains("-C"), "IPMI 1.5 has no cipher suites");
    }

    @Test
    void bridgingAndKgKey() throws Exception {
        IpmiSettings s = settings("ipmitool", Duration.ofSeconds(60), Duration.ofSeconds(5));
        List<String> argv = IpmiTool.connectionArguments(s, info(Map.of("ipmi_address", "h", "ipmi_bridging", "dual",
                "ipmi_local_address", "0x20", "ipmi_transit_channel", "0", "ipmi_transit_address", "0x82",
                "ipmi_target_channel", "7", "ipmi_target_address", "0x72", "ipmi_hex_kg_key", "0a0b")));
        assertTrue(String.join(" ", argv).endsWith("-y 0a0b -C 3 -m 0x20 -B 0 -T 0x82 -b 7 -t 0x72"), argv.toString());
    }

    @Test
    void ipmitoolRetriesAsIronicComputesThem() throws Exception {
        IpmiSettings s = new IpmiSettings(Duration.ofSeconds(60), Duration.ofSeconds(5), true, true, List.of(), false, 3,
                Duration.ofSeconds(5), Duration.ofSeconds(5), "uefi", "ipmitool", "127.0.0.1", "");
        // 5+6+7+8+9+10+11 = 56 <= 60: seven tries
        assertEquals(List.of("-R", "7", "-N", "5"), new IpmiTool(s).timingArguments());
        IpmiSettings fast = settings("ipmitool", Duration.ofMillis(500), Duration.ZERO);
        assertEquals(List.of("-R", "1", "-N", "1"), new IpmiTool(fast).timingArguments());
    }

    @Test
    void passwordFileIsPrivate() throws Exception {
        Path f = IpmiTool.passwordFile(PASSWORD);
        try {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            assertEquals(PASSWORD, Files.readString(f));
        } finally {
            IpmiTool.deleteQuietly(f);
        }
        Path empty = IpmiTool.passwordFile("");
        assertEquals("\0", Files.readString(empty));
        IpmiTool.deleteQuietly(empty);
    }

    @Test
    void failuresOnStderrCountEvenWithExitCodeZero() {
        assertEquals("Set Chassis Boot Parameter 5 failed: Unspecified error",
                IpmiTool.failureLines("Set Chassis Boot Parameter 5 failed: Unspecified error\n"));
        assertEquals("", IpmiTool.failureLines("Set Chassis Boot Parameter 4 failed: Unspecified error\n"));
        assertEquals("", IpmiTool.failureLines(""));
    }

    /** Runs a stand-in ipmitool that records what it got, to check the real process and file handling. */
    @Test
    void realProcessSeesOnlyAPrivateFileThatIsGoneAfterwards(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\n"
                + "echo \"$@\" > " + dir.resolve("argv") + "\n"
                + "while [ $# -gt 0 ]; do if [ \"$1\" = -f ]; then f=$2; fi; shift; done\n"
                + "echo \"$f\" > " + dir.resolve("file") + "\n"
                + "stat -c %a \"$f\" > " + dir.resolve("mode") + "\n"
                + "cat \"$f\" > " + dir.resolve("content") + "\n"
                + "echo 'Chassis Power is on'\n");
        fake.toFile().setExecutable(true);
        IpmiTool tool = new IpmiTool(settings(fake.toString(), Duration.ofSeconds(2), Duration.ZERO));
        IpmiTool.Output out = tool.run(info(Map.of("ipmi_address", "h", "ipmi_password", PASSWORD)), "power", "status");
        assertEquals(PowerState.POWER_ON, PowerStatusParser.parse(out.stdout()));
        assertFalse(Files.readString(dir.resolve("argv")).contains("Pa55"));
        assertEquals("600", Files.readString(dir.resolve("mode")).strip());
        assertEquals(PASSWORD, Files.readString(dir.resolve("content")));
        assertFalse(Files.exists(Path.of(Files.readString(dir.resolve("file")).strip())), "password file deleted");
        tool.close();
    }

    @Test
    void failureMessageIsIpmitoolsStderrWithoutThePassword(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\necho \"Error: wrong '" + "Pa55" + "' Invalid command\" >&2\nexit 1\n");
        fake.toFile().setExecutable(true);
        IpmiTool tool = new IpmiTool(settings(fake.toString(), Duration.ofSeconds(2), Duration.ZERO));
        long start = System.nanoTime();
        DriverException e = assertThrows(DriverException.class,
                () -> tool.run(info(Map.of("ipmi_address", "h", "ipmi_password", "Pa55")), "bmc", "reset", "warm"));
        assertTrue(e.getMessage().contains("\"bmc reset warm\""), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid command"), e.getMessage());
        assertFalse(e.getMessage().contains("Pa55"), e.getMessage());
        assertTrue(System.nanoTime() - start < 1_500_000_000L, "a permanent error is not retried");
        tool.close();
    }

    @Test
    void transientFailuresAreRetriedUntilTheTimeout(@TempDir Path dir) throws Exception {
        Path count = dir.resolve("count");
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\necho x >> " + count + "\n"
                + "if [ $(wc -l < " + count + ") -lt 3 ]; then echo 'Node busy' >&2; exit 1; fi\n"
                + "echo 'Chassis Power is off'\n");
        fake.toFile().setExecutable(true);
        IpmiTool tool = new IpmiTool(settings(fake.toString(), Duration.ofSeconds(5), Duration.ofMillis(100)));
        IpmiTool.Output out = tool.run(info(Map.of("ipmi_address", "h")), "power", "status");
        assertEquals(PowerState.POWER_OFF, PowerStatusParser.parse(out.stdout()));
        assertEquals(3, Files.readAllLines(count).size());
        tool.close();
    }

    @Test
    void missingIpmitoolIsAClearError() throws Exception {
        IpmiTool tool = new IpmiTool(settings("/nonexistent/ipmitool", Duration.ofSeconds(1), Duration.ZERO));
        DriverException e = assertThrows(DriverException.class, () -> tool.run(info(Map.of("ipmi_address", "h")), "power", "status"));
        assertTrue(e.getMessage().contains("ipmitool package"), e.getMessage());
        tool.close();
    }
}
