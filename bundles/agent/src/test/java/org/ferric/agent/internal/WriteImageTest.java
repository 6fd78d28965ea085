package org.ferric.agent.internal;

import static org.ferric.agent.internal.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy.execute_deploy_step} with {@code write_image}, from a loopback image server into a file disk. */
class WriteImageTest {
    @TempDir
    Path dir;
    Path images;
    Path disk;
    TestServers.FileServer server;
    Agent agent;
    String commands;

    @BeforeEach
    void start() throws Exception {
        images = Files.createDirectory(dir.resolve("images"));
        server = new TestServers.FileServer(images);
        disk = dir.resolve("disk.img");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(640L << 20);
        }
        agent = new Agent(TestServers.settings(null, List.of("52:54:00:00:00:01"), List.of(disk), null, null), new HardwareManagers(),
                TestServers.HTTP, TestServers.JSON, code -> { });
        commands = "http://127.0.0.1:" + agent.start().getPort() + "/v1/commands/?wait=true";
    }

    @AfterEach
    void stop() {
        agent.stop();
        server.close();
    }

    private TestServers.Answer writeImage(Map<String, Object> imageInfo) throws Exception {
        Map<String, Object> step = Map.of("step", "write_image", "interface", "deploy", "priority", 80,
                "args", Map.of("image_info", imageInfo));
        return post(commands, Map.of("name", "deploy.execute_deploy_step", "params", Map.of("step", step, "node", Map.of(), "ports", List.of())));
    }

    private static byte[] randomImage(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        return b;
    }

    private static String hash(String algo, byte[] data) throws Exception {
        return ImageChecksum.hex(MessageDigest.getInstance(algo).digest(data));
    }

    private byte[] diskHead(int length) throws Exception {
        try (InputStream in = Files.newInputStream(disk)) {
            return in.readNBytes(length);
        }
    }

    @Test
    void aRawImageIsWrittenByteForByte() throws Exception {
        byte[] image = randomImage(5 * (1 << 20) + 12345);
        Files.write(images.resolve("raw.img"), image);
        var r = writeImage(Map.of("id", "img-raw", "urls", List.of(server.url("raw.img")), "disk_format", "raw",
                "os_hash_algo", "sha512", "os_hash_value", hash("SHA-512", image)));
        assertEquals("SUCCEEDED", r.body().get("command_status"), String.valueOf(r.body().get("command_error")));
        assertEquals("execute_deploy_step", r.body().get("command_name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.map("command_result").get("deploy_result");
        assertEquals(image.length, ((Number) result.get("bytes_written")).intValue());
        assertEquals("raw", result.get("format"));
        assertArrayEquals(image, diskHead(image.length));
        assertEquals(640L << 20, Files.size(disk), "the disk keeps its size");
    }

    @Test
    void aQcow2ImageIsConvertedAndTheDiskHoldsItsRawBytes() throws Exception {
        byte[] raw = randomImage(3 << 20);
        // a hole in the middle: qcow2 leaves it unallocated, and the disk must still read zeros there
        Arrays.fill(raw, 1 << 20, 2 << 20, (byte) 0);
        Path rawFile = dir.resolve("source.raw");
        Files.write(rawFile, raw);
        Path qcow = images.resolve("image.qcow2");
        Exec.check(List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", rawFile.toString(), qcow.toString()), Duration.ofMinutes(1));
        // what was on the disk before must not survive where the image has its hole
        Files.write(disk, randomImage(4 << 20), java.nio.file.StandardOpenOption.WRITE);
        var r = writeImage(Map.of("id", "img-qcow2", "urls", List.of(server.url("image.qcow2")), "disk_format", "qcow2",
                "checksum", hash("MD5", Files.readAllBytes(qcow))));
        assertEquals("SUCCEEDED", r.body().get("command_status"), String.valueOf(r.body().get("command_error")));
        assertArrayEquals(raw, diskHead(raw.length));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("ferric-image-")), "the staging file is gone");
        }
    }

    @Test
    void aWrongChecksumFailsTheStepNamingExpectedAndActual() throws Exception {
        byte[] image = randomImage(1 << 20);
        Files.write(images.resolve("raw.img"), image);
        String wrong = "0".repeat(64);
        var r = writeImage(Map.of("id", "img-bad", "urls", List.of(server.url("raw.img")), "os_hash_algo", "sha256", "os_hash_value", wrong));
        assertEquals("FAILED", r.body().get("command_status"));
        String details = (String) r.map("command_error").get("details");
        assertEquals("DeploymentError", r.map("command_error").get("type"));
        assertTrue(details.startsWith("Error performing deploy_step write_image: Error verifying image checksum: Image failed to verify against checksum."), details);
        assertTrue(details.contains("image checksum: sha256:" + wrong), details);
        assertTrue(details.contains("verification checksum: sha256:" + hash("SHA-256", image)), details);
    }

    @Test
    void aWrongChecksumOfAQcow2ImageLeavesTheDiskUntouched() throws Exception {
        Path rawFile = dir.resolve("source.raw");
        Files.write(rawFile, randomImage(1 << 20));
        Exec.check(List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", rawFile.toString(), images.resolve("i.qcow2").toString()), Duration.ofMinutes(1));
        var r = writeImage(Map.of("id", "img", "urls", List.of(server.url("i.qcow2")), "checksum", "f".repeat(32)));
        assertEquals("FAILED", r.body().get("command_status"));
        assertTrue(r.map("command_error").get("details").toString().contains("image checksum: md5:" + "f".repeat(32)));
        assertArrayEquals(new byte[1 << 20], diskHead(1 << 20));
    }

    @Test
    void theChecksumMayBeAUrlToAChecksumFile() throws Exception {
        byte[] image = randomImage(2 << 20);
        Files.write(images.resolve("ubuntu.img"), image);
        Files.writeString(images.resolve("SHA256SUMS"), hash("SHA-256", "other".getBytes()) + "  other.img\n"
                + hash("SHA-256", image) + " *ubuntu.img\n");
        var r = writeImage(Map.of("id", "img", "urls", List.of(server.url("ubuntu.img")), "checksum", server.url("SHA256SUMS")));
        assertEquals("SUCCEEDED", r.body().get("command_status"), String.valueOf(r.body().get("command_error")));
        assertArrayEquals(image, diskHead(image.length));
    }

    @Test
    void aMissingImageOrChecksumFails() throws Exception {
        Map<String, Object> info = new HashMap<>(Map.of("id", "img", "urls", List.of(server.url("missing.img")), "checksum", "a".repeat(32)));
        var missing = writeImage(info);
        assertEquals("FAILED", missing.body().get("command_status"));
        assertTrue(missing.map("command_error").get("details").toString().contains("answered HTTP 404"));
        Files.write(images.resolve("x.img"), new byte[10]);
        var noChecksum = writeImage(Map.of("id", "img", "urls", List.of(server.url("x.img"))));
        assertEquals("FAILED", noChecksum.body().get("command_status"));
        assertTrue(noChecksum.map("command_error").get("details").toString().contains("image_info has no checksum"));
    }

    @Test
    void anImageLargerThanTheDiskFails() throws Exception {
        Path small = dir.resolve("small.img");
        Files.write(small, new byte[1 << 20]);
        byte[] image = randomImage((1 << 20) + 1);
        Files.write(images.resolve("big.img"), image);
        ImageWriter writer = new ImageWriter(TestServers.HTTP, TestServers.JSON, null);
        AgentError e = org.junit.jupiter.api.Assertions.assertThrows(AgentError.class, () -> writer.write(
                Map.of("id", "big", "urls", List.of(server.url("big.img")), "checksum", hash("MD5", image)), small));
        assertTrue(e.details.contains("larger than the disk"), e.details);
    }

    /**
     * 512 MiB through a JVM whose heap is 160 MiB (surefire's argLine): holding the image, or a large
     * part of it, would end in OutOfMemoryError. The image is sparse on the server; every byte must
     * still reach the disk and be hashed.
     */
    @Test
    void aLargeImageIsStreamedThroughBoundedMemory() throws Exception {
        long size = 512L << 20;
        Path image = images.resolve("large.img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - 4);
            f.write(new byte[] {1, 2, 3, 4});
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] zeros = new byte[1 << 20];
        for (long i = 0; i < size / zeros.length - 1; i++) {
            md.update(zeros);
        }
        byte[] last = new byte[1 << 20];
        last[last.length - 4] = 1; last[last.length - 3] = 2; last[last.length - 2] = 3; last[last.length - 1] = 4;
        md.update(last);
        assertTrue(Runtime.getRuntime().maxMemory() < size / 2, "the test needs a heap smaller than the image");
        Files.write(disk, randomImage(1 << 20), java.nio.file.StandardOpenOption.WRITE);

        var r = writeImage(Map.of("id", "large", "urls", List.of(server.url("large.img")), "disk_format", "raw",
                "os_hash_algo", "sha256", "os_hash_value", ImageChecksum.hex(md.digest())));
        assertEquals("SUCCEEDED", r.body().get("command_status"), String.valueOf(r.body().get("command_error")));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.map("command_result").get("deploy_result");
        assertEquals(size, ((Number) result.get("bytes_written")).longValue());
        assertArrayEquals(new byte[1 << 20], diskHead(1 << 20), "the old bytes were overwritten");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "r")) {
            f.seek(size - 4);
            byte[] tail = new byte[4];
            f.readFully(tail);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, tail);
        }
        assertEquals(8L << 20, ImageWriter.bufferBytes());
    }
}
