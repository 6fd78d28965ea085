package org.ferric.conductor.internal;

import static org.ferric.conductor.internal.ProvisionStateMachine.CLEANWAIT;
import static org.ferric.conductor.internal.ProvisionStateMachine.DEPLOYWAIT;
import static org.ferric.conductor.internal.ProvisionStateMachine.INSPECTWAIT;
import static org.ferric.conductor.internal.ProvisionStateMachine.RESCUEWAIT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.ferric.db.api.NodeQuery;
import org.ferric.db.api.NotFoundException;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conductor's periodic work, as Ironic's periodic tasks: power-state sync, recovery from
 * power failures, timeouts of wait states, and locks left by dead conductors. Each method is one
 * pass; the scheduler lives in {@link ConductorService}, the clock is injected so tests don't sleep.
 */
final class PeriodicTasks {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTasks.class);
    private static final int PAGE = 500;
    static final String POWER_FAILURE = "power failure";
    /** States whose power is left alone by the sync, as Ironic's SYNC_EXCLUDED_STATES. */
    private static final java.util.Set<String> SYNC_EXCLUDED_STATES = java.util.Set.of(DEPLOYWAIT, CLEANWAIT,
            ProvisionStateMachine.ENROLL, ProvisionStateMachine.ADOPTFAIL);

    /** Wait states, their timeout, and the message Ironic gives. */
    record WaitTimeout(String state, Duration timeout, String message) {
    }

    private final DbApi db;
    private final DriverRegistry drivers;
    private final ProvisionStateMachine fsm;
    private final String host;
    private final Clock clock;
    private final ExecutorService syncPool;
    private final int maxSyncRetries;
    private final boolean forcePowerState;
    private final Duration heartbeatTimeout;
    private final List<WaitTimeout> waits;
    /** Failed power reads in a row per node, kept in memory as Ironic does. */
    private final Map<String, Integer> powerSyncFailures = new ConcurrentHashMap<>();
    private final NodeHistoryLog history;

    PeriodicTasks(DbApi db, DriverRegistry drivers, ProvisionStateMachine fsm, String host, Clock clock,
            ExecutorService syncPool, ConductorConfig config, NodeHistoryLog history) {
        this.db = db;
        this.history = history;
        this.drivers = drivers;
        this.fsm = fsm;
        this.host = host;
        this.clock = clock;
        this.syncPool = syncPool;
        this.maxSyncRetries = Math.max(1, config.power_state_sync_max_retries());
        this.forcePowerState = config.force_power_state_during_sync();
        this.heartbeatTimeout = Duration.ofSeconds(config.heartbeat_timeout());
        this.waits = List.of(
                new WaitTimeout(DEPLOYWAIT, seconds(config.deploy_callback_timeout()), "Timeout reached while waiting for callback for node %s"),
                new WaitTimeout(CLEANWAIT, seconds(config.clean_callback_timeout()),
                        "Timeout reached while cleaning the node %s. Please check if the ramdisk responsible for the cleaning is running on the node."),
                new WaitTimeout(INSPECTWAIT, seconds(config.inspect_wait_timeout()), "Timeout reached while inspecting the node %s"),
                new WaitTimeout(RESCUEWAIT, seconds(config.rescue_callback_timeout()),
                        "Timeout reached while waiting for rescue ramdisk callback for node %s"));
    }

    private static Duration seconds(int s) {
        return s <= 0 ? null : Duration.ofSeconds(s);
    }

    // ---- power ----

    /** Reads every unlocked, non-maintenance node's power state from its BMC, in parallel. */
    void syncPowerStates() {
        List<Future<?>> running = new ArrayList<>();
        Map<String, Object> filters = new HashMap<>();
        filters.put("maintenance", false);
        filters.put("reservation", null);
        forEachNode(filters, node -> {
            if (node.getTargetPowerState() == null && !SYNC_EXCLUDED_STATES.contains(node.getProvisionState())
                    && drivers.get(node.getDriver()).isPresent()) {
                running.add(syncPool.submit(() -> syncOne(node.getUuid())));
            }
        });
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.warn("Power sync task failed: {}", e.toString());
            }
        }
    }

    private void syncOne(String uuid) {
        withLock(uuid, node -> {
            if (node.isMaintenance() || node.getTargetPowerState() != null
                    || SYNC_EXCLUDED_STATES.contains(node.getProvisionState())) {
                return;
            }
            HardwareType driver = drivers.get(node.getDriver()).orElse(null);
            if (driver == null) {
                return;
            }
            NodeTask task = new NodeTask(node, List.of(), driver, host, false);
            PowerInterface power = task.iface(InterfaceType.POWER);
            if (power == null) {
                return;
            }
            PowerState actual;
            try {
                actual = power.getPowerState(task);
                powerSyncFailures.remove(uuid);
            } catch (DriverException | RuntimeException e) {
                int failures = powerSyncFailures.merge(uuid, 1, Integer::sum);
                LOG.warn("Could not read the power state of node {} ({} of {}): {}", uuid, failures, maxSyncRetries, e.getMessage());
                if (failures >= maxSyncRetries) {
                    powerSyncFailures.remove(uuid);
                    node.setMaintenance(true);
                    node.setFault(POWER_FAILURE);
                    node.setMaintenanceReason("During sync_power_state, max retries exceeded for node " + uuid + ", node state "
                            + node.getPowerState() + " does not match expected state 'None'. Updating DB state to 'None' Switching node to "
                            + "maintenance mode. Error: " + e.getMessage());
                    node.setPowerState(null);
                    db.updateNode(node);
                    history.error(uuid, "power", node.getMaintenanceReason());
                }
                return;
            }
            String actualName = actual == null ? null : actual.apiName();
            String recorded = node.getPowerState();
            if (actualName == null || actualName.equals(recorded)) {
                return;
            }
            if (recorded != null && forcePowerState) {
                try {
                    power.setPowerState(task, PowerState.fromApiName(recorded), null);
                    LOG.info("Node {} was {} at the BMC; set back to {}", uuid, actualName, recorded);
                } catch (DriverException e) {
                    LOG.warn("Could not force the power state of node {} to {}: {}", uuid, recorded, e.getMessage());
                }
                return;
            }
            LOG.info("Node {} power state changed outside Ferric: {} -> {}", uuid, recorded, actualName);
            task.recordPowerState(actual);
            db.updateNode(node);
        });
    }

    /** Nodes put into maintenance by failed power reads leave it when their BMC answers again. */
    void recoverPowerFailures() {
        Map<String, Object> filters = new HashMap<>();
        filters.put("maintenance", true);
        filters.put("fault", POWER_FAILURE);
        filters.put("reservation", null);
        forEachNode(filters, n -> withLock(n.getUuid(), node -> {
            HardwareType driver = drivers.get(node.getDriver()).orElse(null);
            if (driver == null || !POWER_FAILURE.equals(node.getFault()) || node.getTargetPowerState() != null
                    || ProvisionStateMachine.ENROLL.equals(node.getProvisionState())) {
                return;
            }
            NodeTask task = new NodeTask(node, List.of(), driver, host, false);
            PowerInterface power = task.iface(InterfaceType.POWER);
            if (power == null) {
                return;
            }
            try {
                // Driver info may have been fixed while in maintenance: validate it again first.
                power.validate(task);
                PowerState actual = power.getPowerState(task);
                if (actual == PowerState.ERROR) {
                    throw new DriverException("Power driver returned ERROR state while trying to get power state.");
                }
                node.setPowerState(actual == null ? null : actual.apiName());
                node.setMaintenance(false);
                node.setMaintenanceReason(null);
                node.setFault(null);
                db.updateNode(node);
                history.info(node.getUuid(), "power", "Node recovered from power failure with actual power state '"
                        + node.getPowerState() + "'.");
                LOG.info("Node {} recovered from power failure: {}", node.getUuid(), node.getPowerState());
            } catch (DriverException | RuntimeException e) {
                LOG.debug("Node {} still fails power reads: {}", node.getUuid(), e.getMessage());
            }
        }));
    }

    // ---- provisioning ----

    /** Nodes waiting longer than allowed for a callback go to the fail state with the reason. */
    void checkWaitTimeouts() {
        Instant now = clock.instant();
        for (WaitTimeout wait : waits) {
            if (wait.timeout() == null) {
                continue;
            }
            Instant cutoff = now.minus(wait.timeout());
            forEachNode(Map.of("provisionState", wait.state()), n -> {
                if (n.getProvisionUpdatedAt() != null && n.getProvisionUpdatedAt().isBefore(cutoff)) {
                    withLock(n.getUuid(), node -> {
                        // Checked again under the lock: a heartbeat may have kept the node alive since the listing.
                        if (!wait.state().equals(node.getProvisionState()) || node.getProvisionUpdatedAt() == null
                                || !node.getProvisionUpdatedAt().isBefore(cutoff)) {
                            return;
                        }
                        NodeTask agentTask = agentTask(node);
                        failNode(node, String.format(wait.message(), node.getUuid()), "fail");
                        powerOffSilentAgent(agentTask);
                        db.updateNode(node);
                    });
                }
            });
        }
    }

    /**
     * Locks held by conductors whose heartbeat stopped are released, and their nodes stuck in a
     * transient state are failed (Ironic's {@code _check_orphan_nodes}).
     */
    void recoverOrphans() {
        for (String dead : db.deadConductors(heartbeatTimeout)) {
            if (dead.equals(host)) {
                continue;
            }
            recoverNodesOf(dead, "The conductor " + dead + " holding the node's lock stopped responding");
        }
    }

    /** Fails the transient nodes locked by {@code owner} and releases its locks. */
    void recoverNodesOf(String owner, String reason) {
        List<Node> locked = new ArrayList<>();
        forEachNode(Map.of("reservation", owner), locked::add);
        for (Node node : locked) {
            String state = node.getProvisionState();
            if (ProvisionStateMachine.STUCK_STATES_TREATED_AS_FAIL.contains(state)) {
                failNode(node, reason + " while it was in state " + state + ".", "fail");
            }
            node.setTargetPowerState(null);
            try {
                db.updateNode(node);
            } catch (NotFoundException gone) {
                continue;
            }
            db.releaseNode(node.getUuid(), owner);
        }
        if (!locked.isEmpty()) {
            LOG.info("Released {} node locks held by {}", locked.size(), owner);
        }
    }

    private void failNode(Node node, String message, String event) {
        String state = node.getProvisionState();
        String to = fsm.next(state, event).orElse(state);
        node.setProvisionState(to);
        node.setTargetProvisionState(fsm.isStable(to) ? null : fsm.targetOf(to));
        node.setProvisionUpdatedAt(clock.instant());
        node.setLastError(message);
        history.error(node.getUuid(), "provisioning", message);
        LOG.info("Node {}: {} -> {}: {}", node.getUuid(), state, to, message);
    }

    /** The node as a task, if a heartbeat of its agent would have moved it on (see {@link Provisioning#agentDriven}). */
    private NodeTask agentTask(Node node) {
        HardwareType driver = drivers.get(node.getDriver()).orElse(null);
        if (driver == null) {
            return null;
        }
        NodeTask task = new NodeTask(node, db.listPorts(new org.ferric.db.api.PortQuery(node.getUuid(), null, 1000, null, "id", true)),
                driver, host, false);
        return Provisioning.agentDriven(task) ? task : null;
    }

    /**
     * A node whose agent went silent is powered off, as Ironic's {@code cleanup_after_timeout}: whatever
     * the ramdisk is doing, nobody listens to it any more, and its token dies with the power.
     */
    private static void powerOffSilentAgent(NodeTask task) {
        if (task == null) {
            return;
        }
        try {
            AgentRamdisk.shutDown(task, true);
        } catch (DriverException | RuntimeException e) {
            LOG.warn("Could not power off node {} after its timeout: {}", task.editable().getUuid(), e.getMessage());
        }
    }

    // ---- helpers ----

    /** Takes the node's lock once (no retry: periodic work just skips busy nodes) and releases it. */
    private void withLock(String uuid, Consumer<Node> work) {
        try {
            if (!db.reserveNode(uuid, host)) {
                return;
            }
        } catch (NotFoundException gone) {
            return;
        }
        try {
            db.getNodeByUuid(uuid).ifPresent(work);
        } catch (RuntimeException e) {
            LOG.warn("Periodic work on node {} failed: {}", uuid, e.toString());
        } finally {
            db.releaseNode(uuid, host);
        }
    }

    private void forEachNode(Map<String, Object> filters, Consumer<Node> action) {
        Long marker = null;
        while (true) {
            List<Node> page = db.listNodes(new NodeQuery(new LinkedHashMap<>(filters), null, null, PAGE, marker, "id", true));
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            marker = page.get(page.size() - 1).getId();
        }
    }
}
