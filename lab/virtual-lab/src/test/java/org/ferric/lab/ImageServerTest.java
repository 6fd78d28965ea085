package org.ferric.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageServerTest {
    @TempDir
    Path dir;
    ImageServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ImageServer(dir.resolve("images"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> send(String method, String url) throws Exception {
        return LabTests.HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesExactBytesWithTheirLengthForGetAndHead() throws Exception {
        byte[] image = new byte[(3 << 20) + 7];
        new Random(42).nextBytes(image);
        Files.write(server.root().resolve("img.raw"), image);

        HttpResponse<byte[]> get = send("GET", server.url("img.raw"));
        assertEquals(200, get.statusCode());
        assertEquals(String.valueOf(image.length), get.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(image, get.body());

        HttpResponse<byte[]> head = send("HEAD", server.url("img.raw"));
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(image.length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(0, head.body().length);

        Files.write(server.root().resolve("empty.img"), new byte[0]);
        HttpResponse<byte[]> empty = send("GET", server.url("empty.img"));
        assertEquals(200, empty.statusCode());
        assertEquals("0", empty.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void publishedFilesAreServedFromWhereTheyAre() throws Exception {
        Path elsewhere = dir.resolve("build/out.qcow2");
        Files.createDirectories(elsewhere.getParent());
        Files.write(elsewhere, "qcow2 bytes".getBytes(StandardCharsets.UTF_8));
        String url = server.publish("cirros.qcow2", elsewhere);
        assertEquals(server.url() + "/cirros.qcow2", url);
        assertEquals("qcow2 bytes", new String(send("GET", url).body(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> server.publish("../x", elsewhere));
        assertThrows(IllegalArgumentException.class, () -> server.publish("a/b", elsewhere));
        assertThrows(IllegalArgumentException.class, () -> server.publish("missing", dir.resolve("nope")));
    }

    @Test
    void missingFilesDirectoriesAndPathsOutOfTheRootAre404() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "outside the root");
        Files.createDirectories(server.root().resolve("sub"));
        Files.writeString(server.root().resolve("sub/inner.img"), "in a sub-directory");
        assertEquals(404, send("GET", server.url() + "/nothing.img").statusCode());
        assertEquals(404, send("GET", server.url() + "/").statusCode());
        assertEquals(404, send("GET", server.url() + "/sub").statusCode());
        assertEquals(404, send("GET", server.url() + "/sub/inner.img").statusCode());
        assertEquals(404, send("GET", server.url() + "/%2e%2e/secret.txt").statusCode());
        assertEquals(404, send("GET", server.url() + "/..%2fsecret.txt").statusCode());
        // A client that does not normalise the path, byte for byte.
        assertEquals("HTTP/1.1 404", raw("GET /../secret.txt HTTP/1.1"));
        assertEquals("HTTP/1.1 404", raw("GET /sub/../../secret.txt HTTP/1.1"));
        assertEquals(405, send("POST", server.url("x.img")).statusCode());
    }

    private String raw(String requestLine) throws Exception {
        URI u = URI.create(server.url());
        try (Socket s = new Socket(u.getHost(), u.getPort()); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.substring(0, answer.indexOf(' ', answer.indexOf(' ') + 1));
        }
    }
}
