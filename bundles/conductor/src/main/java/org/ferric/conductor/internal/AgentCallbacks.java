package org.ferric.conductor.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Node;

/**
 * The agent's side of the protocol: the secret token a ramdisk gets at its first lookup (Ironic's
 * {@code get_node_with_token}) and must present at each heartbeat. A heartbeat records the agent's
 * URL and version, keeps a waiting node from timing out, and lets the conductor move an agent-driven
 * deploy, cleaning, inspection or rescue on ({@link Provisioning#agentHeartbeat}).
 */
final class AgentCallbacks {
    static final String TOKEN_KEY = "agent_secret_token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final java.util.Set<String> WAIT_STATES = java.util.Set.of(ProvisionStateMachine.DEPLOYWAIT,
            ProvisionStateMachine.CLEANWAIT, ProvisionStateMachine.INSPECTWAIT, ProvisionStateMachine.RESCUEWAIT);

    private final TaskManager tasks;
    private final Provisioning provisioning;
    private final java.time.Clock clock;

    AgentCallbacks(TaskManager tasks, Provisioning provisioning, java.time.Clock clock) {
        this.tasks = tasks;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    Node nodeWithToken(String nodeUuid) {
        NodeTask shared = tasks.shared(nodeUuid);
        if (shared.editable().getDriverInternalInfo().get(TOKEN_KEY) != null) {
            // Issued before: the caller gets an unusable value, never the token again.
            Node copy = shared.editable().copy();
            copy.getDriverInternalInfo().put(TOKEN_KEY, "******");
            return copy;
        }
        NodeTask task = tasks.acquire(nodeUuid);
        Node node;
        try {
            node = task.editable();
            if (node.getDriverInternalInfo().get(TOKEN_KEY) == null) {
                node.getDriverInternalInfo().put(TOKEN_KEY, newToken());
            }
            node = node.copy();
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
        tasks.finish(task);
        return node;
    }

    void heartbeat(String nodeUuid, String callbackUrl, String agentVersion, String agentToken, String agentVerifyCa,
            String agentStatus, String agentStatusMessage) {
        if (agentVersion == null && agentStatus == null) {
            throw ConductorException.badRequest(
                    "Agent did not transmit a version, and a version is required. Please update the agent being used.");
        }
        Object expected = tasks.shared(nodeUuid).editable().getDriverInternalInfo().get(TOKEN_KEY);
        if (expected == null || agentToken == null || !constantTimeEquals(expected.toString(), agentToken)) {
            throw ConductorException.badRequest("Invalid or missing agent token received.");
        }
        NodeTask task = tasks.acquire(nodeUuid);
        boolean continued = false;
        try {
            Node node = task.editable();
            node.getDriverInternalInfo().put("agent_url", callbackUrl);
            node.getDriverInternalInfo().put("agent_version", agentVersion);
            node.getDriverInternalInfo().put("agent_last_heartbeat", Instant.now().toString());
            if (agentVerifyCa != null) {
                node.getDriverInternalInfo().put("agent_verify_ca", agentVerifyCa);
            }
            if (agentStatus != null) {
                node.getDriverInternalInfo().put("agent_status", agentStatus);
                node.getDriverInternalInfo().put("agent_status_message", agentStatusMessage);
            }
            if (WAIT_STATES.contains(node.getProvisionState())) {
                // Ironic's touch_provisioning: a node whose agent heartbeats is alive; only silence times it out.
                node.setProvisionUpdatedAt(clock.instant());
            }
            if (!node.isMaintenance() && Provisioning.agentDriven(task)) {
                continued = true; // the worker owns the lock from here; spawn releases it itself if refused
                tasks.spawn(task, provisioning::agentHeartbeat, provisioning::fail);
            }
        } catch (RuntimeException e) {
            if (!continued) {
                tasks.release(task);
            }
            throw e;
        }
        if (!continued) {
            tasks.finish(task);
        }
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
