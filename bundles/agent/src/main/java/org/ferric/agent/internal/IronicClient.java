package org.ferric.agent.internal;

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
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent's two calls to the bare-metal API, as Ironic Python Agent makes them: the API's version
 * from {@code GET /}, {@code GET /v1/lookup?addresses=…&node_uuid=…} and
 * {@code POST /v1/heartbeat/{node}}. The version header asks for at most 1.62 (agent tokens), fields
 * the server's version does not know are left out.
 */
final class IronicClient {
    static final String VERSION_HEADER = "X-OpenStack-Ironic-API-Version";
    private static final System.Logger LOG = System.getLogger(IronicClient.class.getName());
    private static final int[] MIN_VERSION = {1, 31};
    private static final int AGENT_VERSION_MINOR = 36;
    private static final int AGENT_TOKEN_MINOR = 62;

    private final URI api;
    private final HttpClient http;
    private final ObjectMapper json;
    private int[] version;

    IronicClient(URI api, HttpClient http, ObjectMapper json) {
        String s = api.toString();
        this.api = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = http;
        this.json = json;
    }

    /** Thrown for an answer that says the heartbeat was refused; the agent logs it and tries again. */
    static final class HeartbeatException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        HeartbeatException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    synchronized int[] apiVersion() {
        if (version == null) {
            try {
                HttpResponse<String> r = http.send(request("/").GET().build(), HttpResponse.BodyHandlers.ofString());
                String v = json.readTree(r.body()).path("default_version").path("version").asText();
                String[] parts = v.split("\\.");
                version = new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not read the API version from {0}: {1}; assuming 1.31", api, e.toString());
                return MIN_VERSION;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return MIN_VERSION;
            }
        }
        return version;
    }

    private String versionHeader() {
        int[] v = apiVersion();
        return v[0] + "." + Math.min(v[1], AGENT_TOKEN_MINOR);
    }

    /** One lookup; empty when the node is not (yet) known, so that the caller retries. */
    Optional<JsonNode> lookup(List<String> macs, String nodeUuid) throws InterruptedException {
        StringBuilder q = new StringBuilder("/v1/lookup?addresses=")
                .append(URLEncoder.encode(String.join(",", macs), StandardCharsets.UTF_8));
        if (nodeUuid != null) {
            q.append("&node_uuid=").append(URLEncoder.encode(nodeUuid, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r;
        try {
            r = http.send(request(q.toString()).header(VERSION_HEADER, versionHeader()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Error looking up the node at {0}, retrying: {1}", api, e.toString());
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            LOG.log(System.Logger.Level.WARNING, "Failed looking up node with addresses {0} at {1}, status code: {2}",
                    String.join(",", macs), api, r.statusCode());
            return Optional.empty();
        }
        try {
            JsonNode content = json.readTree(r.body());
            if (!content.path("node").hasNonNull("uuid") || !content.has("config")) {
                LOG.log(System.Logger.Level.WARNING, "Got invalid node data from the lookup: {0}", r.body());
                return Optional.empty();
            }
            return Optional.of(content);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Error decoding the lookup answer: {0}", e.toString());
            return Optional.empty();
        }
    }

    void heartbeat(String nodeUuid, String callbackUrl, String agentToken, String agentVersion)
            throws HeartbeatException, InterruptedException {
        int[] v = apiVersion();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callback_url", callbackUrl);
        if (v[1] >= AGENT_TOKEN_MINOR || v[0] > 1) {
            body.put("agent_token", agentToken);
        }
        if (v[1] >= AGENT_VERSION_MINOR || v[0] > 1) {
            body.put("agent_version", agentVersion);
        }
        HttpResponse<String> r;
        try {
            r = http.send(request("/v1/heartbeat/" + nodeUuid).header(VERSION_HEADER, versionHeader())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HeartbeatException(0, "Error heartbeating to the API: " + e);
        }
        if (r.statusCode() != 202) {
            throw new HeartbeatException(r.statusCode(), "Heartbeat refused with status " + r.statusCode() + ": " + r.body());
        }
    }

    /** Hands the inventory to an inspection endpoint before the lookup, as the reference agent does. */
    void postInspection(URI callback, Map<String, Object> data) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(data))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("Inspection callback answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
    }
}
