package org.ferric.conductor.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.NodeView;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The conductor's side of the agent's command API (Ironic's {@code agent_client}): commands go to the
 * {@code callback_url} of the agent's last heartbeat with the node's agent token. Async commands
 * answer at once; their outcome is read later with {@link #commands}, on the next heartbeats.
 */
final class AgentClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final HttpClient http;
    private final Duration syncTimeout;

    AgentClient(Duration syncTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        this.syncTimeout = syncTimeout;
    }

    /** Runs a command; with {@code wait}, answers its outcome, else answers it as accepted (RUNNING). */
    Map<String, Object> execute(NodeView node, String name, Map<String, Object> params, boolean wait) throws DriverException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("params", params);
        String query = "?wait=" + wait + tokenParam(node, "&");
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(agentUrl(node) + "/v1/commands/" + query))
                    .timeout(syncTimeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new DriverException("Cannot encode agent command " + name + ": " + e.getMessage(), e);
        }
        Map<String, Object> answer = send(node, request, name);
        if (wait && "FAILED".equals(answer.get("command_status"))) {
            throw new DriverException("Agent command " + name + " failed: " + commandError(answer));
        }
        return answer;
    }

    /** The agent's commands, oldest first, as {@code GET /v1/commands/} lists them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> commands(NodeView node) throws DriverException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(agentUrl(node) + "/v1/commands/" + tokenParam(node, "?")))
                .timeout(syncTimeout).GET().build();
        Object list = send(node, request, "list").get("commands");
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** The readable part of a failed command's {@code command_error}, as Ironic's {@code get_command_error}. */
    static String commandError(Map<String, Object> command) {
        Object error = command.get("command_error");
        if (error instanceof Map<?, ?> m) {
            Object details = m.get("details");
            Object message = m.get("message");
            return String.valueOf(details != null ? details : message != null ? message : m);
        }
        return String.valueOf(error);
    }

    private Map<String, Object> send(NodeView node, HttpRequest request, String what) throws DriverException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DriverException("Failed to connect to the agent running on node " + node.uuid() + " for invoking command "
                    + what + ". Error: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while waiting for the agent of node " + node.uuid(), e);
        }
        Map<String, Object> answer;
        try {
            answer = JSON.readValue(response.body(), MAP);
        } catch (IOException e) {
            throw new DriverException("Unable to parse the agent's answer to " + what + " on node " + node.uuid()
                    + " (HTTP " + response.statusCode() + ")", e);
        }
        if (response.statusCode() >= 400) {
            Object fault = answer.get("faultstring");
            throw new DriverException("Agent on node " + node.uuid() + " returned error for command " + what + ": HTTP "
                    + response.statusCode() + " " + (fault != null ? fault : response.body()));
        }
        return answer;
    }

    private static String agentUrl(NodeView node) throws DriverException {
        Object url = node.driverInternalInfo().get("agent_url");
        if (url == null) {
            throw new DriverException("Node " + node.uuid() + " has no agent URL: the agent has not heartbeated yet");
        }
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String tokenParam(NodeView node, String separator) {
        Object token = node.driverInternalInfo().get(AgentCallbacks.TOKEN_KEY);
        return token == null ? "" : separator + "agent_token=" + URLEncoder.encode(token.toString(), StandardCharsets.UTF_8);
    }
}
