package org.ferric.db.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Subquery;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.ferric.db.api.Chassis;
import org.ferric.db.api.Conductor;
import org.ferric.db.api.ConflictException;
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
import org.ferric.db.api.ShardCount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DbApi} over JPA. Each method is one RESOURCE_LOCAL transaction and hands out API copies,
 * never entities. Uniqueness is checked with queries inside the same transaction, so callers get
 * a {@link DuplicateEntryException} naming the field; a concurrent insert that slips between check
 * and flush is still caught by the constraint ({@link ConstraintViolations}).
 */
@Component(service = DbApi.class)
public class DbApiImpl implements DbApi {
    private static final Logger LOG = LoggerFactory.getLogger(DbApiImpl.class);

    /** IN lists stay well below every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    static final Set<String> PORT_SORT_KEYS = Set.of(
            "id", "uuid", "address", "nodeUuid", "portgroupUuid", "physicalNetwork", "createdAt", "updatedAt");
    static final Set<String> CHASSIS_SORT_KEYS = Set.of("id", "uuid", "description", "createdAt", "updatedAt");

    private final JpaTemplate jpa;
    private final ObjectStore objects;

    /** Migrates the schema before the service is registered, so no caller ever sees an old schema. */
    @Activate
    public DbApiImpl(@Reference(name = "jpa", target = "(osgi.unit.name=ferric)") JpaTemplate jpa,
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=ferric)") DataSource dataSource) {
        this.jpa = jpa;
        this.objects = new ObjectStore(dataSource);
        List<Integer> applied = new SchemaMigrations(dataSource).migrate();
        LOG.info("Database ready; schema migrations applied now: {}", applied.isEmpty() ? "none" : applied);
    }

    /** One transaction, run again if it lost a lock race ({@link LockRetry}). */
    private <R> R tx(EmFunction<R> work) {
        return LockRetry.run(() -> jpa.txExpr(TransactionType.Required, work));
    }

    // ---- nodes ----

    @Override
    public Node createNode(Node node) {
        Objects.requireNonNull(node, "node");
        Node created = tx(em -> {
            String uuid = node.getUuid() != null ? node.getUuid() : UUID.randomUUID().toString();
            // No look-ups before the insert: the unique constraints name the taken field (flush
            // translates them), and those queries were 15% of a create's time.
            checkChassis(em, node.getChassisUuid());
            NodeEntity e = new NodeEntity();
            e.uuid = uuid;
            e.fill(node);
            e.createdAt = Timestamps.toDb(Timestamps.now());
            em.persist(e);
            flush(em, nodeKeys(uuid, node));
            List<String> traits = node.getTraits() == null || node.getTraits().isEmpty() ? List.of()
                    : syncTraits(em, e.id, node.getTraits());
            return e.toNode(traits);
        });
        LOG.debug("Created node {} (driver {})", created.getUuid(), created.getDriver());
        return created;
    }

    @Override
    public Optional<Node> getNodeByUuid(String uuid) {
        return tx(em -> nodeWithTraitsWhere(em, "uuid", uuid));
    }

    @Override
    public Optional<Node> getNodeByName(String name) {
        return tx(em -> nodeWithTraitsWhere(em, "name", name));
    }

    @Override
    public Optional<Node> getNodeById(long id) {
        return tx(em -> Optional.ofNullable(em.find(NodeEntity.class, id)).map(e -> withTraits(em, e)));
    }

    @Override
    public List<Node> listNodes(NodeQuery query) {
        Objects.requireNonNull(query, "query");
        return tx(em -> {
            List<NodeEntity> rows = NodeListing.list(em, query);
            Map<Long, List<String>> traits = traitsOf(em, rows.stream().map(e -> e.id).toList());
            return rows.stream().map(e -> e.toNode(traits.getOrDefault(e.id, List.of()))).toList();
        });
    }

    @Override
    public long countNodes() {
        return tx(em -> em.createQuery("SELECT COUNT(n) FROM NodeEntity n", Long.class).getSingleResult());
    }

    @Override
    public List<ShardCount> countNodesByShard() {
        return tx(em -> em.createQuery("SELECT n.shard, COUNT(n) FROM NodeEntity n GROUP BY n.shard", Object[].class)
                .getResultList().stream()
                .map(row -> new ShardCount((String) row[0], ((Number) row[1]).longValue()))
                .sorted(Comparator.comparingLong(ShardCount::count).reversed()
                        .thenComparing(ShardCount::shard, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }

    @Override
    public Node updateNode(Node node) {
        Objects.requireNonNull(node, "node");
        return tx(em -> {
            NodeEntity e = (node.getUuid() != null ? nodeWhere(em, "uuid", node.getUuid())
                    : Optional.ofNullable(node.getId()).map(id -> em.find(NodeEntity.class, id)))
                    .orElseThrow(() -> new NotFoundException("Node " + describe(node) + " not found"));
            checkNodeUnique(em, node, e.id);
            if (!Objects.equals(e.chassisUuid, node.getChassisUuid())) {
                checkChassis(em, node.getChassisUuid());
            }
            e.fill(node);
            e.updatedAt = Timestamps.toDb(Timestamps.now());
            flush(em, nodeKeys(e.uuid, node));
            return e.toNode(syncTraits(em, e.id, node.getTraits()));
        });
    }

    @Override
    public void destroyNode(String uuid) {
        tx(em -> {
            NodeEntity e = nodeWhere(em, "uuid", uuid).orElseThrow(() -> new NotFoundException("Node " + uuid + " not found"));
            em.createQuery("DELETE FROM PortEntity p WHERE p.nodeUuid = :uuid").setParameter("uuid", uuid).executeUpdate();
            for (ObjectKind kind : ObjectKind.values()) {
                if (kind.column("node_uuid").isPresent()) {
                    em.createNativeQuery("DELETE FROM " + kind.table() + " WHERE node_uuid = ?").setParameter(1, uuid)
                            .executeUpdate();
                }
            }
            em.createQuery("DELETE FROM NodeTraitEntity t WHERE t.nodeId = :id").setParameter("id", e.id).executeUpdate();
            em.remove(e);
            flush(em, Map.of());
            return null;
        });
        LOG.debug("Destroyed node {}", uuid);
    }

    // ---- the node lock ----

    @Override
    public boolean reserveNode(String uuid, String host) {
        Objects.requireNonNull(host, "host");
        boolean taken = tx(em -> {
            int changed = em.createQuery(
                    "UPDATE NodeEntity n SET n.reservation = :host WHERE n.uuid = :uuid AND n.reservation IS NULL")
                    .setParameter("host", host).setParameter("uuid", uuid).executeUpdate();
            if (changed == 0 && nodeWhere(em, "uuid", uuid).isEmpty()) {
                throw new NotFoundException("Node " + uuid + " not found");
            }
            return changed == 1;
        });
        LOG.debug("Reservation of node {} by {}: {}", uuid, host, taken ? "taken" : "held by another");
        return taken;
    }

    @Override
    public boolean releaseNode(String uuid, String host) {
        Objects.requireNonNull(host, "host");
        return tx(em -> em.createQuery(
                "UPDATE NodeEntity n SET n.reservation = NULL WHERE n.uuid = :uuid AND n.reservation = :host")
                .setParameter("host", host).setParameter("uuid", uuid).executeUpdate() == 1);
    }

    @Override
    public int releaseAllReservations(String host) {
        Objects.requireNonNull(host, "host");
        int released = tx(em -> em.createQuery("UPDATE NodeEntity n SET n.reservation = NULL WHERE n.reservation = :host")
                .setParameter("host", host).executeUpdate());
        if (released > 0) {
            LOG.info("Released {} node reservations held by {}", released, host);
        }
        return released;
    }

    // ---- ports ----

    @Override
    public Port createPort(Port port) {
        Objects.requireNonNull(port, "port");
        return tx(em -> {
            String uuid = port.getUuid() != null ? port.getUuid() : UUID.randomUUID().toString();
            if (portWhere(em, "uuid", uuid).isPresent()) {
                throw new DuplicateEntryException("uuid", uuid);
            }
            checkAddressFree(em, port.getAddress(), null);
            checkNode(em, port.getNodeUuid());
            PortEntity e = new PortEntity();
            e.uuid = uuid;
            e.fill(port);
            e.createdAt = Timestamps.toDb(Timestamps.now());
            em.persist(e);
            flush(em, portKeys(uuid, port));
            return e.toPort();
        });
    }

    @Override
    public Optional<Port> getPortByUuid(String uuid) {
        return tx(em -> portWhere(em, "uuid", uuid).map(PortEntity::toPort));
    }

    @Override
    public Optional<Port> getPortByAddress(String address) {
        return tx(em -> portWhere(em, "address", address).map(PortEntity::toPort));
    }

    @Override
    public List<Port> listPorts(PortQuery query) {
        Objects.requireNonNull(query, "query");
        return tx(em -> {
            KeysetPage<PortEntity> page = new KeysetPage<>(em, PortEntity.class);
            CriteriaBuilder cb = page.cb();
            Root<PortEntity> p = page.root();
            if (query.nodeUuid() != null) {
                page.where(cb.equal(p.get("nodeUuid"), page.value(query.nodeUuid())));
            }
            if (query.address() != null) {
                page.where(cb.equal(p.get("address"), page.value(query.address())));
            }
            if (query.portgroupUuid() != null) {
                page.where(cb.equal(p.get("portgroupUuid"), page.value(query.portgroupUuid())));
            }
            if (query.nodeShards() != null && query.nodeShards().isEmpty()) {
                page.where(cb.disjunction());
            } else if (query.nodeShards() != null) {
                // Ironic's get_ports_by_shards: ports whose node is in one of the shards, in one statement.
                Subquery<String> inShards = page.subquery(String.class);
                Root<NodeEntity> n = inShards.from(NodeEntity.class);
                inShards.select(n.get("uuid"))
                        .where(n.get("shard").in(query.nodeShards().stream().map(page::value).toArray(Expression[]::new)));
                page.where(p.get("nodeUuid").in(inShards));
            }
            return page.fetch(query.sortKey(), PORT_SORT_KEYS, query.ascending(), query.markerId(), query.limit())
                    .stream().map(PortEntity::toPort).toList();
        });
    }

    @Override
    public Port updatePort(Port port) {
        Objects.requireNonNull(port, "port");
        return tx(em -> {
            PortEntity e = (port.getUuid() != null ? portWhere(em, "uuid", port.getUuid())
                    : Optional.ofNullable(port.getId()).map(id -> em.find(PortEntity.class, id)))
                    .orElseThrow(() -> new NotFoundException("Port " + port.getUuid() + " not found"));
            checkAddressFree(em, port.getAddress(), e.id);
            if (!Objects.equals(e.nodeUuid, port.getNodeUuid())) {
                checkNode(em, port.getNodeUuid());
            }
            e.fill(port);
            e.updatedAt = Timestamps.toDb(Timestamps.now());
            flush(em, portKeys(e.uuid, port));
            return e.toPort();
        });
    }

    @Override
    public void destroyPort(String uuid) {
        tx(em -> {
            em.remove(portWhere(em, "uuid", uuid).orElseThrow(() -> new NotFoundException("Port " + uuid + " not found")));
            flush(em, Map.of());
            return null;
        });
    }

    // ---- chassis ----

    @Override
    public Chassis createChassis(Chassis chassis) {
        Objects.requireNonNull(chassis, "chassis");
        return tx(em -> {
            String uuid = chassis.getUuid() != null ? chassis.getUuid() : UUID.randomUUID().toString();
            if (chassisWhere(em, uuid).isPresent()) {
                throw new DuplicateEntryException("uuid", uuid);
            }
            ChassisEntity e = new ChassisEntity();
            e.uuid = uuid;
            e.fill(chassis);
            e.createdAt = Timestamps.toDb(Timestamps.now());
            em.persist(e);
            flush(em, Map.of("uuid", uuid));
            return e.toChassis();
        });
    }

    @Override
    public Optional<Chassis> getChassisByUuid(String uuid) {
        return tx(em -> chassisWhere(em, uuid).map(ChassisEntity::toChassis));
    }

    @Override
    public List<Chassis> listChassis(int limit, Long markerId, String sortKey, boolean ascending) {
        return tx(em -> new KeysetPage<>(em, ChassisEntity.class)
                .fetch(sortKey == null ? "id" : sortKey, CHASSIS_SORT_KEYS, ascending, markerId, limit)
                .stream().map(ChassisEntity::toChassis).toList());
    }

    @Override
    public Chassis updateChassis(Chassis chassis) {
        Objects.requireNonNull(chassis, "chassis");
        return tx(em -> {
            ChassisEntity e = chassisWhere(em, chassis.getUuid())
                    .orElseThrow(() -> new NotFoundException("Chassis " + chassis.getUuid() + " not found"));
            e.fill(chassis);
            e.updatedAt = Timestamps.toDb(Timestamps.now());
            flush(em, Map.of());
            return e.toChassis();
        });
    }

    @Override
    public void destroyChassis(String uuid) {
        tx(em -> {
            ChassisEntity e = chassisWhere(em, uuid).orElseThrow(() -> new NotFoundException("Chassis " + uuid + " not found"));
            long nodes = em.createQuery("SELECT COUNT(n) FROM NodeEntity n WHERE n.chassisUuid = :uuid", Long.class)
                    .setParameter("uuid", uuid).getSingleResult();
            if (nodes > 0) {
                throw new ConflictException("Chassis " + uuid + " still contains " + nodes + " nodes");
            }
            em.remove(e);
            flush(em, Map.of());
            return null;
        });
    }

    // ---- conductors ----

    @Override
    public Conductor registerConductor(String hostname, String group, List<String> drivers) {
        Objects.requireNonNull(hostname, "hostname");
        Conductor registered = tx(em -> {
            ConductorEntity e = conductorWhere(em, hostname).orElseGet(ConductorEntity::new);
            Instant now = Timestamps.now();
            if (e.id == null) {
                e.hostname = hostname;
                e.createdAt = Timestamps.toDb(now);
                em.persist(e);
            }
            e.conductorGroup = group == null ? "" : group;
            e.drivers = JsonText.ofList(drivers);
            e.online = true;
            e.updatedAt = Timestamps.toDb(now);
            flush(em, Map.of("hostname", hostname));
            return e.toConductor();
        });
        LOG.info("Conductor {} registered (group '{}', drivers {})", hostname, registered.getConductorGroup(),
                registered.getDrivers());
        return registered;
    }

    @Override
    public void touchConductor(String hostname) {
        int changed = tx(em -> em.createQuery(
                "UPDATE ConductorEntity c SET c.updatedAt = :now WHERE c.hostname = :hostname AND c.online = :online")
                .setParameter("now", Timestamps.toDb(Timestamps.now())).setParameter("hostname", hostname)
                .setParameter("online", Boolean.TRUE).executeUpdate());
        if (changed == 0) {
            throw new NotFoundException("Conductor " + hostname + " is not registered as online");
        }
    }

    @Override
    public void unregisterConductor(String hostname) {
        int changed = tx(em -> em.createQuery(
                "UPDATE ConductorEntity c SET c.online = :online, c.updatedAt = :now WHERE c.hostname = :hostname")
                .setParameter("online", Boolean.FALSE).setParameter("now", Timestamps.toDb(Timestamps.now()))
                .setParameter("hostname", hostname).executeUpdate());
        if (changed == 0) {
            throw new NotFoundException("Conductor " + hostname + " is not registered");
        }
        LOG.info("Conductor {} unregistered", hostname);
    }

    @Override
    public List<Conductor> listConductors() {
        return tx(em -> em.createQuery("SELECT c FROM ConductorEntity c ORDER BY c.hostname", ConductorEntity.class)
                .getResultList().stream().map(ConductorEntity::toConductor).toList());
    }

    @Override
    public Optional<Conductor> getConductor(String hostname) {
        return tx(em -> conductorWhere(em, hostname).map(ConductorEntity::toConductor));
    }

    @Override
    public List<String> deadConductors(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return tx(em -> em.createQuery("SELECT c.hostname FROM ConductorEntity c"
                + " WHERE c.online = :offline OR c.updatedAt IS NULL OR c.updatedAt < :limit ORDER BY c.hostname",
                String.class)
                .setParameter("offline", Boolean.FALSE)
                .setParameter("limit", Timestamps.toDb(Instant.now().minus(timeout)))
                .getResultList());
    }

    // ---- node history ----

    @Override
    public NodeHistory recordNodeHistory(String nodeUuid, String event, String eventType, String severity,
            String conductor, String user) {
        Objects.requireNonNull(nodeUuid, "nodeUuid");
        Map<String, Object> fields = new HashMap<>();
        fields.put("node_uuid", nodeUuid);
        fields.put("event", event);
        fields.put("event_type", eventType);
        fields.put("severity", severity);
        fields.put("conductor", conductor);
        fields.put("user", user);
        return NodeHistory.of(createObject(ObjectKind.NODE_HISTORY, fields));
    }

    @Override
    public List<NodeHistory> listNodeHistory(String nodeUuid) {
        return listObjects(ObjectQuery.all(ObjectKind.NODE_HISTORY, Map.of("node_uuid", nodeUuid), Integer.MAX_VALUE))
                .stream().map(NodeHistory::of).toList();
    }

    @Override
    public Optional<NodeHistory> getNodeHistory(String nodeUuid, String eventUuid) {
        return findObject(ObjectKind.NODE_HISTORY, "uuid", eventUuid)
                .filter(o -> nodeUuid.equals(o.string("node_uuid"))).map(NodeHistory::of);
    }

    @Override
    public int trimNodeHistory(String nodeUuid, int keep) {
        if (keep <= 0) {
            return destroyObjects(ObjectKind.NODE_HISTORY, "node_uuid", nodeUuid);
        }
        return objects.tx(c -> {
            List<StoredObject> newest = objects.list(c, new ObjectQuery(ObjectKind.NODE_HISTORY,
                    Map.of("node_uuid", nodeUuid), keep, null, "id", false));
            if (newest.size() < keep) {
                return 0;
            }
            long oldestKept = newest.get(newest.size() - 1).id();
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM node_history WHERE node_uuid = ? AND id < ?")) {
                ps.setString(1, nodeUuid);
                ps.setLong(2, oldestKept);
                return ps.executeUpdate();
            }
        });
    }

    // ---- stored objects ----

    @Override
    public StoredObject createObject(ObjectKind kind, Map<String, Object> fields) {
        Objects.requireNonNull(kind, "kind");
        StoredObject created = objects.tx(c -> objects.create(c, kind, fields));
        LOG.debug("Created {}", created);
        return created;
    }

    @Override
    public Optional<StoredObject> findObject(ObjectKind kind, String field, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return objects.tx(c -> objects.list(c, ObjectQuery.all(kind, Map.of(field, value), 1)).stream().findFirst());
    }

    @Override
    public List<StoredObject> listObjects(ObjectQuery query) {
        Objects.requireNonNull(query, "query");
        return objects.tx(c -> objects.list(c, query));
    }

    @Override
    public StoredObject updateObject(StoredObject object) {
        Objects.requireNonNull(object, "object");
        return objects.tx(c -> objects.update(c, object));
    }

    @Override
    public void destroyObject(ObjectKind kind, long id) {
        int deleted = objects.tx(c -> objects.delete(c, kind, "id", id));
        if (deleted == 0) {
            throw new NotFoundException(kind + " id " + id + " not found");
        }
    }

    @Override
    public int destroyObjects(ObjectKind kind, String field, Object value) {
        return objects.tx(c -> objects.delete(c, kind, field, value));
    }

    // ---- helpers ----

    /** A node by a unique attribute (uuid or name); never matches a null value. */
    private static Optional<NodeEntity> nodeWhere(EntityManager em, String attribute, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT n FROM NodeEntity n WHERE n." + attribute + " = :v", NodeEntity.class)
                .setParameter("v", value).getResultStream().findFirst();
    }

    /**
     * A node and its traits (sorted) by a unique attribute, in one query: the node's row joined
     * with its trait rows, one result row per trait (one, with a null trait, if it has none).
     * A second query for the traits was 16% of a GET of one node.
     */
    private static Optional<Node> nodeWithTraitsWhere(EntityManager em, String attribute, String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("SELECT n, t.trait FROM NodeEntity n"
                + " LEFT JOIN NodeTraitEntity t ON t.nodeId = n.id WHERE n." + attribute + " = :v ORDER BY t.trait",
                Object[].class).setParameter("v", value).setHint(QueryHints.READ_ONLY, HintValues.TRUE).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        NodeEntity e = (NodeEntity) rows.get(0)[0];
        List<String> traits = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[1] != null) {
                traits.add((String) row[1]);
            }
        }
        return Optional.of(e.toNode(traits));
    }

    private static Optional<PortEntity> portWhere(EntityManager em, String attribute, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM PortEntity p WHERE p." + attribute + " = :v", PortEntity.class)
                .setParameter("v", value).getResultStream().findFirst();
    }

    private static Optional<ChassisEntity> chassisWhere(EntityManager em, String uuid) {
        if (uuid == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM ChassisEntity c WHERE c.uuid = :v", ChassisEntity.class)
                .setParameter("v", uuid).getResultStream().findFirst();
    }

    private static Optional<ConductorEntity> conductorWhere(EntityManager em, String hostname) {
        return em.createQuery("SELECT c FROM ConductorEntity c WHERE c.hostname = :v", ConductorEntity.class)
                .setParameter("v", hostname).getResultStream().findFirst();
    }

    /** Name and instance_uuid are unique among the other nodes ({@code selfId} is the node being updated). */
    private static void checkNodeUnique(EntityManager em, Node node, Long selfId) {
        Optional<NodeEntity> named = nodeWhere(em, "name", node.getName());
        if (named.isPresent() && !named.get().id.equals(selfId)) {
            throw new DuplicateEntryException("name", node.getName());
        }
        Optional<NodeEntity> deployed = nodeWhere(em, "instanceUuid", node.getInstanceUuid());
        if (deployed.isPresent() && !deployed.get().id.equals(selfId)) {
            throw new DuplicateEntryException("instance_uuid", node.getInstanceUuid());
        }
    }

    private static void checkAddressFree(EntityManager em, String address, Long selfId) {
        Optional<PortEntity> holder = portWhere(em, "address", address);
        if (holder.isPresent() && !holder.get().id.equals(selfId)) {
            throw new DuplicateEntryException("address", address);
        }
    }

    private static void checkChassis(EntityManager em, String chassisUuid) {
        if (chassisUuid != null && chassisWhere(em, chassisUuid).isEmpty()) {
            throw new NotFoundException("Chassis " + chassisUuid + " not found");
        }
    }

    private static void checkNode(EntityManager em, String nodeUuid) {
        if (nodeUuid == null) {
            throw new IllegalArgumentException("A port needs a node_uuid");
        }
        if (nodeWhere(em, "uuid", nodeUuid).isEmpty()) {
            throw new NotFoundException("Node " + nodeUuid + " not found");
        }
    }

    private static Map<String, String> nodeKeys(String uuid, Node node) {
        Map<String, String> keys = new HashMap<>();
        keys.put("uuid", uuid);
        keys.put("name", node.getName());
        keys.put("instance_uuid", node.getInstanceUuid());
        return keys;
    }

    private static Map<String, String> portKeys(String uuid, Port port) {
        Map<String, String> keys = new HashMap<>();
        keys.put("uuid", uuid);
        keys.put("address", port.getAddress());
        return keys;
    }

    /** Flushes now, so that constraint violations surface here and not in the template's commit. */
    private static void flush(EntityManager em, Map<String, String> uniqueValues) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ConstraintViolations.translate(e, uniqueValues);
        }
    }

    private static Node withTraits(EntityManager em, NodeEntity e) {
        return e.toNode(traitsOf(em, List.of(e.id)).getOrDefault(e.id, List.of()));
    }

    /** The traits of many nodes with one query per {@value #IN_CHUNK} nodes, each list sorted. */
    private static Map<Long, List<String>> traitsOf(EntityManager em, List<Long> nodeIds) {
        Map<Long, List<String>> traits = new HashMap<>();
        for (int i = 0; i < nodeIds.size(); i += IN_CHUNK) {
            List<Long> chunk = nodeIds.subList(i, Math.min(nodeIds.size(), i + IN_CHUNK));
            em.createQuery("SELECT t FROM NodeTraitEntity t WHERE t.nodeId IN :ids ORDER BY t.nodeId, t.trait",
                    NodeTraitEntity.class)
                    .setParameter("ids", chunk).setHint(QueryHints.READ_ONLY, HintValues.TRUE).getResultList()
                    .forEach(t -> traits.computeIfAbsent(t.nodeId, k -> new ArrayList<>()).add(t.trait));
        }
        return traits;
    }

    /** Makes the stored traits equal to {@code wanted}, touching only the difference. @return them, sorted */
    private static List<String> syncTraits(EntityManager em, Long nodeId, List<String> wanted) {
        Set<String> target = new TreeSet<>();
        for (String trait : wanted == null ? List.<String>of() : wanted) {
            if (trait == null || trait.isBlank()) {
                throw new IllegalArgumentException("A trait must not be empty");
            }
            target.add(trait);
        }
        List<NodeTraitEntity> current = em.createQuery("SELECT t FROM NodeTraitEntity t WHERE t.nodeId = :id",
                NodeTraitEntity.class).setParameter("id", nodeId).getResultList();
        Set<String> kept = new TreeSet<>();
        for (NodeTraitEntity t : current) {
            if (target.contains(t.trait)) {
                kept.add(t.trait);
            } else {
                em.remove(t);
            }
        }
        for (String trait : target) {
            if (!kept.contains(trait)) {
                em.persist(new NodeTraitEntity(nodeId, trait));
            }
        }
        flush(em, Map.of());
        return new ArrayList<>(target);
    }

    private static String describe(Node node) {
        return node.getUuid() != null ? node.getUuid() : "id " + node.getId();
    }
}
