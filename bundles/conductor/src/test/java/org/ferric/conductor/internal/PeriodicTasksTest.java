package org.ferric.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.ferric.db.api.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The periodic passes, driven one at a time with a clock the test moves. */
class PeriodicTasksTest {
    /** A clock that only moves when told. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final InMemoryDb db = new InMemoryDb();
    private final DriverRegistry drivers = new DriverRegistry();
    private final TestDriver driver = new TestDriver();
    private final TestClock clock = new TestClock();
    private ConductorService conductor;

    @BeforeEach
    void start() {
        drivers.addHardwareType(driver);
        // Intervals 0: nothing runs on its own, the test runs each pass.
        conductor = new ConductorService(db, drivers, ConductorServiceTest.config(Map.of("host", "c1",
                "sync_power_state_interval", 0, "power_failure_recovery_interval", 0, "check_provision_state_interval", 0)), clock);
    }

    @AfterEach
    void stop() {
        conductor.stop();
    }

    private String nodeIn(String state, String power) {
        Node n = new Node();
        n.setDriver("test-hardware");
        String uuid = conductor.createNode(n).getUuid();
        Node stored = db.getNodeByUuid(uuid).orElseThrow();
        stored.setProvisionState(state);
        stored.setTargetProvisionState(new ProvisionStateMachine().targetOf(state));
        stored.setProvisionUpdatedAt(clock.instant());
        stored.setPowerState(power);
        db.updateNode(stored);
        return uuid;
    }

    @Test
    void deployWaitTimesOutIntoDeployFailed() {
        String uuid = nodeIn("wait call-back", "power on");
        clock.now = clock.now.plus(Duration.ofSeconds(1799));
        conductor.periodic().checkWaitTimeouts();
        assertEquals("wait call-back", db.getNodeByUuid(uuid).orElseThrow().getProvisionState());

        clock.now = clock.now.plus(Duration.ofSeconds(2));
        conductor.periodic().checkWaitTimeouts();
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        assertEquals("deploy failed", n.getProvisionState());
        assertEquals("active", n.getTargetProvisionState());
        assertEquals("Timeout reached while waiting for callback for node " + uuid, n.getLastError());
        assertNull(n.getReservation());
    }

    @Test
    void everyWaitStateHasItsTimeout() {
        String clean = nodeIn("clean wait", null);
        String inspect = nodeIn("inspect wait", null);
        String rescue = nodeIn("rescue wait", null);
        clock.now = clock.now.plus(Duration.ofHours(1));
        conductor.periodic().checkWaitTimeouts();
        assertEquals("clean failed", db.getNodeByUuid(clean).orElseThrow().getProvisionState());
        assertEquals("inspect failed", db.getNodeByUuid(inspect).orElseThrow().getProvisionState());
        assertEquals("rescue failed", db.getNodeByUuid(rescue).orElseThrow().getProvisionState());
    }

    @Test
    void lockedNodesAreLeftForLater() {
        String uuid = nodeIn("wait call-back", null);
        db.reserveNode(uuid, "someone");
        clock.now = clock.now.plus(Duration.ofHours(1));
        conductor.periodic().checkWaitTimeouts();
        assertEquals("wait call-back", db.getNodeByUuid(uuid).orElseThrow().getProvisionState());
        assertEquals("someone", db.getNodeByUuid(uuid).orElseThrow().getReservation());
    }

    @Test
    void powerSyncRecordsAChangeMadeOutsideFerric() {
        String uuid = nodeIn("active", "power on");
        driver.bmcState = org.ferric.driver.api.PowerState.POWER_OFF;
        conductor.periodic().syncPowerStates();
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        assertEquals("power off", n.getPowerState());
        assertNull(n.getReservation());
    }

    @Test
    void repeatedPowerFailuresPutTheNodeInMaintenanceUntilTheBmcAnswers() {
        String uuid = nodeIn("active", "power on");
        driver.bmcDown = true;
        conductor.periodic().syncPowerStates();
        conductor.periodic().syncPowerStates();
        assertFalse(db.getNodeByUuid(uuid).orElseThrow().isMaintenance(), "two failures are tolerated");
        conductor.periodic().syncPowerStates();
        Node failed = db.getNodeByUuid(uuid).orElseThrow();
        assertTrue(failed.isMaintenance());
        assertEquals("power failure", failed.getFault());
        assertTrue(failed.getMaintenanceReason().contains("BMC at 10.0.0.1 did not answer"));

        conductor.periodic().recoverPowerFailures();
        assertTrue(db.getNodeByUuid(uuid).orElseThrow().isMaintenance(), "still down");

        driver.bmcDown = false;
        driver.bmcState = org.ferric.driver.api.PowerState.POWER_ON;
        conductor.periodic().recoverPowerFailures();
        Node recovered = db.getNodeByUuid(uuid).orElseThrow();
        assertFalse(recovered.isMaintenance());
        assertNull(recovered.getFault());
        assertEquals("power on", recovered.getPowerState());
    }

    @Test
    void locksOfADeadConductorAreReleasedAndItsStuckNodesFailed() {
        String cleaning = nodeIn("cleaning", null);
        String active = nodeIn("active", "power on");
        db.reserveNode(cleaning, "dead-host");
        db.reserveNode(active, "dead-host");
        db.setHeartbeat("dead-host", Instant.now().minus(Duration.ofMinutes(5)));
        conductor.periodic().recoverOrphans();
        Node failed = db.getNodeByUuid(cleaning).orElseThrow();
        assertEquals("clean failed", failed.getProvisionState());
        assertNull(failed.getReservation());
        assertTrue(failed.getLastError().contains("dead-host"));
        Node untouched = db.getNodeByUuid(active).orElseThrow();
        assertEquals("active", untouched.getProvisionState());
        assertNull(untouched.getReservation());
    }

    @Test
    void deployBeyondTheConcurrencyLimitIs503() {
        conductor.stop();
        conductor = new ConductorService(db, drivers, ConductorServiceTest.config(Map.of("host", "c1", "max_concurrent_deploy", 1,
                "sync_power_state_interval", 0, "check_provision_state_interval", 0)), clock);
        nodeIn("wait call-back", null);
        String uuid = nodeIn("available", null);
        org.ferric.conductor.rpc.ConductorException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.ferric.conductor.rpc.ConductorException.class, () -> conductor.doProvisioningAction(uuid, "deploy", Map.of()));
        assertEquals(503, e.status());
        assertEquals("available", db.getNodeByUuid(uuid).orElseThrow().getProvisionState());
        assertNull(db.getNodeByUuid(uuid).orElseThrow().getReservation());
    }
}
