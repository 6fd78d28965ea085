package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.NodeQuery;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Clients enroll many nodes at once, often into a fresh database: every create must succeed. Derby
 * refused some of the first concurrent inserts with a lock timeout (SQL state 40XL1) while it
 * allocated the identity range; the DB API retries such transactions.
 */
class ConcurrentCreateTest extends DatabaseTestBase {

    @RepeatedTest(3)
    void concurrentCreatesIntoAFreshDatabaseAllSucceed() throws Exception {
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> creates = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "node-" + i;
                creates.add(pool.submit(() -> {
                    start.await();
                    return db.createNode(NodeFixtures.minimal(name));
                }));
            }
            start.countDown();
            for (Future<?> f : creates) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(clients, db.listNodes(NodeQuery.all(100)).size());
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneNodeAndDuplicates() throws Exception {
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        int created = 0;
        int duplicates = 0;
        try {
            List<Future<?>> creates = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                creates.add(pool.submit(() -> {
                    start.await();
                    return db.createNode(NodeFixtures.minimal("same-name"));
                }));
            }
            start.countDown();
            for (Future<?> f : creates) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    DuplicateEntryException dup = assertInstanceOf(DuplicateEntryException.class, e.getCause());
                    assertEquals("name", dup.field());
                    duplicates++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, created);
        assertEquals(clients - 1, duplicates);
        assertEquals(1, db.countNodes());
    }
}
