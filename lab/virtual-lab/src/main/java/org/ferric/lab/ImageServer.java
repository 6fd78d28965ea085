package org.ferric.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The lab's image server on a free loopback port: {@code GET} and {@code HEAD} of the regular files
 * of one directory (no sub-directories, so no way out of it) and of the files published under a name.
 * Answers carry {@code Content-Length}; bodies are streamed, never held in memory.
 */
public final class ImageServer implements AutoCloseable {
    /** One path segment: what a URL may name and what {@link #publish} accepts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*");

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Path> published = new ConcurrentHashMap<>();

    ImageServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        // Several threads: agents of several nodes download at once.
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "lab-image-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The directory served. */
    public Path root() {
        return root;
    }

    /** The URL of {@code name}, a file in {@link #root()} or a published one. */
    public String url(String name) {
        return url() + "/" + URLEncoder.encode(checkName(name), StandardCharsets.UTF_8);
    }

    /** Serves {@code file} (not copied: it is read at each request) as {@code name}; returns its URL. */
    public String publish(String name, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        published.put(checkName(name), file.toAbsolutePath());
        return url(name);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an image name is one path segment of letters, digits and ._+- : " + name);
        }
        return name;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(ex.getRequestURI().getPath());
            if (file == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (method.equals("HEAD")) {
                // The JDK server sends no length of its own for HEAD: set it by hand, announce no body.
                ex.getResponseHeaders().set("Content-Length", Long.toString(size));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            // 0 would mean chunked to the JDK server: an empty file is sent as "no body".
            ex.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    /** The file a request path names, or null: one segment, published or a regular file directly in the root. */
    private Path resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        String name = path.substring(1);
        if (!NAME.matcher(name).matches()) {
            return null; // "", "..", "a/b", "%2e%2e%2f…" once decoded: never leaves the root
        }
        Path file = published.get(name);
        if (file == null) {
            file = root.resolve(name);
            if (!file.normalize().getParent().equals(root)) {
                return null;
            }
        }
        return Files.isRegularFile(file) ? file : null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
