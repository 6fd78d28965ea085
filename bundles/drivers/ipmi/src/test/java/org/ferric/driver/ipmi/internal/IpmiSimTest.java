package org.ferric.driver.ipmi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.VendorInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ferric.driver.testkit.TestTask;
import org.ferric.driver.testkit.StubAgentInterfaces;

/** The driver against a real BMC: Debian's ipmi_sim, started and stopped here. */
class IpmiSimTest {
    @TempDir
    static Path dir;
    static IpmiSim sim;
    static ServerSocket serialPort; // the "server's" serial line behind SOL
    static IpmiHardware hardware;
    static PowerInterface power;
    static IpmiManagement management;
    static VendorInterface vendor;
    static IpmiConsole console;

    @BeforeAll
    static void startBmc() throws Exception {
        serialPort = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sim = new IpmiSim(dir, serialPort.getLocalPort());
        // Ironic's pacing and retry times, shrunk so the suite stays fast.
        hardware = new IpmiHardware(new IpmiSettings(Duration.ofMillis(800), Duration.ZERO, false, true, List.of(),
                false, 3, Duration.ofSeconds(5), Duration.ofSeconds(5), "uefi", "ipmitool", "127.0.0.1", "17000:17100"), new StubAgentInterfaces());
        power = (PowerInterface) hardware.interfaces(InterfaceType.POWER).get(0);
        management = (IpmiManagement) hardware.interfaces(InterfaceType.MANAGEMENT).get(0);
        vendor = (VendorInterface) hardware.interfaces(InterfaceType.VENDOR).get(0);
        console = (IpmiConsole) hardware.interfaces(InterfaceType.CONSOLE).get(1);
    }

    @AfterAll
    static void stopBmc() throws Exception {
        if (hardware != null) {
            hardware.deactivate();
        }
        if (sim != null) {
            sim.close();
        }
        if (serialPort != null) {
            serialPort.close();
        }
    }

    @BeforeEach
    void powerOff() throws Exception {
        sim.setPower(false);
        sim.clearEvents();
    }

    static TestTask node() {
        return new TestTask("ipmi", Map.of("ipmi_address", "127.0.0.1", "ipmi_port", sim.port, "ipmi_username", IpmiSim.USER,
                "ipmi_password", IpmiSim.PASSWORD));
    }

    @Test
    void powerOnOffAndStatus() throws Exception {
        TestTask task = node();
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task));
        power.setPowerState(task, PowerState.POWER_ON, null);
        assertEquals(PowerState.POWER_ON, power.getPowerState(task));
        assertEquals(List.of(PowerState.POWER_ON), task.recorded);
        power.setPowerState(task, PowerState.POWER_OFF, Duration.ofSeconds(3));
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task));
        assertEquals("power 1\npower 0\n", sim.events());
    }

    @Test
    void rebootIsOffThenOn() throws Exception {
        TestTask task = node();
        sim.setPower(true);
        power.reboot(task, null);
        assertEquals(PowerState.POWER_ON, power.getPowerState(task));
        assertEquals("power 0\npower 1\n", sim.events());
        power.setPowerState(task, PowerState.REBOOT, null); // same path
        assertEquals("power 0\npower 1\npower 0\npower 1\n", sim.events());
    }

    @Test
    void rebootOfAnOffNodeJustPowersOn() throws Exception {
        power.reboot(node(), null);
        assertEquals("power 1\n", sim.events());
    }

    @Test
    void softPowerOffAndSoftReboot() throws Exception {
        TestTask task = node();
        sim.setPower(true);
        power.setPowerState(task, PowerState.SOFT_POWER_OFF, null);
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task));
        assertTrue(sim.events().startsWith("shutdown 1\n"), sim.events());
        sim.clearEvents();
        sim.setPower(true);
        power.setPowerState(task, PowerState.SOFT_REBOOT, null);
        assertEquals(PowerState.POWER_ON, power.getPowerState(task));
        assertEquals("shutdown 1\npower 1\n", sim.events());
    }

    @Test
    void powerStateTimeoutIsAClearError() throws Exception {
        TestTask task = node();
        sim.setStuck(true);
        try {
            long start = System.nanoTime();
            DriverException e = assertThrows(DriverException.class,
                    () -> power.setPowerState(task, PowerState.POWER_ON, Duration.ofMillis(700)));
            assertTrue(e.getMessage().contains("power on") && e.getMessage().contains("still reports power off"),
                    e.getMessage());
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "gave up after the timeout");
        } finally {
            sim.setStuck(false);
        }
    }

    @Test
    void legacyBootDeviceSetAndReadBack() throws Exception {
        TestTask task = node();
        task.properties.put("capabilities", "boot_mode:bios");
        for (String device : List.of("pxe", "disk", "cdrom", "bios")) {
            management.setBootDevice(task, device, true);
            assertEquals(device, management.getBootDevice(task).device());
        }
        // ipmi_sim keeps only the device, so persistence cannot be read back (bmc.md gotcha 3); what was sent:
        assertEquals(List.of("chassis", "bootdev", "pxe", "options=persistent"),
                List.of(management.bootDeviceCommand(task, "pxe", true)));
        assertEquals("boot pxe\nboot default\nboot cdrom\nboot bios\n", sim.events());
    }

    @Test
    void uefiBootDeviceGoesAsRawBytes() throws Exception {
        TestTask task = node();
        management.setBootDevice(task, "pxe", true);
        assertEquals("pxe", management.getBootDevice(task).device());
        management.setBootDevice(task, "disk", false);
        assertEquals("disk", management.getBootDevice(task).device());
        assertEquals(List.of("raw", "0x00", "0x08", "0x05", "0xe0", "0x04", "0x00", "0x00", "0x00"),
                List.of(management.bootDeviceCommand(task, "pxe", true)));
    }

    @Test
    void bootDeviceTheBmcRejectsIsAnError() {
        // ipmitool exits 0 here and only complains on stderr (bmc.md gotcha 2).
        TestTask task = node();
        task.properties.put("capabilities", "boot_mode:bios");
        DriverException e = assertThrows(DriverException.class, () -> management.setBootDevice(task, "safe", false));
        assertTrue(e.getMessage().contains("Boot Parameter 5 failed"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> management.setBootDevice(task, "floppy", false));
    }

    @Test
    void forcedBootDeviceIsSetAgainAtPowerOn() throws Exception {
        TestTask task = node().with("ipmi_force_boot_device", "true");
        task.properties.put("capabilities", "boot_mode:bios");
        management.setBootDevice(task, "pxe", true);
        assertEquals("pxe", task.internal.get(IpmiManagement.PERSISTENT_BOOT_DEVICE));
        assertEquals(new BootDevice("pxe", true), management.getBootDevice(task));
        sim.clearEvents();
        power.setPowerState(task, PowerState.POWER_ON, null);
        assertEquals("boot pxe\npower 1\n", sim.events());
    }

    @Test
    void nmiReachesTheBmc() {
        // ipmi_sim does not implement the diagnostic interrupt: the BMC's answer must come back readable.
        DriverException e = assertThrows(DriverException.class, () -> management.injectNmi(node()));
        assertTrue(e.getMessage().contains("\"power diag\"") && e.getMessage().contains("Invalid data field"),
                e.getMessage());
    }

    @Test
    void sendRawAndBmcReset() throws Exception {
        TestTask task = node();
        assertNull(vendor.call(task, "send_raw", "POST", Map.of("raw_bytes", "0x06 0x01"))); // Get Device ID
        assertThrows(InvalidParameterException.class, () -> vendor.call(task, "send_raw", "POST", Map.of()));
        assertNull(vendor.call(task, "bmc_reset", "POST", Map.of("warm", "false")));
        DriverException e = assertThrows(DriverException.class,
                () -> vendor.call(task, "bmc_reset", "POST", Map.of("warm", true)));
        assertTrue(e.getMessage().contains("\"bmc reset warm\"") && e.getMessage().contains("Invalid command"),
                e.getMessage()); // ipmi_sim has a cold reset only
    }

    @Test
    void wrongPasswordIsAClearError() throws Exception {
        TestTask task = node().with("ipmi_password", "not-the-password");
        long before = countPasswordFiles();
        DriverException e = assertThrows(DriverException.class, () -> power.getPowerState(task));
        assertTrue(e.getMessage().contains("Unable to establish IPMI v2 / RMCP+ session"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"));
        assertEquals(before, countPasswordFiles(), "no password file left behind");
    }

    @Test
    void pxeBootBootsTheRamdiskFromTheNetworkOnceAndTheInstanceFromDisk() throws Exception {
        BootInterface boot = (BootInterface) hardware.interfaces(InterfaceType.BOOT).get(0);
        assertEquals("pxe", boot.name());
        TestTask task = node();
        task.properties.put("capabilities", "boot_mode:bios");
        boot.prepareRamdisk(task);
        assertEquals("boot pxe\n", sim.events());
        sim.clearEvents();
        boot.prepareInstance(task);
        assertEquals("boot default\n", sim.events()); // ipmi_sim names the disk "default"
    }

    @Test
    void serialConsoleOverTcp() throws Exception {
        TestTask task = node();
        console.startConsole(task);
        try (Socket serial = serialPort.accept()) { // ipmi_sim connected to the serial line at start-up
            serial.setSoTimeout(5000);
            Map<String, Object> info = console.getConsole(task);
            assertEquals("socat", info.get("type"));
            URI url = URI.create((String) info.get("url"));
            assertEquals(task.internal.get(IpmiConsole.ALLOCATED_PORT), url.getPort());
            try (Socket client = new Socket(url.getHost(), url.getPort())) {
                client.setSoTimeout(500);
                // server -> user: repeat until the SOL session is up
                String seen = "";
                long deadline = System.nanoTime() + 8_000_000_000L;
                while (!seen.contains("login:") && System.nanoTime() < deadline) {
                    serial.getOutputStream().write("ferric login: ".getBytes(StandardCharsets.US_ASCII));
                    serial.getOutputStream().flush();
                    seen += readSome(client.getInputStream());
                }
                assertTrue(seen.contains("login:"), "console output: " + seen);
                // user -> server
                OutputStream typed = client.getOutputStream();
                typed.write("root\r".getBytes(StandardCharsets.US_ASCII));
                typed.flush();
                String got = "";
                deadline = System.nanoTime() + 5_000_000_000L;
                while (!got.contains("root") && System.nanoTime() < deadline) {
                    got += readSome(serial.getInputStream());
                }
                assertTrue(got.contains("root"), "serial line got: " + got);
            }
        } finally {
            console.stopConsole(task);
        }
        assertFalse(console.running(task.uuid));
        assertNull(task.internal.get(IpmiConsole.ALLOCATED_PORT));
        assertFalse(processes().contains("sol activate"), "no ipmitool sol left running");
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buf = new byte[1024];
        try {
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        } catch (java.net.SocketTimeoutException e) {
            return "";
        }
    }

    private static String processes() throws Exception {
        Thread.sleep(200);
        Process p = new ProcessBuilder("ps", "-eo", "args").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long countPasswordFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(f -> f.getFileName().toString().startsWith("ferric-ipmi-")).count();
        }
    }
}
