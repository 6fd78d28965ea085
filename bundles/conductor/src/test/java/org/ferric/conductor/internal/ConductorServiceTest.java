package org.ferric.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConductorServiceTest {
    private final InMemoryDb db = new InMemoryDb();
    private final DriverRegistry drivers = new DriverRegistry();
    private final TestDriver driver = new TestDriver();
    private ConductorService conductor;

    @BeforeEach
    void start() {
        drivers.addHardwareType(driver);
        conductor = new ConductorService(db, drivers, config(Map.of("host", "c1", "node_locked_retry_interval", 0.01)));
    }

    @AfterEach
    void stop() {
        conductor.stop();
    }

    static ConductorConfig config(Map<String, Object> overrides) {
        return (ConductorConfig) Proxy.newProxyInstance(ConductorConfig.class.getClassLoader(),
                new Class<?>[] {ConductorConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return ConductorConfig.class;
                    }
                    return overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
                });
    }

    private Node create() {
        Node n = new Node();
        n.setDriver("test-hardware");
        return conductor.createNode(n);
    }

    private Node waitFor(String uuid, Predicate<Node> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Node n = db.getNodeByUuid(uuid).orElseThrow();
            if (condition.test(n)) {
                return n;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("node " + uuid + " never reached the condition: " + db.getNodeByUuid(uuid).orElseThrow().getProvisionState());
    }

    private static Predicate<Node> settledIn(String state) {
        return n -> state.equals(n.getProvisionState()) && n.getReservation() == null;
    }

    @Test
    void createFillsDefaultsAndStartsInEnroll() {
        Node n = create();
        assertEquals("enroll", n.getProvisionState());
        assertEquals("test", n.getPowerInterface());
        assertNull(n.getRaidInterface(), "the driver has no raid interface");
        assertEquals("c1", db.getConductor("c1").orElseThrow().getHostname());
    }

    @Test
    void unknownDriverIsABadRequest() {
        Node n = new Node();
        n.setDriver("nope");
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.createNode(n));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("No valid host was found"));
    }

    @Test
    void unsupportedInterfaceIsABadRequest() {
        Node n = new Node();
        n.setDriver("test-hardware");
        n.setPowerInterface("ipmitool");
        assertEquals(400, assertThrows(ConductorException.class, () -> conductor.createNode(n)).status());
    }

    @Test
    void fullLifecycleEndsUnlocked() throws Exception {
        String uuid = create().getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        conductor.doProvisioningAction(uuid, "provide", Map.of());
        waitFor(uuid, settledIn("available"));
        conductor.doProvisioningAction(uuid, "active", Map.of("configdrive", "abc"));
        Node active = waitFor(uuid, settledIn("active"));
        assertNull(active.getTargetProvisionState());
        assertEquals("power on", active.getPowerState());
        assertEquals("abc", active.getInstanceInfo().get("configdrive"));
        conductor.changeNodePowerState(uuid, "power off", null);
        waitFor(uuid, n -> "power off".equals(n.getPowerState()) && n.getReservation() == null && n.getTargetPowerState() == null);
        conductor.doProvisioningAction(uuid, "deleted", Map.of());
        Node available = waitFor(uuid, settledIn("available"));
        assertTrue(available.getInstanceInfo().isEmpty());
        conductor.destroyNode(uuid);
        assertTrue(db.getNodeByUuid(uuid).isEmpty());
    }

    @Test
    void invalidTransitionIsRefusedWithIronicsMessageAndReleasesTheLock() {
        String uuid = create().getUuid();
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.doProvisioningAction(uuid, "active", Map.of()));
        assertEquals(400, e.status());
        assertEquals("The requested action \"active\" can not be performed on node \"" + uuid + "\" while it is in state \"enroll\".",
                e.getMessage());
        assertNull(db.getNodeByUuid(uuid).orElseThrow().getReservation());
    }

    @Test
    void lockedNodeGets409AfterRetries() {
        String uuid = create().getUuid();
        assertTrue(db.reserveNode(uuid, "other-host"));
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.changeNodePowerState(uuid, "power on", null));
        assertEquals(409, e.status());
        assertEquals("Node " + uuid + " is locked by host other-host, please retry after the current operation is completed.", e.getMessage());
        assertEquals("other-host", db.getNodeByUuid(uuid).orElseThrow().getReservation(), "someone else's lock is left alone");
    }

    @Test
    void failingDeployEndsInDeployFailedWithTheReason() throws Exception {
        String uuid = create().getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        conductor.doProvisioningAction(uuid, "provide", Map.of());
        waitFor(uuid, settledIn("available"));
        driver.deployFailure = "image checksum mismatch";
        conductor.doProvisioningAction(uuid, "deploy", Map.of());
        Node failed = waitFor(uuid, settledIn("deploy failed"));
        assertEquals("active", failed.getTargetProvisionState());
        assertTrue(failed.getLastError().contains("image checksum mismatch"), failed.getLastError());
    }

    @Test
    void updateDuringATransitionIs409() throws Exception {
        String uuid = create().getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        conductor.doProvisioningAction(uuid, "provide", Map.of());
        waitFor(uuid, settledIn("available"));
        driver.deployGate = new CountDownLatch(1);
        conductor.doProvisioningAction(uuid, "deploy", Map.of());
        Node deploying = db.getNodeByUuid(uuid).orElseThrow();
        assertEquals("deploying", deploying.getProvisionState());
        assertEquals("c1", deploying.getReservation());
        deploying.getExtra().put("k", "v");
        assertEquals(409, assertThrows(ConductorException.class, () -> conductor.updateNode(deploying, false)).status());
        driver.deployGate.countDown();
        assertTrue(waitFor(uuid, settledIn("active")).getExtra().isEmpty());
    }

    @Test
    void deleteOfAnActiveNodeIs409() throws Exception {
        String uuid = create().getUuid();
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        n.setProvisionState("active");
        db.updateNode(n);
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.destroyNode(uuid));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().startsWith("Can not delete node \"" + uuid + "\" while it is in provision state \"active\""));
    }

    @Test
    void aFullPoolAnswers503AndReleasesTheLock() throws Exception {
        conductor.stop();
        conductor = new ConductorService(db, drivers, config(Map.of("host", "c1", "workers_pool_size", 1, "workers_queue_size", 1)));
        driver.deployGate = new CountDownLatch(1);
        String[] uuids = new String[3];
        for (int i = 0; i < 3; i++) {
            uuids[i] = create().getUuid();
            Node n = db.getNodeByUuid(uuids[i]).orElseThrow();
            n.setProvisionState("available");
            db.updateNode(n);
        }
        conductor.doProvisioningAction(uuids[0], "deploy", Map.of());
        conductor.doProvisioningAction(uuids[1], "deploy", Map.of());
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.doProvisioningAction(uuids[2], "deploy", Map.of()));
        assertEquals(503, e.status());
        assertNull(db.getNodeByUuid(uuids[2]).orElseThrow().getReservation());
        driver.deployGate.countDown();
        waitFor(uuids[1], settledIn("active"));
    }

    @Test
    void restartFailsNodesLeftInTransientStatesAndReleasesLocks() {
        String uuid = create().getUuid();
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        n.setProvisionState("deploying");
        n.setTargetProvisionState("active");
        db.updateNode(n);
        db.reserveNode(uuid, "c1");
        conductor.stop();
        conductor = new ConductorService(db, drivers, config(new HashMap<>(Map.of("host", "c1"))));
        Node after = db.getNodeByUuid(uuid).orElseThrow();
        assertEquals("deploy failed", after.getProvisionState());
        assertNull(after.getReservation());
        assertNotNull(after.getLastError());
    }

    @Test
    void driverThatVanishesMakesActionsA400() {
        String uuid = create().getUuid();
        drivers.removeHardwareType(driver);
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.changeNodePowerState(uuid, "power on", null));
        assertEquals(400, e.status());
        assertTrue(db.getConductor("c1").orElseThrow().getDrivers().isEmpty());
        drivers.addHardwareType(driver);
        conductor.changeNodePowerState(uuid, "power on", null);
        assertEquals(java.util.List.of("test-hardware"), db.getConductor("c1").orElseThrow().getDrivers());
    }

    @Test
    void inspectionFillsPropertiesCreatesPortsAndStoresTheInventory() throws Exception {
        String uuid = create().getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        conductor.doProvisioningAction(uuid, "inspect", Map.of());
        Node inspected = waitFor(uuid, settledIn("manageable"));
        assertEquals(2, inspected.getProperties().get("cpus"));
        assertEquals(4096, inspected.getProperties().get("memory_mb"));
        assertEquals(49L, inspected.getProperties().get("local_gb"));
        assertEquals("aarch64", inspected.getProperties().get("cpu_arch"));
        assertNotNull(inspected.getInspectionFinishedAt());
        assertEquals(java.util.Set.of("52:54:00:aa:bb:01", "52:54:00:aa:bb:02"),
                db.ports.values().stream().map(org.ferric.db.api.Port::getAddress).collect(java.util.stream.Collectors.toSet()));
        assertTrue(db.findObject(org.ferric.db.api.ObjectKind.NODE_INVENTORY, "node_uuid", uuid).isPresent());

        conductor.doProvisioningAction(uuid, "inspect", Map.of());
        waitFor(uuid, settledIn("manageable"));
        assertEquals(2, db.ports.size(), "a second inspection adds no duplicate ports");
    }

    @Test
    void maintenanceProtectionAndRetirementRefuseWithIronicsMessages() throws Exception {
        String uuid = create().getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        n.setMaintenance(true);
        db.updateNode(n);
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.doProvisioningAction(uuid, "provide", Map.of()));
        assertEquals(400, e.status());
        assertEquals("The providing operation can't be performed on node " + uuid + " because it's in maintenance mode.", e.getMessage());

        n = db.getNodeByUuid(uuid).orElseThrow();
        n.setMaintenance(false);
        n.setRetired(true);
        db.updateNode(n);
        e = assertThrows(ConductorException.class, () -> conductor.doProvisioningAction(uuid, "provide", Map.of()));
        assertEquals("The providing operation can't be performed on node " + uuid + " because it is retired.", e.getMessage());

        Node protect = db.getNodeByUuid(uuid).orElseThrow();
        protect.setProtected(true);
        assertEquals(409, assertThrows(ConductorException.class, () -> conductor.updateNode(protect, false)).status(),
                "only active or rescue nodes can be protected");
        assertNull(db.getNodeByUuid(uuid).orElseThrow().getReservation());
    }

    @Test
    void stateChangesAndFailuresAreInTheHistory() throws Exception {
        String uuid = create().getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        conductor.doProvisioningAction(uuid, "provide", Map.of());
        waitFor(uuid, settledIn("available"));
        driver.deployFailure = "no disk";
        conductor.doProvisioningAction(uuid, "deploy", Map.of());
        waitFor(uuid, settledIn("deploy failed"));
        java.util.List<org.ferric.db.api.NodeHistory> events = db.listNodeHistory(uuid);
        assertTrue(events.stream().anyMatch(h -> h.event().equals("Node moved from enroll to verifying.")), events.toString());
        assertTrue(events.stream().anyMatch(h -> h.event().equals("Node moved from cleaning to available.")), events.toString());
        assertTrue(events.stream().anyMatch(h -> "ERROR".equals(h.severity()) && h.event().contains("no disk")), events.toString());
        assertTrue(events.stream().allMatch(h -> "c1".equals(h.conductor())));
    }

    /** The test driver's management interface predates indicators (driver API 1.1): the SPI's defaults apply. */
    @Test
    void indicatorsOfADriverWithoutThemAreNoneAndUnsupported() {
        Node n = create();
        assertEquals(Map.of(), conductor.getSupportedIndicators(n.getUuid()));
        ConductorException get = assertThrows(ConductorException.class,
                () -> conductor.getIndicatorState(n.getUuid(), "system", "led"));
        assertEquals(400, get.status());
        assertEquals("Driver test-hardware does not support get_indicator_state (disabled or not implemented).",
                get.getMessage());
        ConductorException set = assertThrows(ConductorException.class,
                () -> conductor.setIndicatorState(n.getUuid(), "system", "led", "on"));
        assertEquals(400, set.status());
        assertNull(db.getNodeByUuid(n.getUuid()).orElseThrow().getReservation(), "the lock is released");
        assertEquals(404, assertThrows(ConductorException.class,
                () -> conductor.getSupportedIndicators("00000000-0000-0000-0000-000000000000")).status());
    }
}
