package org.ferric.conductor.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.ferric.db.api.Chassis;
import org.ferric.db.api.Conductor;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NodeQuery;
import org.ferric.db.api.NodeHistory;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.StoredObject;
import org.ferric.db.api.Port;
import org.ferric.db.api.PortQuery;

/** A DbApi in memory, enough for the conductor's logic tests (the real one is tested in the db bundle). */
class InMemoryDb implements DbApi {
    final Map<String, Node> nodes = new ConcurrentHashMap<>();
    final Map<String, Conductor> conductors = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Node createNode(Node node) {
        Node n = node.copy();
        if (n.getUuid() == null) {
            n.setUuid(UUID.randomUUID().toString());
        }
        if (n.getName() != null && nodes.values().stream().anyMatch(o -> n.getName().equals(o.getName()))) {
            throw new DuplicateEntryException("name", n.getName());
        }
        n.setId(ids.incrementAndGet());
        n.setCreatedAt(Instant.now());
        nodes.put(n.getUuid(), n);
        return n.copy();
    }

    @Override
    public Optional<Node> getNodeByUuid(String uuid) {
        return Optional.ofNullable(nodes.get(uuid)).map(Node::copy);
    }

    @Override
    public Optional<Node> getNodeByName(String name) {
        return nodes.values().stream().filter(n -> name.equals(n.getName())).findFirst().map(Node::copy);
    }

    @Override
    public Optional<Node> getNodeById(long id) {
        return nodes.values().stream().filter(n -> n.getId() == id).findFirst().map(Node::copy);
    }

    @Override
    public List<Node> listNodes(NodeQuery query) {
        return nodes.values().stream()
                .filter(n -> query.filters().entrySet().stream().allMatch(f -> Objects.equals(f.getValue(), field(n, f.getKey()))))
                .filter(n -> query.shards() == null || query.shards().contains(n.getShard()))
                .filter(n -> query.sharded() == null || query.sharded() == (n.getShard() != null))
                .filter(n -> query.markerId() == null || n.getId() > query.markerId())
                .sorted(Comparator.comparing(Node::getId)).limit(query.limit()).map(Node::copy).toList();
    }

    @Override
    public long countNodes() {
        return nodes.size();
    }

    @Override
    public List<org.ferric.db.api.ShardCount> countNodesByShard() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        nodes.values().forEach(n -> counts.merge(n.getShard(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new org.ferric.db.api.ShardCount(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized Node updateNode(Node node) {
        Node old = nodes.get(node.getUuid());
        if (old == null) {
            throw new NotFoundException("Node " + node.getUuid());
        }
        Node n = node.copy();
        n.setReservation(old.getReservation());
        n.setCreatedAt(old.getCreatedAt());
        n.setUpdatedAt(Instant.now());
        nodes.put(n.getUuid(), n);
        return n.copy();
    }

    @Override
    public void destroyNode(String uuid) {
        if (nodes.remove(uuid) == null) {
            throw new NotFoundException("Node " + uuid);
        }
    }

    @Override
    public synchronized boolean reserveNode(String uuid, String host) {
        Node n = nodes.get(uuid);
        if (n == null) {
            throw new NotFoundException("Node " + uuid);
        }
        if (n.getReservation() != null) {
            return false;
        }
        n.setReservation(host);
        return true;
    }

    @Override
    public synchronized boolean releaseNode(String uuid, String host) {
        Node n = nodes.get(uuid);
        if (n == null || !host.equals(n.getReservation())) {
            return false;
        }
        n.setReservation(null);
        return true;
    }

    @Override
    public synchronized int releaseAllReservations(String host) {
        int count = 0;
        for (Node n : nodes.values()) {
            if (host.equals(n.getReservation())) {
                n.setReservation(null);
                count++;
            }
        }
        return count;
    }

    final Map<String, Port> ports = new ConcurrentHashMap<>();

    @Override
    public synchronized Port createPort(Port port) {
        if (getPortByAddress(port.getAddress()).isPresent()) {
            throw new DuplicateEntryException("address", port.getAddress());
        }
        Port p = port.copy();
        p.setId(ids.incrementAndGet());
        ports.put(p.getUuid(), p);
        return p.copy();
    }

    @Override
    public Optional<Port> getPortByUuid(String uuid) {
        return Optional.ofNullable(ports.get(uuid)).map(Port::copy);
    }

    @Override
    public Optional<Port> getPortByAddress(String address) {
        return ports.values().stream().filter(p -> p.getAddress().equals(address)).findFirst().map(Port::copy);
    }

    @Override
    public List<Port> listPorts(PortQuery query) {
        return ports.values().stream().filter(p -> query.nodeUuid() == null || query.nodeUuid().equals(p.getNodeUuid()))
                .filter(p -> query.portgroupUuid() == null || query.portgroupUuid().equals(p.getPortgroupUuid()))
                .map(Port::copy).toList();
    }

    @Override
    public Port updatePort(Port port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void destroyPort(String uuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Chassis createChassis(Chassis chassis) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Chassis> getChassisByUuid(String uuid) {
        return Optional.empty();
    }

    @Override
    public List<Chassis> listChassis(int limit, Long markerId, String sortKey, boolean ascending) {
        return List.of();
    }

    @Override
    public Chassis updateChassis(Chassis chassis) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void destroyChassis(String uuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Conductor registerConductor(String hostname, String group, List<String> drivers) {
        Conductor c = new Conductor();
        c.setHostname(hostname);
        c.setConductorGroup(group);
        c.setDrivers(new ArrayList<>(drivers));
        c.setOnline(true);
        c.setUpdatedAt(Instant.now());
        conductors.put(hostname, c);
        return c;
    }

    @Override
    public void touchConductor(String hostname) {
        conductors.get(hostname).setUpdatedAt(Instant.now());
    }

    @Override
    public void unregisterConductor(String hostname) {
        conductors.get(hostname).setOnline(false);
    }

    @Override
    public List<Conductor> listConductors() {
        return List.copyOf(conductors.values());
    }

    @Override
    public Optional<Conductor> getConductor(String hostname) {
        return Optional.ofNullable(conductors.get(hostname));
    }

    @Override
    public List<String> deadConductors(Duration timeout) {
        Instant cutoff = Instant.now().minus(timeout);
        return heartbeats.entrySet().stream().filter(e -> e.getValue().isBefore(cutoff)).map(Map.Entry::getKey).toList();
    }

    private static Object field(Node n, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            try {
                return Node.class.getMethod("get" + cap).invoke(n);
            } catch (NoSuchMethodException e) {
                return Node.class.getMethod("is" + cap).invoke(n);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Unknown node field " + name, e);
        }
    }

    private final Map<String, Instant> heartbeats = new ConcurrentHashMap<>();

    void setHeartbeat(String host, Instant at) {
        heartbeats.put(host, at);
    }

    // ---- history and other objects: enough for the conductor's tests ----

    final List<NodeHistory> history = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<ObjectKind, List<StoredObject>> objects = new ConcurrentHashMap<>();

    @Override
    public NodeHistory recordNodeHistory(String nodeUuid, String event, String eventType, String severity, String conductor,
            String user) {
        NodeHistory h = new NodeHistory(UUID.randomUUID().toString(), nodeUuid, event, eventType, severity, conductor, user,
                Instant.now());
        history.add(h);
        return h;
    }

    @Override
    public List<NodeHistory> listNodeHistory(String nodeUuid) {
        return history.stream().filter(h -> h.nodeUuid().equals(nodeUuid)).toList();
    }

    @Override
    public Optional<NodeHistory> getNodeHistory(String nodeUuid, String eventUuid) {
        return history.stream().filter(h -> h.uuid().equals(eventUuid)).findFirst();
    }

    @Override
    public int trimNodeHistory(String nodeUuid, int keep) {
        return 0;
    }

    @Override
    public synchronized StoredObject createObject(ObjectKind kind, Map<String, Object> fields) {
        Map<String, Object> f = new java.util.LinkedHashMap<>(fields);
        f.put("id", ids.incrementAndGet());
        if (f.get("uuid") == null) {
            f.put("uuid", UUID.randomUUID().toString());
        }
        StoredObject o = new StoredObject(kind, f);
        objects.computeIfAbsent(kind, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(o);
        return o;
    }

    @Override
    public Optional<StoredObject> findObject(ObjectKind kind, String field, Object value) {
        return objects.getOrDefault(kind, List.of()).stream().filter(o -> Objects.equals(o.get(field), value)).findFirst();
    }

    @Override
    public List<StoredObject> listObjects(ObjectQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized StoredObject updateObject(StoredObject object) {
        List<StoredObject> list = objects.get(object.kind());
        list.removeIf(o -> Objects.equals(o.id(), object.id()));
        list.add(object);
        return object;
    }

    @Override
    public void destroyObject(ObjectKind kind, long id) {
        objects.getOrDefault(kind, List.of()).removeIf(o -> o.id() == id);
    }

    @Override
    public int destroyObjects(ObjectKind kind, String field, Object value) {
        List<StoredObject> list = objects.getOrDefault(kind, new ArrayList<>());
        int before = list.size();
        list.removeIf(o -> Objects.equals(o.get(field), value));
        return before - list.size();
    }
}
