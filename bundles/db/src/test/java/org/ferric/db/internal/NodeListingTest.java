package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ferric.db.api.Node;
import org.ferric.db.api.NodeQuery;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ShardCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeListingTest extends DatabaseTestBase {
    private static final String[] STATES = {"active", "available", "manageable", null};

    @BeforeEach
    void createNodes() {
        for (int i = 0; i < 23; i++) {
            Node n = NodeFixtures.minimal(i % 5 == 0 ? null : "node-" + (char) ('a' + (i * 7) % 23));
            n.setProvisionState(STATES[i % STATES.length]);
            n.setDriver(i % 2 == 0 ? "ipmi" : "redfish");
            n.setMaintenance(i % 3 == 0);
            n.setInstanceUuid(i % 4 == 0 ? String.format("00000000-0000-0000-0000-%012d", i) : null);
            n.setDescription(i == 7 ? "has 100% of_it" : "node number " + i);
            n.setTraits(i % 2 == 0 ? List.of("CUSTOM_EVEN", "CUSTOM_" + i) : List.of());
            db.createNode(n);
        }
    }

    @Test
    void filtersByFieldValuesAndNull() {
        assertEquals(6, list(Map.of("provisionState", "active")).size());
        assertEquals(5, list(nullFilter("provisionState")).size());
        assertTrue(list(Map.of("provisionState", "active", "driver", "ipmi"))
                .stream().allMatch(n -> "active".equals(n.getProvisionState()) && "ipmi".equals(n.getDriver())));
        assertEquals(8, list(Map.of("maintenance", true)).size());
        assertEquals(8, list(Map.of("maintenance", "true")).size(), "API strings are coerced");
        assertEquals(15, list(Map.of("protected", false, "maintenance", false)).size());
    }

    @Test
    void filtersBySeveralShardsAndBySharded() {
        List<Node> all = db.listNodes(NodeQuery.all(100));
        for (int i = 0; i < all.size(); i++) {
            Node n = all.get(i);
            n.setShard(i < 3 ? "a" : i < 8 ? "b" : i < 10 ? "c" : null);
            db.updateNode(n);
        }
        assertEquals(8, shardQuery(List.of("a", "b"), null).size());
        assertEquals(10, shardQuery(List.of("b", "c", "a", "z"), null).size());
        assertEquals(0, shardQuery(List.of(), null).size(), "an empty list matches nothing, as SQL IN ()");
        assertEquals(10, shardQuery(null, true).size());
        assertEquals(13, shardQuery(null, false).size());
        assertEquals(0, shardQuery(List.of("a"), false).size());
        List<Node> page = db.listNodes(new NodeQuery(Map.of("driver", "ipmi"), null, null, List.of("b", "c"), true, 2,
                null, "id", true));
        assertTrue(page.size() <= 2 && page.stream().allMatch(n -> "ipmi".equals(n.getDriver())
                && List.of("b", "c").contains(n.getShard())));

        assertEquals(List.of(new ShardCount(null, 13), new ShardCount("b", 5), new ShardCount("a", 3), new ShardCount("c", 2)),
                db.countNodesByShard());
    }

    private List<Node> shardQuery(List<String> shards, Boolean sharded) {
        return db.listNodes(new NodeQuery(Map.of(), null, null, shards, sharded, 100, null, "id", true));
    }

    @Test
    void filtersByAssociationAndDescription() {
        assertEquals(6, db.listNodes(new NodeQuery(Map.of(), true, null, 100, null, "id", true)).size());
        assertEquals(17, db.listNodes(new NodeQuery(Map.of(), false, null, 100, null, "id", true)).size());
        List<Node> percent = db.listNodes(new NodeQuery(Map.of(), null, "100% of_", 100, null, "id", true));
        assertEquals(1, percent.size());
        assertEquals("has 100% of_it", percent.get(0).getDescription());
        assertEquals(11, db.listNodes(new NodeQuery(Map.of(), null, "number 1", 100, null, "id", true)).size());
    }

    @Test
    void rejectsUnknownOrUncomparableKeys() {
        assertThrows(IllegalArgumentException.class, () -> list(Map.of("bogus", "x")));
        assertThrows(IllegalArgumentException.class, () -> list(Map.of("driverInfo", "x")));
        assertThrows(IllegalArgumentException.class, () -> list(Map.of("maintenance", "perhaps")));
        assertThrows(IllegalArgumentException.class,
                () -> db.listNodes(new NodeQuery(Map.of(), null, null, 10, null, "description", true)));
        assertThrows(IllegalArgumentException.class, () -> db.listNodes(NodeQuery.all(0)));
    }

    @Test
    void listedNodesCarryTheirTraits() {
        Node zero = db.listNodes(NodeQuery.all(1)).get(0);
        Node one = db.listNodes(NodeQuery.all(2)).get(1);

        assertEquals(List.of("CUSTOM_0", "CUSTOM_EVEN"), zero.getTraits());
        assertEquals(List.of(), one.getTraits());
    }

    @Test
    void pagesByIdFollowOneAnother() {
        List<Node> all = db.listNodes(NodeQuery.all(100));
        List<Node> first = db.listNodes(NodeQuery.all(10));
        List<Node> second = db.listNodes(new NodeQuery(Map.of(), null, null, 10, first.get(9).getId(), "id", true));

        assertEquals(23, all.size());
        assertEquals(ids(all.subList(0, 10)), ids(first));
        assertEquals(ids(all.subList(10, 20)), ids(second));
    }

    @Test
    void pagingBySortKeysWithTiesAndNullsNeitherSkipsNorRepeats() {
        for (boolean ascending : new boolean[] {true, false}) {
            assertPagesCoverInOrder("provisionState", Node::getProvisionState, ascending);
            assertPagesCoverInOrder("name", Node::getName, ascending);
            assertPagesCoverInOrder("driver", Node::getDriver, ascending);
        }
    }

    /**
     * PostgreSQL compares and sorts VARCHARs in the database's collation (Derby and a C-locale
     * PostgreSQL: by code point; en-US: case and accents fold). Whatever it is, keyset pages must
     * follow the database's own order: the marker comparison and ORDER BY use the same collation.
     */
    @Test
    void pagesByNameFollowTheDatabasesOwnOrderWhateverItsCollation() {
        for (String name : List.of("alpha", "Bravo", "charlie", "Delta", "\u00e9cho", "echo", "Echo2", "x-ray", "x_ray", "xray")) {
            db.createNode(NodeFixtures.minimal(name));
        }
        for (boolean ascending : new boolean[] {true, false}) {
            List<Long> whole = ids(db.listNodes(new NodeQuery(Map.of(), null, null, 100, null, "name", ascending)));
            List<Long> paged = new ArrayList<>();
            Long marker = null;
            while (true) {
                List<Node> page = db.listNodes(new NodeQuery(Map.of(), null, null, 3, marker, "name", ascending));
                paged.addAll(ids(page));
                if (page.size() < 3) {
                    break;
                }
                marker = page.get(page.size() - 1).getId();
            }
            assertEquals(whole, paged, ascending ? "ascending" : "descending");
            assertEquals(33, paged.size());
        }
    }

    @Test
    void aMissingMarkerIsNotFound() {
        assertThrows(NotFoundException.class,
                () -> db.listNodes(new NodeQuery(Map.of(), null, null, 10, 999_999L, "name", true)));
    }

    @Test
    void aPageOfTenThousandNodesTakesAHandfulOfStatements() throws SQLException {
        bulkInsert(10_000);
        assertEquals(10_023, db.countNodes());

        database.statements.set(0);
        List<Node> page = db.listNodes(new NodeQuery(Map.of("driver", "bulk"), null, null, 1000, null, "name", true));

        assertEquals(1000, page.size());
        assertEquals("bulk-00000", page.get(0).getName());
        assertEquals(List.of("CUSTOM_BULK"), page.get(999).getTraits());
        // the page, then the traits in chunks of 500: never one query per node
        assertTrue(database.statements.get() <= 4, "statements: " + database.statements.get());
    }

    private void assertPagesCoverInOrder(String sortKey, Function<Node, String> key, boolean ascending) {
        List<Node> expected = new ArrayList<>(db.listNodes(NodeQuery.all(100)));
        Comparator<String> values = ascending ? Comparator.nullsLast(Comparator.<String>naturalOrder())
                : Comparator.nullsFirst(Comparator.<String>reverseOrder());
        Comparator<Node> ids = Comparator.comparing(Node::getId);
        expected.sort(Comparator.comparing(key, values).thenComparing(ascending ? ids : ids.reversed()));

        List<Node> paged = new ArrayList<>();
        Long marker = null;
        while (true) {
            List<Node> page = db.listNodes(new NodeQuery(Map.of(), null, null, 4, marker, sortKey, ascending));
            paged.addAll(page);
            if (page.size() < 4) {
                break;
            }
            marker = page.get(page.size() - 1).getId();
        }
        assertEquals(ids(expected), ids(paged), "sorted by " + sortKey + (ascending ? " asc" : " desc"));
    }

    private void bulkInsert(int count) throws SQLException {
        try (Connection c = database.direct.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO nodes (uuid, name, driver, driver_info, created_at) VALUES (?, ?, 'bulk', '{}', ?)")) {
                Timestamp now = new Timestamp(System.currentTimeMillis());
                for (int i = 0; i < count; i++) {
                    st.setString(1, String.format("b0000000-0000-0000-0000-%012d", i));
                    st.setString(2, String.format("bulk-%05d", i));
                    st.setTimestamp(3, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO node_traits (node_id, trait) SELECT id, 'CUSTOM_BULK' FROM nodes WHERE driver = 'bulk'");
            }
            c.commit();
        }
    }

    private List<Node> list(Map<String, Object> filters) {
        return db.listNodes(new NodeQuery(filters, null, null, 100, null, "id", true));
    }

    private static Map<String, Object> nullFilter(String key) {
        Map<String, Object> filters = new HashMap<>();
        filters.put(key, null);
        return filters;
    }

    private static List<Long> ids(List<Node> nodes) {
        return nodes.stream().map(Node::getId).toList();
    }
}
