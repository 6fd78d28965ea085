package org.ferric.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** HTTP servers the tests talk to: a tiny bare-metal API and an image server, both on loopback. */
final class TestServers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers() {
    }

    record Request(String method, String path, String query, Map<String, String> headers, String body) {
        Map<String, Object> json() throws IOException {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        }
    }

    /** Answers GET / (version 1.82), the lookup (404 until {@code failLookups} are used up) and heartbeats (202), recording each request. */
    static final class FakeIronic implements AutoCloseable {
        final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger failLookups = new AtomicInteger();
        volatile String nodeUuid = "1be26c0b-03f2-4d2e-ae87-c02d7f33c123";
        volatile Object token = "tok-" + "x".repeat(40);
        volatile int heartbeatTimeout = 300;

        FakeIronic() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", this::handle);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        List<Request> requests(String pathPrefix) {
            return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
        }

        private void handle(HttpExchange ex) throws IOException {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), headers, body));
            if (path.equals("/")) {
                reply(ex, 200, Map.of("default_version", Map.of("id", "v1", "version", "1.82", "min_version", "1.1")));
            } else if (path.equals("/v1/lookup")) {
                if (failLookups.getAndDecrement() > 0) {
                    reply(ex, 404, Map.of("error_message", "{\"faultstring\": \"Resource could not be found.\"}"));
                } else {
                    Map<String, Object> config = new java.util.HashMap<>();
                    config.put("heartbeat_timeout", heartbeatTimeout);
                    config.put("agent_token", token);
                    config.put("agent_token_required", true);
                    reply(ex, 200, Map.of("node", Map.of("uuid", nodeUuid, "properties", Map.of()), "config", config));
                }
            } else if (path.startsWith("/v1/heartbeat/")) {
                ex.sendResponseHeaders(202, -1);
            } else {
                reply(ex, 404, Map.of());
            }
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Serves the files of a directory, streamed (never loaded whole), with a Content-Length. */
    static final class FileServer implements AutoCloseable {
        final HttpServer server;

        FileServer(Path dir) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", ex -> {
                Path f = dir.resolve(ex.getRequestURI().getPath().substring(1));
                if (!Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    ex.sendResponseHeaders(200, Files.size(f));
                    try (InputStream in = Files.newInputStream(f); OutputStream out = ex.getResponseBody()) {
                        in.transferTo(out);
                    }
                }
                ex.close();
            });
            server.start();
        }

        String url(String name) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void reply(HttpExchange ex, int code, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    static AgentSettings settings(URI api, List<String> macs, List<Path> disks, Path profile, Duration heartbeat) {
        return new AgentSettings(api, new InetSocketAddress("127.0.0.1", 0), null, macs, disks, profile, null, null,
                heartbeat, Duration.ofSeconds(30), Duration.ofMillis(50), null, null, List.of(), List.of());
    }

    /** A response from the agent's API: status code and JSON body. */
    record Answer(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            return (Map<String, Object>) body.get(key);
        }
    }

    static Answer get(String url) throws IOException, InterruptedException {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static Answer post(String url, Object body) throws IOException, InterruptedException {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> r) throws IOException {
        return new Answer(r.statusCode(), JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {
        }));
    }

    /** Polls a condition for up to ten seconds. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
