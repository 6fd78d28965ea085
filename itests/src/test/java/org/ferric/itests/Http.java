package org.ferric.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small client for Ferric's API in tests: real HTTP, latest microversion unless told. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The decoded inner error of Ironic's double-encoded error body. */
        JsonNode error() throws IOException {
            return JSON.readTree(body.get("error_message").asText());
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private final String version;

    Http(int port) {
        this(port, "latest");
    }

    /** @param version the microversion header to send, or null for none */
    Http(int port, String version) {
        this.base = "http://127.0.0.1:" + port;
        this.version = version;
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) throws Exception {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) throws Exception {
        return send("PUT", path, body);
    }

    Answer patch(String path, Object body) throws Exception {
        return send("PATCH", path, body);
    }

    Answer delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (version != null) {
            b.header("X-OpenStack-Ironic-API-Version", version);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (r.body() != null && !r.body().isBlank()) {
            try {
                json = JSON.readTree(r.body());
            } catch (IOException notJson) {
                json = null;
            }
        }
        return new Answer(r.statusCode(), json, r);
    }

    /** Polls until the condition holds; fails with the last answer after the timeout. */
    Answer await(String path, Predicate<Answer> condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IOException notUpYet) {
                last = null;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting on " + path + ", last answer: "
                + (last == null ? "none" : last.status() + " " + last.raw().body()));
    }
}
