package org.ferric.conductor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NodeQuery;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ironic's allocation processing ({@code conductor/allocations.py}): an allocation is created in
 * state {@code allocating} and matched in the background to a free node (available, not in
 * maintenance, without instance or allocation) of its resource class that has all its traits and,
 * if given, is one of its candidate nodes. Candidates are tried in random order, each under its lock,
 * so that two allocations never get the same node. A backfill names the node and is done at once.
 */
final class Allocations {
    static final String ALLOCATING = "allocating";
    static final String ALLOCATED = "allocated";
    static final String ERROR = "error";
    private static final Logger LOG = LoggerFactory.getLogger(Allocations.class);
    private static final int MAX_CANDIDATES = 1000;

    private final DbApi db;
    private final TaskManager tasks;
    private final Executor background;

    Allocations(DbApi db, TaskManager tasks, Executor background) {
        this.db = db;
        this.tasks = tasks;
        this.background = background;
    }

    StoredObject create(Map<String, Object> fields) {
        Map<String, Object> values = new HashMap<>(fields);
        String backfill = (String) values.get("node_uuid");
        values.put("state", ALLOCATING);
        values.put("conductor_affinity", tasks.host());
        values.putIfAbsent("traits", List.of());
        values.putIfAbsent("candidate_nodes", List.of());
        values.putIfAbsent("extra", Map.of());
        values.remove("node_uuid");
        StoredObject allocation;
        try {
            allocation = db.createObject(ObjectKind.ALLOCATION, values);
        } catch (DuplicateEntryException e) {
            throw ConductorException.conflict("name".equals(e.field())
                    ? "An allocation with name " + e.value() + " already exists."
                    : "An allocation with UUID " + e.value() + " already exists.");
        }
        if (backfill != null) {
            return backfill(allocation, backfill);
        }
        String uuid = allocation.uuid();
        background.execute(() -> {
            try {
                allocate(uuid);
            } catch (RuntimeException e) {
                LOG.warn("Allocation {} failed: {}", uuid, e.toString());
                fail(uuid, "Failed to process allocation " + uuid + ": " + e.getMessage());
            }
        });
        return allocation;
    }

    /** Finds and takes a node for a pending allocation. Package-visible for tests. */
    void allocate(String allocationUuid) {
        StoredObject allocation = db.findObject(ObjectKind.ALLOCATION, "uuid", allocationUuid).orElse(null);
        if (allocation == null || !ALLOCATING.equals(allocation.get("state"))) {
            return;
        }
        List<Node> candidates = candidates(allocation);
        if (candidates.isEmpty()) {
            fail(allocationUuid, noMatch(allocation));
            return;
        }
        Collections.shuffle(candidates);
        for (Node candidate : candidates) {
            NodeTask task;
            try {
                task = tasks.acquire(candidate.getUuid());
            } catch (ConductorException e) {
                continue; // locked or gone: another allocation or a task has it
            }
            try {
                Node node = task.editable();
                if (!matches(node, allocation)) {
                    tasks.release(task);
                    continue;
                }
                node.setInstanceUuid(allocationUuid);
                node.setAllocationUuid(allocationUuid);
                tasks.finish(task);
            } catch (RuntimeException e) {
                tasks.release(task);
                LOG.info("Node {} could not take allocation {}: {}", candidate.getUuid(), allocationUuid, e.toString());
                continue;
            }
            db.updateObject(allocation.copy().with("node_uuid", candidate.getUuid()).with("state", ALLOCATED)
                    .with("last_error", null));
            LOG.info("Allocation {} got node {}", allocationUuid, candidate.getUuid());
            return;
        }
        fail(allocationUuid, "Failed to process allocation " + allocationUuid
                + ": all nodes that matched the resource class " + allocation.get("resource_class")
                + " and traits were busy.");
    }

    private StoredObject backfill(StoredObject allocation, String nodeUuid) {
        NodeTask task;
        try {
            task = tasks.acquire(nodeUuid);
        } catch (ConductorException e) {
            db.destroyObject(ObjectKind.ALLOCATION, allocation.id());
            throw e;
        }
        try {
            Node node = task.editable();
            String problem = null;
            if (node.getAllocationUuid() != null) {
                problem = "Node " + nodeUuid + " already has an allocation " + node.getAllocationUuid() + ".";
            } else if (node.getInstanceUuid() != null && !node.getInstanceUuid().equals(allocation.uuid())) {
                problem = "Node " + nodeUuid + " is associated with instance " + node.getInstanceUuid() + ".";
            } else if (allocation.get("resource_class") != null
                    && !allocation.get("resource_class").equals(node.getResourceClass())) {
                problem = "Cannot create allocation with resource class " + allocation.get("resource_class")
                        + " for node " + nodeUuid + " with resource class " + node.getResourceClass() + ".";
            } else if (!node.getTraits().containsAll(traits(allocation))) {
                problem = "Cannot create allocation with traits " + traits(allocation) + " for node " + nodeUuid
                        + " with traits " + node.getTraits() + ".";
            }
            if (problem != null) {
                tasks.release(task);
                db.destroyObject(ObjectKind.ALLOCATION, allocation.id());
                throw ConductorException.badRequest(problem);
            }
            node.setInstanceUuid(allocation.uuid());
            node.setAllocationUuid(allocation.uuid());
            tasks.finish(task);
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
        return db.updateObject(allocation.copy().with("node_uuid", nodeUuid).with("state", ALLOCATED));
    }

    StoredObject update(StoredObject changed) {
        try {
            return db.updateObject(changed);
        } catch (DuplicateEntryException e) {
            throw ConductorException.conflict("An allocation with name " + e.value() + " already exists.");
        }
    }

    void destroy(String allocationUuid) {
        StoredObject allocation = db.findObject(ObjectKind.ALLOCATION, "uuid", allocationUuid)
                .orElseThrow(() -> ConductorException.notFound("Allocation " + allocationUuid + " could not be found."));
        String nodeUuid = allocation.string("node_uuid");
        if (nodeUuid != null && db.getNodeByUuid(nodeUuid).isPresent()) {
            NodeTask task = tasks.acquire(nodeUuid);
            try {
                Node node = task.editable();
                if ("active".equals(node.getProvisionState()) && !node.isMaintenance()) {
                    throw ConductorException.conflict("Cannot remove allocation " + allocationUuid + " from node "
                            + nodeUuid + " in the active state; undeploy it or set it into maintenance first.");
                }
                if (allocationUuid.equals(node.getAllocationUuid())) {
                    node.setAllocationUuid(null);
                    if (allocationUuid.equals(node.getInstanceUuid())) {
                        node.setInstanceUuid(null);
                    }
                }
                tasks.finish(task);
            } catch (RuntimeException e) {
                tasks.release(task);
                throw e;
            }
        }
        db.destroyObject(ObjectKind.ALLOCATION, allocation.id());
    }

    private List<Node> candidates(StoredObject allocation) {
        Map<String, Object> filters = new HashMap<>();
        filters.put("provisionState", "available");
        filters.put("maintenance", false);
        filters.put("allocationUuid", null);
        if (allocation.get("resource_class") != null) {
            filters.put("resourceClass", allocation.get("resource_class"));
        }
        if (allocation.get("owner") != null) {
            filters.put("owner", allocation.get("owner"));
        }
        List<Node> found = new ArrayList<>();
        for (Node n : db.listNodes(new NodeQuery(filters, false, null, MAX_CANDIDATES, null, "id", true))) {
            if (matches(n, allocation)) {
                found.add(n);
            }
        }
        return found;
    }

    /** Whether a node can take the allocation now; the pure part of matching, unit-tested. */
    static boolean matches(Node node, StoredObject allocation) {
        if (!"available".equals(node.getProvisionState()) || node.isMaintenance() || node.getInstanceUuid() != null
                || node.getAllocationUuid() != null) {
            return false;
        }
        Object rc = allocation.get("resource_class");
        if (rc != null && !rc.equals(node.getResourceClass())) {
            return false;
        }
        Object owner = allocation.get("owner");
        if (owner != null && !owner.equals(node.getOwner())) {
            return false;
        }
        List<String> candidates = strings(allocation.get("candidate_nodes"));
        if (!candidates.isEmpty() && !candidates.contains(node.getUuid())
                && (node.getName() == null || !candidates.contains(node.getName()))) {
            return false;
        }
        return node.getTraits().containsAll(traits(allocation));
    }

    private static List<String> traits(StoredObject allocation) {
        return strings(allocation.get("traits"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static String noMatch(StoredObject allocation) {
        StringBuilder m = new StringBuilder("Failed to process allocation " + allocation.uuid()
                + ": no available nodes match the resource class " + allocation.get("resource_class"));
        if (!traits(allocation).isEmpty()) {
            m.append(" and traits ").append(String.join(", ", traits(allocation)));
        }
        if (!strings(allocation.get("candidate_nodes")).isEmpty()) {
            m.append(" among the candidate nodes");
        }
        return m.append('.').toString();
    }

    private void fail(String allocationUuid, String error) {
        db.findObject(ObjectKind.ALLOCATION, "uuid", allocationUuid).ifPresent(a -> {
            if (Objects.equals(ALLOCATING, a.get("state"))) {
                db.updateObject(a.copy().with("state", ERROR).with("last_error", error));
            }
        });
    }
}
