package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ferric.db.api.Conductor;
import org.ferric.db.api.NotFoundException;
import org.junit.jupiter.api.Test;

class ConductorRegistryTest extends DatabaseTestBase {

    @Test
    void registerAndReRegister() {
        Conductor first = db.registerConductor("c1", "rack1", List.of("ipmi", "fake-hardware"));
        Conductor again = db.registerConductor("c1", null, List.of("redfish"));

        assertTrue(first.isOnline());
        assertEquals(List.of("ipmi", "fake-hardware"), first.getDrivers());
        assertEquals(first.getId(), again.getId());
        assertEquals(first.getCreatedAt(), again.getCreatedAt());
        Conductor read = db.getConductor("c1").orElseThrow();
        assertEquals(List.of("redfish"), read.getDrivers());
        assertEquals("", read.getConductorGroup());
        assertEquals(1, db.listConductors().size());
    }

    @Test
    void touchRefreshesTheHeartbeatOfOnlineConductorsOnly() throws InterruptedException {
        Instant registered = db.registerConductor("c1", "", List.of()).getUpdatedAt();
        Thread.sleep(5);

        db.touchConductor("c1");

        assertTrue(db.getConductor("c1").orElseThrow().getUpdatedAt().isAfter(registered));
        assertThrows(NotFoundException.class, () -> db.touchConductor("nobody"));
        db.unregisterConductor("c1");
        assertThrows(NotFoundException.class, () -> db.touchConductor("c1"));
    }

    @Test
    void deadAreTheOfflineAndTheSilent() throws SQLException {
        db.registerConductor("fresh", "", List.of());
        db.registerConductor("silent", "", List.of());
        db.registerConductor("gone", "", List.of());
        db.unregisterConductor("gone");
        try (Connection c = database.direct.getConnection();
                PreparedStatement st = c.prepareStatement("UPDATE conductors SET updated_at = ? WHERE hostname = 'silent'")) {
            st.setTimestamp(1, Timestamps.toDb(Instant.now().minus(Duration.ofMinutes(10))));
            assertEquals(1, st.executeUpdate());
        }

        assertEquals(List.of("gone", "silent"), db.deadConductors(Duration.ofMinutes(5)));
        assertEquals(List.of("gone"), db.deadConductors(Duration.ofMinutes(15)));
        assertFalse(db.getConductor("gone").orElseThrow().isOnline());
        assertThrows(NotFoundException.class, () -> db.unregisterConductor("nobody"));
    }
}
