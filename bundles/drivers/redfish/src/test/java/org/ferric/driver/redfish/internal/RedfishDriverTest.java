package org.ferric.driver.redfish.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BiosInterface;
import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.VendorInterface;
import org.ferric.lab.redfish.EmulatedSystem;
import org.ferric.lab.redfish.RedfishEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ferric.driver.testkit.TestTask;
import org.ferric.driver.testkit.StubAgentInterfaces;

/** Every interface of the redfish driver against the lab's Redfish BMC emulator on a loopback port. */
class RedfishDriverTest {
    private static final String PASSWORD = "s3cret-pw";
    private static final String ISO = "http://192.0.2.10/ipa.iso";

    private RedfishEmulator bmc;
    private RedfishHardware hardware;
    private EmulatedSystem system;

    /** Ironic's settings, with waits and retries cut to milliseconds. */
    static RedfishSettings settings(String authType) {
        return new RedfishSettings(3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(5), authType,
                Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @BeforeEach
    void start() throws Exception {
        bmc = RedfishEmulator.start(2, "admin", PASSWORD);
        hardware = new RedfishHardware(settings("auto"), new StubAgentInterfaces());
        system = bmc.system("1");
    }

    @AfterEach
    void stop() {
        hardware.deactivate();
        bmc.close();
    }

    private TestTask node() {
        return new TestTask("redfish", Map.of("redfish_address", bmc.url(), "redfish_system_id", "/redfish/v1/Systems/1",
                "redfish_username", "admin", "redfish_password", PASSWORD));
    }

    @SuppressWarnings("unchecked")
    private <T extends DriverInterface> T iface(InterfaceType type) {
        return (T) hardware.interfaces(type).get(0);
    }

    private PowerInterface power() {
        return iface(InterfaceType.POWER);
    }

    private RedfishManagement management() {
        return iface(InterfaceType.MANAGEMENT);
    }

    private static void assertNoPassword(Throwable e) {
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void interfacesDefaultFirst() {
        Map<InterfaceType, String> expected = Map.ofEntries(Map.entry(InterfaceType.BIOS, "redfish"),
                Map.entry(InterfaceType.BOOT, "redfish-virtual-media"), Map.entry(InterfaceType.CONSOLE, "no-console"),
                Map.entry(InterfaceType.DEPLOY, "direct"), Map.entry(InterfaceType.INSPECT, "redfish"),
                Map.entry(InterfaceType.MANAGEMENT, "redfish"), Map.entry(InterfaceType.NETWORK, "noop"),
                Map.entry(InterfaceType.POWER, "redfish"), Map.entry(InterfaceType.RAID, "no-raid"),
                Map.entry(InterfaceType.RESCUE, "no-rescue"), Map.entry(InterfaceType.STORAGE, "noop"),
                Map.entry(InterfaceType.VENDOR, "redfish"));
        for (InterfaceType t : InterfaceType.values()) {
            List<? extends DriverInterface> impls = hardware.interfaces(t);
            assertEquals(expected.get(t), impls.get(0).name(), t.apiName());
            impls.forEach(i -> assertEquals(t, i.type(), i.name()));
        }
        assertEquals("redfish", hardware.name());
    }

    @Test
    void noopManagementAcceptsBootDevicesAndTouchesNoBmc() throws Exception {
        ManagementInterface noop = (ManagementInterface) hardware.interfaces(InterfaceType.MANAGEMENT).get(1);
        assertEquals("noop", noop.name());
        TestTask task = new TestTask("redfish", Map.of());
        noop.validate(task);
        assertEquals(List.of("pxe", "disk"), noop.supportedBootDevices(task));
        noop.setBootDevice(task, "pxe", true);
        assertEquals(new BootDevice(null, null), noop.getBootDevice(task));
    }

    @Test
    void validateNeedsAnAddressAndKnownValues() throws Exception {
        PowerInterface power = power();
        TestTask task = new TestTask("redfish", Map.of());
        String msg = assertThrows(InvalidParameterException.class, () -> power.validate(task)).getMessage();
        assertTrue(msg.contains("redfish_address"), msg);
        power.validate(task.with("redfish_address", "10.0.0.5"));
        assertEquals("https://10.0.0.5", DriverInfo.parse(task.node(), "auto").address());
        assertEquals("/redfish/v1/", DriverInfo.parse(task.node(), "auto").rootPath());
        task.with("redfish_auth_type", "digest");
        assertTrue(assertThrows(InvalidParameterException.class, () -> power.validate(task)).getMessage().contains("redfish_auth_type"));
        task.with("redfish_auth_type", "basic").with("redfish_verify_ca", "maybe");
        assertTrue(assertThrows(InvalidParameterException.class, () -> power.validate(task)).getMessage().contains("redfish_verify_ca"));
        task.with("redfish_verify_ca", "False").with("redfish_password", PASSWORD);
        power.validate(task);
        assertFalse(DriverInfo.parse(task.node(), "auto").toString().contains(PASSWORD));
        task.with("redfish_address", "ftp://host");
        assertThrows(InvalidParameterException.class, () -> power.validate(task));
    }

    @Test
    void powerOnOffRebootSoftActions() throws Exception {
        TestTask task = node();
        PowerInterface power = power();
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task));
        power.setPowerState(task, PowerState.POWER_ON, null);
        assertEquals("On", system.powerState());
        assertEquals(PowerState.POWER_ON, task.node().powerState());
        power.reboot(task, null);
        assertEquals("On", system.powerState());
        List<String> events = system.events();
        assertEquals(List.of("reset On", "reset ForceOff", "reset On"),
                events.stream().filter(e -> e.startsWith("reset")).toList(), "reboot is off then on, as Ironic");
        power.setPowerState(task, PowerState.SOFT_REBOOT, null);
        assertTrue(system.events().contains("reset GracefulRestart"));
        power.setPowerState(task, PowerState.SOFT_POWER_OFF, null);
        assertEquals("Off", system.powerState());
        assertTrue(system.events().contains("reset GracefulShutdown"));
        power.setPowerState(task, PowerState.REBOOT, null);
        assertEquals("On", system.powerState());
        power.setPowerState(task, PowerState.POWER_OFF, null);
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task));
        assertEquals("Off", bmc.system("2").powerState(), "the other system is untouched");
    }

    @Test
    void powerWaitsForASlowBmcAndTimesOut() throws Exception {
        TestTask task = node();
        bmc.faults().powerDelay(Duration.ofMillis(400));
        long start = System.nanoTime();
        power().setPowerState(task, PowerState.POWER_ON, null);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(350).toNanos(), "returned before the BMC was on");
        assertEquals("On", system.powerState());
        bmc.faults().powerDelay(Duration.ofSeconds(3));
        DriverException e = assertThrows(DriverException.class,
                () -> power().setPowerState(task, PowerState.POWER_OFF, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("PoweringOff"), e.getMessage());
        assertEquals(PowerState.POWER_OFF, power().getPowerState(task), "a transition counts as its destination, as Ironic");
    }

    @Test
    void bootDeviceOnceAndPersistent() throws Exception {
        TestTask task = node();
        RedfishManagement m = management();
        assertEquals(List.of("pxe", "cdrom", "disk", "bios"), m.supportedBootDevices(task), "in the order the BMC lists them");
        assertEquals(new BootDevice(null, null), m.getBootDevice(task));
        m.setBootDevice(task, "pxe", false);
        assertEquals(new BootDevice("pxe", false), m.getBootDevice(task));
        assertEquals("Once", system.bootEnabled());
        power().setPowerState(task, PowerState.POWER_ON, null);
        assertTrue(system.events().contains("boot Pxe"), system.events().toString());
        assertEquals(new BootDevice(null, null), m.getBootDevice(task), "the BMC consumed the one-time override");
        m.setBootDevice(task, "disk", true);
        assertEquals(new BootDevice("disk", true), m.getBootDevice(task));
        power().reboot(task, null);
        assertEquals(new BootDevice("disk", true), m.getBootDevice(task));
        assertThrows(InvalidParameterException.class, () -> m.setBootDevice(task, "floppy", true));
        assertTrue(bmc.requests().stream().anyMatch(r -> r.startsWith("PATCH /redfish/v1/Systems/1 ") && r.contains("If-Match W/")),
                "boot changes carry the ETag just read");
    }

    @Test
    void bootModeAndNmi() throws Exception {
        TestTask task = node();
        RedfishManagement m = management();
        assertEquals("uefi", m.getBootMode(task));
        m.setBootMode(task, "bios");
        assertEquals("Legacy", system.bootMode());
        assertEquals("bios", m.getBootMode(task));
        assertThrows(InvalidParameterException.class, () -> m.setBootMode(task, "efi"));
        m.injectNmi(task);
        assertTrue(system.events().contains("nmi"));
    }

    @Test
    void virtualMediaBootInsertsAndEjectsTheDeployIso() throws Exception {
        TestTask task = node();
        BootInterface boot = iface(InterfaceType.BOOT);
        String msg = assertThrows(InvalidParameterException.class, () -> boot.validate(task)).getMessage();
        assertTrue(msg.contains("redfish_deploy_iso"), msg);
        task.with("redfish_deploy_iso", ISO);
        boot.validate(task);
        boot.prepareRamdisk(task);
        assertTrue(system.media("Cd").inserted());
        assertEquals(ISO, system.media("Cd").image());
        assertEquals("Cd", system.bootTarget());
        assertEquals("Once", system.bootEnabled());
        boot.prepareRamdisk(task.with("redfish_deploy_iso", ISO + "?v=2"));
        assertEquals(ISO + "?v=2", system.media("Cd").image(), "a new ISO replaces the old one");
        boot.cleanUpRamdisk(task);
        assertFalse(system.media("Cd").inserted());
        // deploy_iso is the fallback key; the boot mode the node asks for is set
        TestTask other = node().with("deploy_iso", ISO);
        other.instanceInfo.put("deploy_boot_mode", "bios");
        boot.prepareRamdisk(other);
        assertEquals(ISO, system.media("Cd").image());
        assertEquals("Legacy", system.bootMode());
        boot.prepareInstance(other);
        assertFalse(system.media("Cd").inserted());
        assertEquals("Hdd", system.bootTarget());
        assertEquals("Continuous", system.bootEnabled());
    }

    @Test
    void vendorPassthruEjectsVirtualMedia() throws Exception {
        TestTask task = node().with("redfish_deploy_iso", ISO);
        this.<BootInterface>iface(InterfaceType.BOOT).prepareRamdisk(task);
        VendorInterface vendor = iface(InterfaceType.VENDOR);
        assertEquals("eject_vmedia", vendor.methods().get(0).name());
        assertThrows(InvalidParameterException.class, () -> vendor.call(task, "eject_vmedia", "POST", Map.of("boot_device", "tape")));
        vendor.call(task, "eject_vmedia", "POST", Map.of("boot_device", "usb"));
        assertTrue(system.media("Cd").inserted(), "only the USB device was asked for");
        vendor.call(task, "eject_vmedia", "POST", Map.of("boot_device", "cd"));
        assertFalse(system.media("Cd").inserted());
        assertTrue(system.events().contains("eject Cd"));
    }

    @Test
    void inspectionRecordsTheInventory() throws Exception {
        TestTask task = node();
        InspectInterface inspect = iface(InterfaceType.INSPECT);
        assertEquals(StepResult.DONE, inspect.inspectHardware(task));
        Map<String, Object> inv = task.inventory;
        assertEquals(Map.of("count", 16, "architecture", "x86_64"), inv.get("cpu"));
        assertEquals(Map.of("physical_mb", 32768), inv.get("memory"));
        assertEquals(List.of(Map.of("name", "sda", "size", 100L << 30), Map.of("name", "sdb", "size", 2L << 30)), inv.get("disks"));
        assertEquals(List.of(Map.of("name", "NIC1", "mac_address", "52:54:00:00:01:01"),
                Map.of("name", "NIC2", "mac_address", "52:54:00:00:01:02")), inv.get("interfaces"), "enabled NICs only");
        assertEquals("boot_mode:uefi", task.properties.get("capabilities"));
        assertEquals("Ferric Lab", ((Map<?, ?>) inv.get("system_vendor")).get("manufacturer"));
    }

    @Test
    void biosReadApplyWithEtagAndFactoryReset() throws Exception {
        TestTask task = node();
        BiosInterface bios = iface(InterfaceType.BIOS);
        assertEquals("Enabled", bios.cacheBiosSettings(task).get("ProcTurboMode"));
        assertEquals("8", bios.cacheBiosSettings(task).get("NumCores"));
        bios.applyConfiguration(task, List.of(Map.of("name", "ProcTurboMode", "value", "Disabled"),
                Map.of("name", "NumCores", "value", 4)));
        assertEquals("Disabled", system.bios().get("ProcTurboMode"));
        assertEquals(4, system.bios().get("NumCores"));
        assertEquals("On", system.powerState(), "applied by a reboot");
        assertTrue(bmc.requests().stream().anyMatch(r -> r.startsWith("PATCH /redfish/v1/Systems/1/Bios/Settings") && r.contains("If-Match")),
                bmc.requests().toString());
        assertEquals(StepResult.DONE, bios.executeStep(task, bios.cleanSteps(task).get(1))); // factory_reset
        assertEquals("Enabled", bios.cacheBiosSettings(task).get("ProcTurboMode"));
        assertEquals("8", bios.cacheBiosSettings(task).get("NumCores"));
    }

    @Test
    void biosChangesFollowTheTaskMonitor() throws Exception {
        TestTask task = node();
        BiosInterface bios = iface(InterfaceType.BIOS);
        bmc.faults().asyncTasks(Duration.ofMillis(200));
        bios.applyConfiguration(task, List.of(Map.of("name", "NumCores", "value", 2)));
        assertEquals(2, system.bios().get("NumCores"));
        assertTrue(bmc.requests().stream().anyMatch(r -> r.startsWith("GET /redfish/v1/TaskService/TaskMonitors/")));
        bmc.faults().failTasks("Job JID_123 failed: flash write error");
        DriverException e = assertThrows(DriverException.class, () -> bios.factoryReset(task));
        assertTrue(e.getMessage().contains("Job JID_123 failed: flash write error"), e.getMessage());
    }

    @Test
    void redfishErrorBodiesBecomeReadableMessages() throws Exception {
        BiosInterface bios = iface(InterfaceType.BIOS);
        DriverException e = assertThrows(DriverException.class,
                () -> bios.applyConfiguration(node(), List.of(Map.of("name", "Bogus", "value", "1"))));
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        assertTrue(e.getMessage().contains("The property Bogus is not in the list of valid properties"), e.getMessage());
        assertTrue(e.getMessage().contains("Base.1.8.PropertyUnknown"), e.getMessage());
    }

    @Test
    void sessionAuthLogsInAgainWhenTheSessionExpires() throws Exception {
        TestTask task = node().with("redfish_auth_type", "session");
        bmc.faults().requireSession(true);
        assertEquals(PowerState.POWER_OFF, power().getPowerState(task));
        assertEquals(PowerState.POWER_OFF, power().getPowerState(task));
        assertEquals(1, bmc.sessionsCreated(), "one session, reused");
        bmc.expireSessions();
        power().setPowerState(task, PowerState.POWER_ON, null);
        assertEquals(2, bmc.sessionsCreated(), "a 401 on the token makes a new login");
        assertTrue(bmc.requests().stream().filter(r -> r.contains("/Systems/1")).allMatch(r -> r.contains("[token")));
        hardware.deactivate();
        assertTrue(bmc.requests().stream().anyMatch(r -> r.startsWith("DELETE /redfish/v1/SessionService/Sessions/2")),
                "sessions are closed when the driver stops");
        hardware = new RedfishHardware(settings("auto"), new StubAgentInterfaces());
    }

    @Test
    void basicAuthAndAutoChoosesASession() throws Exception {
        TestTask task = node().with("redfish_auth_type", "basic");
        power().getPowerState(task);
        assertEquals(0, bmc.sessionsCreated());
        assertTrue(bmc.requests().stream().filter(r -> r.contains("/Systems/1")).allMatch(r -> r.contains("[basic")));
        power().getPowerState(node()); // auto, the default
        assertEquals(1, bmc.sessionsCreated());
        bmc.faults().requireSession(true);
        DriverException e = assertThrows(DriverException.class, () -> power().getPowerState(task));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    }

    @Test
    void wrongPasswordIsAClearErrorWithoutThePassword() {
        for (String auth : List.of("basic", "session", "auto")) {
            TestTask task = node().with("redfish_password", "not-" + PASSWORD).with("redfish_auth_type", auth);
            DriverException e = assertThrows(DriverException.class, () -> power().getPowerState(task), auth);
            assertTrue(e.getMessage().contains("refused the credentials of user 'admin'"), e.getMessage());
            assertFalse(e.getMessage().contains("not-" + PASSWORD), e.getMessage());
            assertNoPassword(e);
        }
    }

    @Test
    void aFailingBmcGivesAClearErrorAndShortOutagesAreRetried() throws Exception {
        TestTask task = node();
        bmc.faults().failNext(1, 503);
        assertEquals(PowerState.POWER_OFF, power().getPowerState(task), "a 503 is retried");
        bmc.faults().dropNext(1);
        power().setPowerState(task, PowerState.POWER_ON, null);
        assertEquals("On", system.powerState(), "a dropped connection is retried");
        bmc.faults().failNext(100, 500);
        DriverException e = assertThrows(DriverException.class, () -> power().getPowerState(task));
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("internal service error"), e.getMessage());
        assertNoPassword(e);
        bmc.faults().reset();
        TestTask nowhere = node().with("redfish_address", "http://127.0.0.1:1");
        e = assertThrows(DriverException.class, () -> power().getPowerState(nowhere));
        assertTrue(e.getMessage().startsWith("Unable to connect to the Redfish BMC at http://127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }

    @Test
    void theOnlySystemIsPickedWithoutASystemId() throws Exception {
        TestTask task = new TestTask("redfish", Map.of("redfish_address", bmc.url(), "redfish_username", "admin", "redfish_password", PASSWORD));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> power().getPowerState(task));
        assertTrue(e.getMessage().contains("manages 2 systems") && e.getMessage().contains("redfish_system_id"), e.getMessage());
        try (RedfishEmulator single = RedfishEmulator.start(1, "admin", PASSWORD)) {
            TestTask one = new TestTask("redfish", Map.of("redfish_address", single.url() + "/redfish/v1",
                    "redfish_username", "admin", "redfish_password", PASSWORD));
            power().setPowerState(one, PowerState.POWER_ON, null);
            assertEquals("On", single.system("1").powerState());
        }
        assertNull(task.inventory);
    }
}
