package org.ferric.db.internal;

import static org.ferric.db.internal.NodeFixtures.assertSameFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.Port;
import org.junit.jupiter.api.Test;

class NodeStoreTest extends DatabaseTestBase {

    @Test
    void everyFieldRoundTrips() {
        Node node = NodeFixtures.full("n1");
        node.setUuid("1be26c0b-03f2-4d2e-ae87-c02d7f33c123");

        Node created = db.createNode(node);
        Node read = db.getNodeByUuid(node.getUuid()).orElseThrow();

        assertNotNull(created.getId());
        assertNotNull(created.getCreatedAt());
        assertNull(created.getUpdatedAt());
        assertSameFields(node, read, "id", "createdAt", "traits");
        assertEquals(List.of("CUSTOM_B", "CUSTOM_GPU", "HW_CPU_X86_AVX2"), read.getTraits());
        assertEquals(created.getId(), read.getId());
        assertEquals(created.getCreatedAt(), read.getCreatedAt());
        assertSameFields(created, read);
    }

    @Test
    void aSingleNodeReadCarriesExactlyItsOwnTraitsSorted() {
        Node bare = db.createNode(NodeFixtures.minimal("bare"));
        Node withTraits = NodeFixtures.minimal("traited");
        withTraits.setTraits(List.of("CUSTOM_Z", "CUSTOM_A", "HW_CPU_X86_AVX2"));
        db.createNode(withTraits);

        assertEquals(List.of(), db.getNodeByUuid(bare.getUuid()).orElseThrow().getTraits());
        assertEquals(List.of(), db.getNodeByName("bare").orElseThrow().getTraits());
        Node read = db.getNodeByName("traited").orElseThrow();
        assertEquals(List.of("CUSTOM_A", "CUSTOM_Z", "HW_CPU_X86_AVX2"), read.getTraits());
        assertEquals(read.getTraits(), db.getNodeByUuid(read.getUuid()).orElseThrow().getTraits());
        assertEquals("traited", read.getName());
    }

    @Test
    void longTextColumnsRoundTripWhole() {
        // A config drive travels in instance_info, so a text column may hold megabytes; CLOB columns
        // are read with getString (TextColumnsAsStrings), which must not cut them.
        String configDrive = "H4sI" + "0123456789abcdef".repeat(64 * 1024);
        String error = "\u00e9rror \u2603 ".repeat(3_000);
        Node node = NodeFixtures.minimal("big");
        node.setInstanceInfo(new java.util.LinkedHashMap<>(Map.of("configdrive", configDrive)));
        node.setLastError(error);
        Node created = db.createNode(node);

        Node read = db.getNodeByUuid(created.getUuid()).orElseThrow();
        assertEquals(configDrive, read.getInstanceInfo().get("configdrive"));
        assertEquals(error, read.getLastError());

        read.setLastError(error + "!");
        db.updateNode(read);
        Node listed = db.listNodes(org.ferric.db.api.NodeQuery.all(10)).stream()
                .filter(n -> n.getUuid().equals(created.getUuid())).findFirst().orElseThrow();
        assertEquals(error + "!", listed.getLastError());
        assertEquals(configDrive, listed.getInstanceInfo().get("configdrive"));
    }

    @Test
    void aShortTextLongerThanTheDatabaseKeepsIsRefusedAndNothingIsWritten() {
        Node created = db.createNode(NodeFixtures.minimal("limits"));
        int max = org.ferric.db.api.ValueTooLongException.MAX_CHARS;
        Node tooLong = db.getNodeByUuid(created.getUuid()).orElseThrow();
        tooLong.setExtra(new java.util.LinkedHashMap<>(Map.of("blob", "x".repeat(max))));
        tooLong.setDescription("changed");

        org.ferric.db.api.ValueTooLongException e = assertThrows(org.ferric.db.api.ValueTooLongException.class,
                () -> db.updateNode(tooLong));

        assertEquals("extra", e.field());
        Node read = db.getNodeByUuid(created.getUuid()).orElseThrow();
        assertEquals(Map.of(), read.getExtra());
        assertNull(read.getDescription());

        Node atTheLimit = NodeFixtures.minimal("at-limit");
        atTheLimit.setDescription("d".repeat(max));
        assertEquals(max, db.getNodeByUuid(db.createNode(atTheLimit).getUuid()).orElseThrow().getDescription().length());
        Node overTheLimit = NodeFixtures.minimal("over-limit");
        overTheLimit.setMaintenanceReason("m".repeat(max + 1));
        assertThrows(org.ferric.db.api.ValueTooLongException.class, () -> db.createNode(overTheLimit));
        assertTrue(db.getNodeByName("over-limit").isEmpty());
    }

    @Test
    void anOverlongErrorIsCutNotRefused() {
        Node node = NodeFixtures.minimal("error");
        node.setLastError("E".repeat(100_000));

        String stored = db.getNodeByUuid(db.createNode(node).getUuid()).orElseThrow().getLastError();

        assertEquals(org.ferric.db.api.ValueTooLongException.MAX_CHARS, stored.length());
        assertTrue(stored.startsWith("EEEE"));
        assertTrue(stored.endsWith("characters)"), stored.substring(stored.length() - 50));
    }

    @Test
    void jsonNumbersComeBackAsJacksonReadsThem() {
        Node read = db.getNodeByUuid(db.createNode(NodeFixtures.full("n1")).getUuid()).orElseThrow();

        assertInstanceOf(Integer.class, read.getDriverInfo().get("ipmi_port"));
        assertInstanceOf(Long.class, read.getDriverInfo().get("big"));
        assertInstanceOf(Double.class, read.getDriverInfo().get("ratio"));
        assertEquals(Map.of("list", List.of(1, "two", false)), read.getDriverInfo().get("nested"));
    }

    @Test
    void createMakesAUuidAndLookupsFindTheNode() {
        Node created = db.createNode(NodeFixtures.minimal("n1"));

        assertEquals(36, created.getUuid().length());
        assertEquals(created.getUuid(), db.getNodeByName("n1").orElseThrow().getUuid());
        assertEquals(created.getUuid(), db.getNodeById(created.getId()).orElseThrow().getUuid());
        assertTrue(db.getNodeByName("n2").isEmpty());
        assertTrue(db.getNodeById(created.getId() + 1000).isEmpty());
        assertEquals(1, db.countNodes());
    }

    @Test
    void returnedNodesAreDetachedCopies() {
        Node created = db.createNode(NodeFixtures.full("n1"));
        created.getDriverInfo().put("ipmi_password", "changed");
        created.getTraits().add("CUSTOM_NEW");
        created.setProvisionState("active");

        Node read = db.getNodeByUuid(created.getUuid()).orElseThrow();

        assertEquals("s3cret", read.getDriverInfo().get("ipmi_password"));
        assertFalse(read.getTraits().contains("CUSTOM_NEW"));
        assertEquals("deploying", read.getProvisionState());
    }

    @Test
    void timestampsAreStoredAsUtcWallClockWhateverTheJvmZone() throws SQLException {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            Node node = NodeFixtures.minimal("n1");
            node.setProvisionUpdatedAt(Instant.parse("2024-01-02T03:04:05.123456Z"));
            String uuid = db.createNode(node).getUuid();

            try (Connection c = database.direct.getConnection();
                    PreparedStatement st = c.prepareStatement("SELECT provision_updated_at FROM nodes WHERE uuid = ?")) {
                st.setString(1, uuid);
                try (ResultSet rs = st.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(LocalDateTime.parse("2024-01-02T03:04:05.123456"), rs.getTimestamp(1).toLocalDateTime());
                }
            }
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertEquals(Instant.parse("2024-01-02T03:04:05.123456Z"),
                    db.getNodeByUuid(uuid).orElseThrow().getProvisionUpdatedAt());
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void instantsKeepMicrosecondsAndDropNanoseconds() {
        Node node = NodeFixtures.minimal("n1");
        node.setInspectionStartedAt(Instant.parse("2024-01-02T03:04:05.123456789Z"));

        Node read = db.getNodeByUuid(db.createNode(node).getUuid()).orElseThrow();

        assertEquals(Instant.parse("2024-01-02T03:04:05.123456Z"), read.getInspectionStartedAt());
    }

    @Test
    void duplicateNameUuidOrInstanceIsRejectedWithTheField() {
        Node first = db.createNode(NodeFixtures.full("n1"));

        Node sameName = NodeFixtures.minimal("n1");
        Node sameUuid = NodeFixtures.minimal("n2");
        sameUuid.setUuid(first.getUuid());
        Node sameInstance = NodeFixtures.minimal("n3");
        sameInstance.setInstanceUuid(first.getInstanceUuid());

        assertEquals("name", assertThrows(DuplicateEntryException.class, () -> db.createNode(sameName)).field());
        assertEquals("uuid", assertThrows(DuplicateEntryException.class, () -> db.createNode(sameUuid)).field());
        DuplicateEntryException dup = assertThrows(DuplicateEntryException.class, () -> db.createNode(sameInstance));
        assertEquals("instance_uuid", dup.field());
        assertEquals(first.getInstanceUuid(), dup.value());
        assertEquals(1, db.countNodes(), "a rejected node must leave no row behind");
    }

    @Test
    void manyNodesMayHaveNoNameOrInstance() {
        db.createNode(NodeFixtures.minimal(null));
        db.createNode(NodeFixtures.minimal(null));

        assertEquals(2, db.countNodes());
    }

    @Test
    void updateWritesFieldsAndTraitsButNeverReservationOrCreatedAt() throws InterruptedException {
        Node created = db.createNode(NodeFixtures.full("n1"));
        assertTrue(db.reserveNode(created.getUuid(), "conductor-1"));
        Thread.sleep(5);

        Node change = db.getNodeByUuid(created.getUuid()).orElseThrow();
        change.setProvisionState("active");
        change.setTargetProvisionState(null);
        change.setName("renamed");
        change.getDriverInfo().remove("ipmi_password");
        change.setTraits(List.of("HW_CPU_X86_AVX2", "CUSTOM_NEW"));
        change.setReservation("intruder");
        change.setCreatedAt(Instant.EPOCH);
        Node updated = db.updateNode(change);

        Node read = db.getNodeByUuid(created.getUuid()).orElseThrow();
        assertEquals("active", read.getProvisionState());
        assertNull(read.getTargetProvisionState());
        assertEquals("renamed", read.getName());
        assertFalse(read.getDriverInfo().containsKey("ipmi_password"));
        assertEquals(List.of("CUSTOM_NEW", "HW_CPU_X86_AVX2"), read.getTraits());
        assertEquals("conductor-1", read.getReservation());
        assertEquals(created.getCreatedAt(), read.getCreatedAt());
        assertNotNull(read.getUpdatedAt());
        assertTrue(read.getUpdatedAt().isAfter(created.getCreatedAt()));
        assertSameFields(updated, read);
    }

    @Test
    void updateKeepsItsOwnNameButRejectsAnotherNodesName() {
        db.createNode(NodeFixtures.minimal("taken"));
        Node mine = db.createNode(NodeFixtures.minimal("mine"));

        mine.setDescription("still mine");
        assertEquals("still mine", db.updateNode(mine).getDescription());

        mine.setName("taken");
        assertEquals("name", assertThrows(DuplicateEntryException.class, () -> db.updateNode(mine)).field());
        assertEquals("mine", db.getNodeByUuid(mine.getUuid()).orElseThrow().getName());
    }

    @Test
    void updateOfAMissingNodeIsNotFound() {
        Node ghost = NodeFixtures.minimal("ghost");
        ghost.setUuid("00000000-0000-0000-0000-000000000000");

        assertThrows(NotFoundException.class, () -> db.updateNode(ghost));
    }

    @Test
    void destroyRemovesTheNodeItsPortsAndItsTraits() throws SQLException {
        Node node = db.createNode(NodeFixtures.full("n1"));
        Port port = new Port();
        port.setNodeUuid(node.getUuid());
        port.setAddress("52:54:00:12:34:56");
        db.createPort(port);

        db.destroyNode(node.getUuid());

        assertTrue(db.getNodeByUuid(node.getUuid()).isEmpty());
        assertTrue(db.getPortByAddress("52:54:00:12:34:56").isEmpty());
        assertEquals(0, count("node_traits"));
        assertThrows(NotFoundException.class, () -> db.destroyNode(node.getUuid()));
    }

    private int count(String table) throws SQLException {
        try (Connection c = database.direct.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
