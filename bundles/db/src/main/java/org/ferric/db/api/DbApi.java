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
}
