package org.ferric.conductor.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.Port;
import org.ferric.db.api.PortQuery;
import org.ferric.driver.api.HardwareType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes node locks, runs work under them on the bounded worker pool, saves what the work
 * changed and always releases the lock. The lock is the node's {@code reservation} column.
 */
final class TaskManager {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);
    private static final int MAX_PORTS_PER_NODE = 1000;

    /** Work done under a node's lock. */
    interface Work {
        void run(NodeTask task) throws Exception;
    }

    /** What to do when the work throws: typically move the node to a fail state. */
    interface Failure {
        void handle(NodeTask task, Exception error);
    }

    /** Waits between lock attempts; replaceable so tests don't sleep. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final DbApi db;
    private final DriverRegistry drivers;
    private final String host;
    private final ExecutorService pool;
    private final int lockAttempts;
    private final Duration lockRetryInterval;
    private final Sleeper sleeper;

    TaskManager(DbApi db, DriverRegistry drivers, String host, ExecutorService pool, int lockAttempts,
            Duration lockRetryInterval, Sleeper sleeper) {
        this.db = db;
        this.drivers = drivers;
        this.host = host;
        this.pool = pool;
        this.lockAttempts = Math.max(1, lockAttempts);
        this.lockRetryInterval = lockRetryInterval;
        this.sleeper = sleeper;
    }

    String host() {
        return host;
    }

    /**
     * Takes the exclusive lock of an existing node whose driver is loaded, retrying a few times
     * as Ironic does, and returns a task on the freshly read node.
     *
     * @throws ConductorException 404 unknown node, 400 driver not loaded, 409 locked
     */
    NodeTask acquire(String nodeUuid) {
        Node node = db.getNodeByUuid(nodeUuid).orElseThrow(() -> nodeNotFound(nodeUuid));
        HardwareType driver = requireDriver(node);
        reserve(node);
        try {
            Node locked = db.getNodeByUuid(nodeUuid).orElseThrow(() -> nodeNotFound(nodeUuid));
            return new NodeTask(locked, ports(nodeUuid), driver, host, false);
        } catch (RuntimeException e) {
            db.releaseNode(nodeUuid, host);
            throw e;
        }
    }

    /** A read-only task without a lock (validation, reads from the BMC). */
    NodeTask shared(String nodeUuid) {
        Node node = db.getNodeByUuid(nodeUuid).orElseThrow(() -> nodeNotFound(nodeUuid));
        return new NodeTask(node, ports(nodeUuid), requireDriver(node), host, true);
    }

    /** Saves the task's node now, keeping the lock (so clients see a transient state early). */
    void save(NodeTask task) {
        Node saved = db.updateNode(task.editable());
        task.editable().setUpdatedAt(saved.getUpdatedAt());
    }

    /** Saves the task's node and releases its lock; the release happens even if the save fails. */
    void finish(NodeTask task) {
        try {
            db.updateNode(task.editable());
        } catch (NotFoundException e) {
            LOG.info("Node {} was deleted while its task ran", task.editable().getUuid());
        } finally {
            release(task);
        }
    }

    /** Releases the lock without saving. */
    void release(NodeTask task) {
        try {
            db.releaseNode(task.editable().getUuid(), host);
        } catch (RuntimeException e) {
            LOG.error("Could not release the lock of node {}", task.editable().getUuid(), e);
        }
    }

    /**
     * Runs work in the background under the task's lock; the lock is released when it ends,
     * whatever happens. If no worker is free the lock is released and 503 is thrown.
     */
    void spawn(NodeTask task, Work work, Failure failure) {
        try {
            pool.execute(() -> runToEnd(task, work, failure));
        } catch (RejectedExecutionException e) {
            release(task);
            throw new ConductorException(ConductorException.SERVICE_UNAVAILABLE,
                    "Requested action cannot be performed due to lack of free conductor workers.");
        }
    }

    private void runToEnd(NodeTask task, Work work, Failure failure) {
        try {
            work.run(task);
        } catch (Exception e) {
            LOG.warn("Task on node {} failed: {}", task.editable().getUuid(), e.toString());
            LOG.debug("Task failure", e);
            try {
                failure.handle(task, e);
            } catch (RuntimeException inner) {
                LOG.error("Failure handling of node {} failed", task.editable().getUuid(), inner);
            }
        } catch (Throwable t) {
            LOG.error("Task on node {} died", task.editable().getUuid(), t);
            task.editable().setLastError("Internal error: " + t);
            throw t;
        } finally {
            finish(task);
        }
    }

    private void reserve(Node node) {
        for (int attempt = 1; ; attempt++) {
            if (db.reserveNode(node.getUuid(), host)) {
                return;
            }
            if (attempt >= lockAttempts) {
                String holder = db.getNodeByUuid(node.getUuid()).map(Node::getReservation).orElse(null);
                throw ConductorException.nodeLocked(node.getUuid(), holder == null ? host : holder);
            }
            try {
                sleeper.sleep(lockRetryInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConductorException.nodeLocked(node.getUuid(), host);
            }
        }
    }

    HardwareType requireDriver(Node node) {
        return drivers.get(node.getDriver()).orElseThrow(() -> driverNotLoaded(node.getDriver(), node.getConductorGroup()));
    }

    private List<Port> ports(String nodeUuid) {
        return db.listPorts(new PortQuery(nodeUuid, null, MAX_PORTS_PER_NODE, null, "id", true));
    }

    static ConductorException nodeNotFound(String ident) {
        return ConductorException.notFound("Node " + ident + " could not be found.");
    }

    /** Ironic's NoValidHost: what a client sees for an unknown driver or one that was uninstalled. */
    static ConductorException driverNotLoaded(String driver, String group) {
        return ConductorException.badRequest("No valid host was found. Reason: No conductor service registered which supports driver "
                + driver + " for conductor group \"" + (group == null ? "" : group) + "\".");
    }
}
