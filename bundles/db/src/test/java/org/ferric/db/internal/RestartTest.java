package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.ferric.db.api.Node;
import org.junit.jupiter.api.Test;

class RestartTest {

    @Test
    void dataSurvivesClosingAndReopeningAFileDatabase() {
        Path dir = Path.of("target", "derby-restart-" + UUID.randomUUID());
        Node stored;
        try (TestDatabase first = TestDatabase.inDirectory(dir).open()) {
            stored = first.db.createNode(NodeFixtures.full("survivor"));
            first.db.reserveNode(stored.getUuid(), "c1");
        }

        try (TestDatabase second = TestDatabase.inDirectory(dir).open()) {
            Node read = second.db.getNodeByName("survivor").orElseThrow();
            assertEquals(List.of(), new SchemaMigrations(second.dataSource).migrate());
            NodeFixtures.assertSameFields(stored, read, "reservation");
            assertEquals("c1", read.getReservation());
            assertEquals("s3cret", read.getDriverInfo().get("ipmi_password"));
        }
    }
}
