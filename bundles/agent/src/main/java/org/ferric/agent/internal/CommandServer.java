package org.ferric.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The agent's HTTP API, as Ironic Python Agent serves it: {@code GET /v1/status},
 * {@code POST /v1/commands/?wait=&agent_token=}, {@code GET /v1/commands/},
 * {@code GET /v1/commands/{id}?wait=}; the same without {@code /v1}. Errors are
 * {@code {"faultcode", "faultstring"}} as WSME wrote them.
 */
final class CommandServer {
    private static final System.Logger LOG = System.getLogger(CommandServer.class.getName());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Commands commands;
    private final Supplier<Map<String, Object>> status;
    private final Predicate<String> tokenValid;
    private final ObjectMapper json;
    private volatile boolean tokensOnReads;
    private HttpServer server;
    private ExecutorService workers;

    CommandServer(Commands commands, Supplier<Map<String, Object>> status, Predicate<String> tokenValid, ObjectMapper json) {
        this.commands = commands;
        this.status = status;
        this.tokenValid = tokenValid;
        this.json = json;
    }

    /** Binds and serves; returns the bound address (port 0 picks a free one). */
    InetSocketAddress start(InetSocketAddress listen) throws IOException {
        server = HttpServer.create(listen, 64);
        // Requests that wait for a command hold a thread each; a few are enough for one conductor.
        workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "agent-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        LOG.log(System.Logger.Level.INFO, "Agent API listening on {0}", server.getAddress());
        return server.getAddress();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String method = ex.getRequestMethod();
            String p = path.startsWith("/v1/") || path.equals("/v1") ? path.substring(3) : path;
            try {
                if (path.equals("/") && method.equals("GET")) {
                    send(ex, 200, root(base(ex)));
                } else if ((path.equals("/v1") || path.equals("/v1/")) && method.equals("GET")) {
                    send(ex, 200, v1(base(ex)));
                } else if (p.equals("/status") && method.equals("GET")) {
                    send(ex, 200, status.get());
                } else if (p.equals("/commands/") || p.equals("/commands")) {
                    if (method.equals("GET")) {
                        checkReadToken(query);
                        send(ex, 200, Map.of("commands", commands.list().stream().map(CommandResult::toJson).toList()));
                    } else if (method.equals("POST")) {
                        runCommand(ex, query);
                    } else {
                        throw new AgentError("MethodNotAllowed", 405, "Method Not Allowed", "The method is not allowed for the requested URL.");
                    }
                } else if (p.startsWith("/commands/") && method.equals("GET")) {
                    checkReadToken(query);
                    String id = p.substring("/commands/".length());
                    CommandResult r = commands.get(id).orElseThrow(() -> AgentError.notFound("Command", id));
                    if ("true".equalsIgnoreCase(query.get("wait"))) {
                        r.join();
                    }
                    send(ex, 200, r.toJson());
                } else {
                    throw new AgentError("NotFound", 404, "Not found", "The requested URL was not found.");
                }
            } catch (AgentError e) {
                fault(ex, e.code, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fault(ex, 500, "Interrupted");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Internal server error", e);
                fault(ex, 500, String.valueOf(e.getMessage()));
            }
        }
    }

    private void runCommand(HttpExchange ex, Map<String, String> query) throws IOException, InterruptedException {
        Map<String, Object> body;
        try (InputStream in = ex.getRequestBody()) {
            body = json.readValue(in, OBJECT);
        } catch (JsonProcessingException e) {
            throw new AgentError("BadRequest", 400, "400 Bad Request", "Missing or invalid name or params");
        }
        if (body == null || !(body.get("name") instanceof String) || !(body.get("params") instanceof Map)) {
            throw new AgentError("BadRequest", 400, "400 Bad Request", "Missing or invalid name or params");
        }
        if (!tokenValid.test(query.get("agent_token"))) {
            throw new AgentError("Unauthorized", 401, "401 Unauthorized", "Token invalid.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) body.get("params");
        CommandResult r = commands.execute((String) body.get("name"), params);
        if ("true".equalsIgnoreCase(query.get("wait"))) {
            r.join();
        }
        send(ex, 200, r.toJson());
    }

    /** Reads need the token only once the conductor has shown it sends one, as the reference agent. */
    private void checkReadToken(Map<String, String> query) {
        String token = query.get("agent_token");
        if (token != null) {
            tokensOnReads = true;
        }
        if (tokensOnReads && !tokenValid.test(token)) {
            throw new AgentError("Unauthorized", 401, "401 Unauthorized", "Token invalid.");
        }
    }

    private static String base(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = ex.getLocalAddress().getHostString() + ":" + ex.getLocalAddress().getPort();
        }
        return "http://" + host;
    }

    private static Map<String, Object> version(String url) {
        return Map.of("id", "v1", "links", List.of(
                Map.of("href", url + "/v1/", "rel", "self"),
                Map.of("href", "https://docs.openstack.org/ironic-python-agent", "rel", "describedby", "type", "text/html")));
    }

    private static Map<String, Object> root(String url) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", "OpenStack Ironic Python Agent API");
        out.put("description", "Ferric's deploy agent, speaking Ironic Python Agent's API");
        out.put("versions", List.of(version(url)));
        out.put("default_version", version(url));
        return out;
    }

    private static Map<String, Object> v1(String url) {
        Map<String, Object> out = new LinkedHashMap<>(version(url));
        out.put("commands", List.of(Map.of("href", url + "/v1/commands", "rel", "self"),
                Map.of("href", url + "/commands", "rel", "bookmark")));
        out.put("status", List.of(Map.of("href", url + "/v1/status", "rel", "self"),
                Map.of("href", url + "/status", "rel", "bookmark")));
        out.put("media_types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.ironic-python-agent.v1+json")));
        return out;
    }

    private void fault(HttpExchange ex, int code, String message) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("faultcode", code >= 500 ? "Server" : "Client");
        out.put("faultstring", message);
        send(ex, code, out);
    }

    private void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
