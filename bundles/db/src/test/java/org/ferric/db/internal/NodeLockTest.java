package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ferric.db.api.NotFoundException;
import org.junit.jupiter.api.Test;

class NodeLockTest extends DatabaseTestBase {

    @Test
    void secondReservationFailsEvenForTheSameHost() {
        String uuid = db.createNode(NodeFixtures.minimal("n1")).getUuid();

        assertTrue(db.reserveNode(uuid, "c1"));
        assertFalse(db.reserveNode(uuid, "c2"));
        assertFalse(db.reserveNode(uuid, "c1"));
        assertEquals("c1", db.getNodeByUuid(uuid).orElseThrow().getReservation());
    }

    @Test
    void onlyTheHolderReleases() {
        String uuid = db.createNode(NodeFixtures.minimal("n1")).getUuid();
        db.reserveNode(uuid, "c1");

        assertFalse(db.releaseNode(uuid, "c2"));
        assertEquals("c1", db.getNodeByUuid(uuid).orElseThrow().getReservation());
        assertTrue(db.releaseNode(uuid, "c1"));
        assertNull(db.getNodeByUuid(uuid).orElseThrow().getReservation());
        assertFalse(db.releaseNode(uuid, "c1"), "releasing a free node changes nothing");
        assertTrue(db.reserveNode(uuid, "c2"));
    }

    @Test
    void reservingAMissingNodeIsNotFound() {
        assertThrows(NotFoundException.class, () -> db.reserveNode("00000000-0000-0000-0000-000000000000", "c1"));
    }

    @Test
    void releaseAllFreesOnlyThatHostsLocks() {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uuids.add(db.createNode(NodeFixtures.minimal("n" + i)).getUuid());
        }
        db.reserveNode(uuids.get(0), "dead");
        db.reserveNode(uuids.get(1), "dead");
        db.reserveNode(uuids.get(2), "dead");
        db.reserveNode(uuids.get(3), "alive");

        assertEquals(3, db.releaseAllReservations("dead"));
        assertEquals(0, db.releaseAllReservations("dead"));
        assertNull(db.getNodeByUuid(uuids.get(0)).orElseThrow().getReservation());
        assertEquals("alive", db.getNodeByUuid(uuids.get(3)).orElseThrow().getReservation());
    }

    @Test
    void exactlyOneOfManyConcurrentReservationsWins() throws Exception {
        String uuid = db.createNode(NodeFixtures.minimal("n1")).getUuid();
        int contenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String host = "c" + i;
                Callable<Boolean> reserve = () -> {
                    start.await();
                    return db.reserveNode(uuid, host);
                };
                results.add(pool.submit(reserve));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }
}
