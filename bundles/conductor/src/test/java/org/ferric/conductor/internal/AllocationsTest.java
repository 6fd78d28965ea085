package org.ferric.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Node;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.StoredObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ironic's allocation matching: resource class, traits, candidate nodes, owner; backfill; freeing the node. */
class AllocationsTest {
    private final InMemoryDb db = new InMemoryDb();
    private final DriverRegistry drivers = new DriverRegistry();
    private ConductorService conductor;

    @BeforeEach
    void start() {
        drivers.addHardwareType(new TestDriver());
        conductor = new ConductorService(db, drivers,
                ConductorServiceTest.config(Map.of("host", "c1", "node_locked_retry_interval", 0.01)));
    }

    @AfterEach
    void stop() {
        conductor.stop();
    }

    private Node node(String name, String resourceClass, String... traits) {
        Node n = new Node();
        n.setName(name);
        n.setDriver("test-hardware");
        n.setProvisionState("available");
        n.setResourceClass(resourceClass);
        n.setTraits(List.of(traits));
        return db.createNode(n);
    }

    private static StoredObject allocation(Object... pairs) {
        Map<String, Object> f = new HashMap<>();
        f.put("uuid", "a-1");
        for (int i = 0; i < pairs.length; i += 2) {
            f.put((String) pairs[i], pairs[i + 1]);
        }
        return new StoredObject(ObjectKind.ALLOCATION, f);
    }

    private StoredObject settled(StoredObject created) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            StoredObject a = db.findObject(ObjectKind.ALLOCATION, "uuid", created.uuid()).orElseThrow();
            if (!Allocations.ALLOCATING.equals(a.get("state"))) {
                return a;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("allocation " + created.uuid() + " stayed allocating");
    }

    @Test
    void aNodeMatchesByStateClassTraitsCandidatesAndOwner() {
        Node n = node("n1", "gold", "CUSTOM_GPU", "CUSTOM_FAST");
        assertTrue(Allocations.matches(n, allocation("resource_class", "gold")));
        assertTrue(Allocations.matches(n, allocation("resource_class", "gold", "traits", List.of("CUSTOM_GPU"))));
        assertTrue(Allocations.matches(n, allocation("traits", List.of("CUSTOM_FAST", "CUSTOM_GPU"))),
                "no resource class: any");
        assertFalse(Allocations.matches(n, allocation("resource_class", "silver")));
        assertFalse(Allocations.matches(n, allocation("resource_class", "gold", "traits", List.of("CUSTOM_GPU", "CUSTOM_X"))));
        assertTrue(Allocations.matches(n, allocation("candidate_nodes", List.of("n1"))), "by name");
        assertTrue(Allocations.matches(n, allocation("candidate_nodes", List.of("other", n.getUuid()))), "by uuid");
        assertFalse(Allocations.matches(n, allocation("candidate_nodes", List.of("n2"))));
        assertFalse(Allocations.matches(n, allocation("owner", "p1")));
        n.setOwner("p1");
        assertTrue(Allocations.matches(n, allocation("owner", "p1")));

        Node busy = n.copy();
        busy.setInstanceUuid("i-1");
        assertFalse(Allocations.matches(busy, allocation()));
        Node allocated = n.copy();
        allocated.setAllocationUuid("a-0");
        assertFalse(Allocations.matches(allocated, allocation()));
        Node maintenance = n.copy();
        maintenance.setMaintenance(true);
        assertFalse(Allocations.matches(maintenance, allocation()));
        Node manageable = n.copy();
        manageable.setProvisionState("manageable");
        assertFalse(Allocations.matches(manageable, allocation()));
    }

    @Test
    void anAllocationTakesTheOnlyMatchingNodeAndTheNodeFollows() throws Exception {
        node("plain", "gold");
        Node gpu = node("gpu", "gold", "CUSTOM_GPU");
        node("silver-gpu", "silver", "CUSTOM_GPU");

        StoredObject created = conductor.createAllocation(Map.of("resource_class", "gold", "traits", List.of("CUSTOM_GPU")));
        assertEquals(Allocations.ALLOCATING, created.get("state"));
        StoredObject done = settled(created);
        assertEquals(Allocations.ALLOCATED, done.get("state"));
        assertEquals(gpu.getUuid(), done.get("node_uuid"));
        Node taken = db.getNodeByUuid(gpu.getUuid()).orElseThrow();
        assertEquals(created.uuid(), taken.getAllocationUuid());
        assertEquals(created.uuid(), taken.getInstanceUuid());
        assertNull(taken.getReservation(), "the lock is released");
    }

    @Test
    void withoutAMatchTheAllocationFailsSayingWhy() throws Exception {
        node("plain", "gold");
        StoredObject done = settled(conductor.createAllocation(Map.of("resource_class", "gold", "traits", List.of("CUSTOM_GPU"))));
        assertEquals(Allocations.ERROR, done.get("state"));
        assertEquals("Failed to process allocation " + done.uuid()
                + ": no available nodes match the resource class gold and traits CUSTOM_GPU.", done.get("last_error"));
        assertNull(done.get("node_uuid"));
    }

    @Test
    void twoAllocationsNeverGetTheSameNode() throws Exception {
        Node only = node("only", "gold");
        StoredObject first = conductor.createAllocation(Map.of("resource_class", "gold"));
        StoredObject second = conductor.createAllocation(Map.of("resource_class", "gold"));
        List<Object> states = List.of(settled(first).get("state"), settled(second).get("state"));
        assertTrue(states.contains(Allocations.ALLOCATED) && states.contains(Allocations.ERROR), states.toString());
        String holder = db.getNodeByUuid(only.getUuid()).orElseThrow().getAllocationUuid();
        assertTrue(holder.equals(first.uuid()) || holder.equals(second.uuid()));
    }

    @Test
    void aBackfillIsCheckedAndDoneAtOnce() {
        Node n = node("n1", "gold", "CUSTOM_GPU");
        ConductorException wrongClass = assertThrows(ConductorException.class,
                () -> conductor.createAllocation(Map.of("resource_class", "silver", "node_uuid", n.getUuid())));
        assertEquals(400, wrongClass.status());
        assertEquals("Cannot create allocation with resource class silver for node " + n.getUuid()
                + " with resource class gold.", wrongClass.getMessage());
        assertTrue(db.objects.getOrDefault(ObjectKind.ALLOCATION, List.of()).isEmpty(), "a refused backfill leaves nothing");
        assertEquals(400, assertThrows(ConductorException.class, () -> conductor.createAllocation(
                Map.of("traits", List.of("CUSTOM_X"), "node_uuid", n.getUuid()))).status());

        StoredObject backfilled = conductor.createAllocation(Map.of("resource_class", "gold", "node_uuid", n.getUuid()));
        assertEquals(Allocations.ALLOCATED, backfilled.get("state"));
        assertEquals(n.getUuid(), backfilled.get("node_uuid"));
        assertEquals(backfilled.uuid(), db.getNodeByUuid(n.getUuid()).orElseThrow().getAllocationUuid());

        ConductorException taken = assertThrows(ConductorException.class,
                () -> conductor.createAllocation(Map.of("node_uuid", n.getUuid())));
        assertEquals("Node " + n.getUuid() + " already has an allocation " + backfilled.uuid() + ".", taken.getMessage());
    }

    @Test
    void deletingFreesTheNodeUnlessItIsActive() {
        Node n = node("n1", "gold");
        StoredObject a = conductor.createAllocation(Map.of("node_uuid", n.getUuid()));
        Node active = db.getNodeByUuid(n.getUuid()).orElseThrow();
        active.setProvisionState("active");
        db.updateNode(active);
        assertEquals(409, assertThrows(ConductorException.class, () -> conductor.destroyAllocation(a.uuid())).status());
        assertEquals(a.uuid(), db.getNodeByUuid(n.getUuid()).orElseThrow().getAllocationUuid(), "nothing changed");

        active.setProvisionState("available");
        db.updateNode(active);
        conductor.destroyAllocation(a.uuid());
        Node freed = db.getNodeByUuid(n.getUuid()).orElseThrow();
        assertNull(freed.getAllocationUuid());
        assertNull(freed.getInstanceUuid());
        assertTrue(db.findObject(ObjectKind.ALLOCATION, "uuid", a.uuid()).isEmpty());
        assertEquals(404, assertThrows(ConductorException.class, () -> conductor.destroyAllocation(a.uuid())).status());
    }
}
