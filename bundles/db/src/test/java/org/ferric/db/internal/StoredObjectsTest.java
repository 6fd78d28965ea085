package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.DbException;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NodeHistory;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.StoredObject;
import org.junit.jupiter.api.Test;

class StoredObjectsTest extends DatabaseTestBase {

    @Test
    void historyIsRecordedListedTrimmedAndDeletedWithTheNode() {
        Node node = db.createNode(NodeFixtures.minimal("n1"));
        NodeHistory first = db.recordNodeHistory(node.getUuid(), "Deploy failed: boom", "provisioning", "ERROR", "c1", null);
        db.recordNodeHistory(node.getUuid(), "Power failure", "power", "WARNING", "c1", "admin");
        db.recordNodeHistory(node.getUuid(), "Third", "maintenance", "INFO", "c1", null);
        List<NodeHistory> history = db.listNodeHistory(node.getUuid());
        assertEquals(3, history.size());
        assertEquals("Deploy failed: boom", history.get(0).event());
        assertEquals("admin", history.get(1).user());
        assertNotNull(history.get(0).createdAt());
        assertEquals(first, db.getNodeHistory(node.getUuid(), first.uuid()).orElseThrow());
        assertTrue(db.getNodeHistory("other", first.uuid()).isEmpty());

        assertEquals(1, db.trimNodeHistory(node.getUuid(), 2));
        assertEquals(List.of("Power failure", "Third"), db.listNodeHistory(node.getUuid()).stream().map(NodeHistory::event).toList());

        db.destroyNode(node.getUuid());
        assertTrue(db.listNodeHistory(node.getUuid()).isEmpty());
    }

    @Test
    void portgroupsRoundTripAreUniqueAndPage() {
        Node node = db.createNode(NodeFixtures.minimal("n1"));
        Map<String, Object> pg = new HashMap<>();
        pg.put("node_uuid", node.getUuid());
        pg.put("name", "pg1");
        pg.put("address", "52:54:00:00:00:01");
        pg.put("extra", Map.of("a", List.of(1, 2)));
        pg.put("standalone_ports_supported", true);
        StoredObject created = db.createObject(ObjectKind.PORTGROUP, pg);
        assertNotNull(created.uuid());
        assertNotNull(created.id());
        assertEquals(Map.of("a", List.of(1, 2)), created.get("extra"));
        assertNull(created.get("updated_at"));

        Map<String, Object> clash = new HashMap<>(pg);
        clash.put("address", "52:54:00:00:00:02");
        DuplicateEntryException dup = assertThrows(DuplicateEntryException.class, () -> db.createObject(ObjectKind.PORTGROUP, clash));
        assertEquals("name", dup.field());
        Map<String, Object> orphan = new HashMap<>(pg);
        orphan.put("node_uuid", "00000000-0000-0000-0000-000000000000");
        orphan.put("name", "pg-x");
        orphan.put("address", null);
        assertThrows(NotFoundException.class, () -> db.createObject(ObjectKind.PORTGROUP, orphan));

        for (int i = 2; i <= 5; i++) {
            db.createObject(ObjectKind.PORTGROUP, Map.of("node_uuid", node.getUuid(), "name", "pg" + i));
        }
        List<StoredObject> page1 = db.listObjects(new ObjectQuery(ObjectKind.PORTGROUP, Map.of(), 2, null, "name", false));
        assertEquals(List.of("pg5", "pg4"), page1.stream().map(o -> o.string("name")).toList());
        List<StoredObject> page2 = db.listObjects(new ObjectQuery(ObjectKind.PORTGROUP, Map.of(), 10, page1.get(1).id(), "name", false));
        assertEquals(List.of("pg3", "pg2", "pg1"), page2.stream().map(o -> o.string("name")).toList());
        List<StoredObject> byAddress = db.listObjects(new ObjectQuery(ObjectKind.PORTGROUP, Map.of(), 10, created.id(), "address", true));
        assertEquals(4, byAddress.size());
        assertThrows(NotFoundException.class, () -> db.listObjects(new ObjectQuery(ObjectKind.PORTGROUP, Map.of(), 1, 9999L, "id", true)));
        assertThrows(IllegalArgumentException.class, () -> db.listObjects(new ObjectQuery(ObjectKind.PORTGROUP, Map.of(), 1, null, "extra", true)));

        StoredObject changed = created.copy().with("mode", "802.3ad").with("name", "renamed");
        StoredObject updated = db.updateObject(changed);
        assertEquals("802.3ad", updated.get("mode"));
        assertNotNull(updated.get("updated_at"));
        assertEquals(created.createdAt(), updated.createdAt());
        assertThrows(DuplicateEntryException.class, () -> db.updateObject(updated.copy().with("name", "pg2")));

        db.destroyObject(ObjectKind.PORTGROUP, updated.id());
        assertTrue(db.findObject(ObjectKind.PORTGROUP, "uuid", updated.uuid()).isEmpty());
        assertThrows(NotFoundException.class, () -> db.destroyObject(ObjectKind.PORTGROUP, updated.id()));
        db.destroyNode(node.getUuid());
        assertTrue(db.listObjects(ObjectQuery.all(ObjectKind.PORTGROUP, Map.of(), 10)).isEmpty());
    }

    @Test
    void kindsWithoutUuidAndCompositeUniqueness() {
        Node node = db.createNode(NodeFixtures.minimal("n1"));
        db.createObject(ObjectKind.BIOS_SETTING, Map.of("node_uuid", node.getUuid(), "name", "A", "value", "1"));
        StoredObject b = db.createObject(ObjectKind.BIOS_SETTING, Map.of("node_uuid", node.getUuid(), "name", "B", "value", "2",
                "unique", true, "lower_bound", 3));
        assertEquals("2", b.get("value"));
        assertEquals(Boolean.TRUE, b.get("unique"));
        assertEquals(3, b.get("lower_bound"));
        assertThrows(DuplicateEntryException.class,
                () -> db.createObject(ObjectKind.BIOS_SETTING, Map.of("node_uuid", node.getUuid(), "name", "A")));
        db.createObject(ObjectKind.VOLUME_TARGET, Map.of("node_uuid", node.getUuid(), "volume_type", "iscsi",
                "boot_index", 0, "volume_id", "v1"));
        assertThrows(DuplicateEntryException.class, () -> db.createObject(ObjectKind.VOLUME_TARGET,
                Map.of("node_uuid", node.getUuid(), "volume_type", "iscsi", "boot_index", 0, "volume_id", "v2")));
        db.createObject(ObjectKind.NODE_INVENTORY, Map.of("node_uuid", node.getUuid(), "inventory_data", Map.of("cpu", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> db.createObject(ObjectKind.DEPLOY_TEMPLATE, Map.of("nope", 1)));
        db.destroyNode(node.getUuid());
        assertTrue(db.findObject(ObjectKind.NODE_INVENTORY, "node_uuid", node.getUuid()).isEmpty());
    }

    @Test
    void nullTextAndJsonFieldsAreStoredAsNull() {
        Node node = db.createNode(NodeFixtures.minimal("n1"));
        Map<String, Object> pg = new HashMap<>();
        pg.put("node_uuid", node.getUuid());
        pg.put("name", "pg1");
        pg.put("extra", null);
        pg.put("properties", null);
        StoredObject created = db.createObject(ObjectKind.PORTGROUP, pg);
        assertNull(created.get("extra"));
        assertNull(created.get("properties"));

        StoredObject withJson = db.updateObject(created.copy().with("extra", Map.of("k", "v")));
        assertEquals(Map.of("k", "v"), withJson.get("extra"));
        assertNull(db.updateObject(withJson.copy().with("extra", null)).get("extra"));

        NodeHistory quiet = db.recordNodeHistory(node.getUuid(), null, "power", "INFO", "c1", null);
        assertNull(db.getNodeHistory(node.getUuid(), quiet.uuid()).orElseThrow().event());
    }

    @Test
    void aRejectedRowIsNotQuotedInTheError() {
        Node node = db.createNode(NodeFixtures.minimal("n1"));
        Map<String, Object> connector = new HashMap<>();
        connector.put("node_uuid", node.getUuid());
        connector.put("connector_id", "iqn.2024-01.org.example:1");
        connector.put("extra", Map.of("chap_secret", "s3cret-chap"));
        // no "type": the NOT NULL constraint rejects the row

        DbException e = assertThrows(DbException.class, () -> db.createObject(ObjectKind.VOLUME_CONNECTOR, connector));

        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("s3cret-chap"), "the error quotes the row: " + t);
        }
    }
}
