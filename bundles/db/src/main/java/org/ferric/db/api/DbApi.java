package org.ferric.db.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Storage of nodes, ports, chassis and conductors. Every method runs in its own transaction and
 * returns detached copies: changing a returned object changes nothing until it is saved.
 */
@ProviderType
public interface DbApi {

    // ---- nodes ----

    /**
     * Inserts a node. Sets {@code id}, {@code createdAt}; keeps the uuid if one is set, else makes one.
     *
     * @throws DuplicateEntryException if the uuid, the name or the instance_uuid is taken
     */
    Node createNode(Node node);

    Optional<Node> getNodeByUuid(String uuid);

    Optional<Node> getNodeByName(String name);

    Optional<Node> getNodeById(long id);

    /** Nodes matching the query, in its order, at most {@code query.limit()} of them. */
    List<Node> listNodes(NodeQuery query);

    /** How many nodes exist. */
    long countNodes();

    /**
     * How many nodes each shard has, the nodes without a shard included (shard null), with one
     * GROUP BY query; the most populated shard first.
     *
     * @since 1.2
     */
    List<ShardCount> countNodesByShard();

    /**
     * Writes every field of the node except {@code reservation} (which only the lock methods
     * change) and {@code createdAt}; sets {@code updatedAt}. The caller must hold the lock.
     *
     * @return the stored node
     * @throws NotFoundException        if it no longer exists
     * @throws DuplicateEntryException if the new name or instance_uuid is taken
     */
    Node updateNode(Node node);

    /** Deletes the node, its ports and its traits. @throws NotFoundException if it did not exist */
    void destroyNode(String uuid);

    // ---- the node lock ----

    /**
     * Takes the node's exclusive lock for {@code host} with one atomic conditional UPDATE
     * ({@code reservation IS NULL}).
     *
     * @return true if taken, false if another holder has it
     * @throws NotFoundException if there is no such node
     */
    boolean reserveNode(String uuid, String host);

    /** Releases the lock if {@code host} holds it. @return true if it was released */
    boolean releaseNode(String uuid, String host);

    /** Releases every lock held by {@code host} (a dead or restarting conductor). @return how many */
    int releaseAllReservations(String host);

    // ---- ports ----

    /** @throws DuplicateEntryException if the uuid or the MAC address is taken */
    Port createPort(Port port);

    Optional<Port> getPortByUuid(String uuid);

    Optional<Port> getPortByAddress(String address);

    List<Port> listPorts(PortQuery query);

    /** @throws DuplicateEntryException if the new MAC address is taken */
    Port updatePort(Port port);

    void destroyPort(String uuid);

    // ---- chassis ----

    Chassis createChassis(Chassis chassis);

    Optional<Chassis> getChassisByUuid(String uuid);

    List<Chassis> listChassis(int limit, Long markerId, String sortKey, boolean ascending);

    Chassis updateChassis(Chassis chassis);

    /** @throws ConflictException if nodes still belong to it */
    void destroyChassis(String uuid);

    // ---- conductors ----

    /** Registers (or re-registers) this conductor as online with its drivers and group. */
    Conductor registerConductor(String hostname, String group, List<String> drivers);

    /** Refreshes the heartbeat ({@code updatedAt}) of an online conductor. */
    void touchConductor(String hostname);

    /** Marks the conductor offline. */
    void unregisterConductor(String hostname);

    List<Conductor> listConductors();

    Optional<Conductor> getConductor(String hostname);

    /** Hostnames of conductors that are offline or whose heartbeat is older than {@code timeout}. */
    List<String> deadConductors(Duration timeout);

    // ---- node history (Ironic 1.78) ----

    /**
     * Records an event in the node's history. The conductor calls this for failures and state
     * changes; it never throws for a node deleted meanwhile (the event is then dropped by the next
     * clean-up), so callers need not guard it.
     *
     * @param severity {@code INFO}, {@code WARNING} or {@code ERROR}
     * @param user     who asked for it, or null
     * @return the stored event, with its uuid
     */
    NodeHistory recordNodeHistory(String nodeUuid, String event, String eventType, String severity, String conductor,
            String user);

    /** The node's history, oldest first. */
    List<NodeHistory> listNodeHistory(String nodeUuid);

    Optional<NodeHistory> getNodeHistory(String nodeUuid, String eventUuid);

    /** Deletes all but the newest {@code keep} events of the node. @return how many were deleted */
    int trimNodeHistory(String nodeUuid, int keep);

    // ---- the other resources, one table each (portgroups, volume, deploy templates, allocations, BIOS, inventory) ----

    /**
     * Inserts a row. Sets {@code id}, {@code created_at} and, for kinds with one, a {@code uuid}
     * unless given. A {@code node_uuid} must name an existing node.
     *
     * @throws DuplicateEntryException  if a unique field (set) is taken; the field is the set's first
     * @throws NotFoundException        if the node does not exist
     * @throws IllegalArgumentException for an unknown field or a value of the wrong type
     */
    StoredObject createObject(ObjectKind kind, java.util.Map<String, Object> fields);

    /** The row whose comparable {@code field} equals {@code value} (the first by id if several). */
    Optional<StoredObject> findObject(ObjectKind kind, String field, Object value);

    /** @throws NotFoundException if the marker row does not exist; IllegalArgumentException for a bad sort key or filter */
    List<StoredObject> listObjects(ObjectQuery query);

    /**
     * Writes every field of the object except {@code id} and {@code created_at}; sets {@code updated_at}.
     *
     * @throws NotFoundException       if it no longer exists, or the new node does not
     * @throws DuplicateEntryException if a unique field is taken
     */
    StoredObject updateObject(StoredObject object);

    /** @throws NotFoundException if it did not exist */
    void destroyObject(ObjectKind kind, long id);

    /** Deletes every row of the kind whose {@code field} equals {@code value}. @return how many */
    int destroyObjects(ObjectKind kind, String field, Object value);
}
