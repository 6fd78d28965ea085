package org.ferric.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code write_image}: streams the image from its URL to the disk and checks its checksum on the
 * way. The download and the disk writes overlap through a fixed set of buffers, so memory does
 * not grow with the image.
 * <p>
 * Raw images go straight to the disk; a wrong checksum is then found only once the bytes are
 * written, and the step fails (the node will not boot from it, and cleaning erases it). qcow2
 * cannot be turned into raw bytes in one forward pass (its clusters come in any order), and
 * Debian's {@code qemu-img} reads HTTP only through the optional {@code qemu-block-extra} module,
 * with range requests and without our checksum; so a qcow2 image is streamed, checked, into a
 * temporary file next to the disk (the work directory) and converted from there with
 * {@code qemu-img convert -n}, so the disk is never touched by an image whose checksum is wrong.
 */
final class ImageWriter {
    static final int BUFFER_SIZE = 1 << 20;
    static final int BUFFERS = 8;
    private static final byte[] QCOW_MAGIC = {'Q', 'F', 'I', (byte) 0xfb};
    private static final System.Logger LOG = System.getLogger(ImageWriter.class.getName());

    private final HttpClient http;
    private final ObjectMapper json;
    private final Path workDir;

    /** @param workDir where qcow2 images are staged; null means beside a file disk, or the temporary directory */
    ImageWriter(HttpClient http, ObjectMapper json, Path workDir) {
        this.http = http;
        this.json = json;
        this.workDir = workDir;
    }

    /** The most memory a write holds for image bytes, whatever the image's size. */
    static long bufferBytes() {
        return (long) BUFFER_SIZE * BUFFERS;
    }

    Map<String, Object> write(Map<String, Object> imageInfo, Path disk) throws Exception {
        String id = String.valueOf(imageInfo.get("id"));
        List<String> urls = new ArrayList<>();
        if (imageInfo.get("urls") instanceof List<?> l) {
            l.forEach(u -> urls.add(String.valueOf(u)));
        }
        if (urls.isEmpty()) {
            throw AgentError.invalidParams("image_info has no urls");
        }
        if (imageInfo.get("configdrive") != null) {
            LOG.log(System.Logger.Level.WARNING, "A config drive was given; this agent does not write config drives yet");
        }
        AgentError last = null;
        for (String url : urls) {
            // HttpURLConnection, not HttpClient, for the image itself: it reads the socket straight into
            // our buffers, where HttpClient hands 16 KiB pieces between threads; on loopback it measured
            // 1.36 GiB/s against 0.30-0.40 GiB/s (bench/agent/README.md).
            HttpURLConnection connection;
            try {
                connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(60_000);
                connection.setReadTimeout(60_000);
                int status = connection.getResponseCode();
                if (status != 200) {
                    connection.disconnect();
                    last = AgentError.imageDownload(id, url + " answered HTTP " + status);
                    continue;
                }
            } catch (IOException | IllegalArgumentException e) {
                last = AgentError.imageDownload(id, url + ": " + e);
                continue;
            }
            try (InputStream in = connection.getInputStream()) {
                return write(imageInfo, id, url, in, disk);
            } catch (IOException e) {
                throw AgentError.imageDownload(id, url + ": " + e);
            }
        }
        throw last;
    }

    private Map<String, Object> write(Map<String, Object> imageInfo, String id, String url, InputStream in, Path disk)
            throws Exception {
        ImageChecksum expected = ImageChecksum.of(imageInfo, url, http);
        MessageDigest digest = expected.newDigest();
        byte[] first = new byte[BUFFER_SIZE];
        int firstLength = in.readNBytes(first, 0, first.length);
        String declared = Params.string(imageInfo, "disk_format");
        boolean qcow2 = "qcow2".equals(declared) || (declared == null || "raw".equals(declared)) && startsWith(first, firstLength, QCOW_MAGIC);
        if (qcow2 && "raw".equals(declared)) {
            LOG.log(System.Logger.Level.WARNING, "Image {0} is declared raw but is qcow2; converting it", id);
        }
        long diskSize = Disks.size(disk);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("image", id);
        result.put("url", url);
        result.put("device", disk.toString());
        if (!qcow2) {
            long written;
            try (FileChannel out = Disks.openForWrite(disk)) {
                written = stream(in, first, firstLength, out, diskSize, digest, disk);
                out.force(true);
            }
            verify(expected, digest, id, url);
            result.put("format", "raw");
            result.put("bytes_written", written);
            return result;
        }
        Path staging = Files.createTempFile(stagingDir(disk), "ferric-image-", ".qcow2");
        try {
            try (FileChannel out = FileChannel.open(staging, StandardOpenOption.WRITE)) {
                stream(in, first, firstLength, out, Long.MAX_VALUE, digest, staging);
            }
            verify(expected, digest, id, url);
            long virtualSize = json.readTree(Exec.check(List.of("qemu-img", "info", "--output=json", "-f", "qcow2",
                    staging.toString()), Duration.ofMinutes(1)).stdout()).path("virtual-size").asLong();
            if (virtualSize > diskSize) {
                throw AgentError.imageWrite(disk.toString(), "the image's virtual size " + virtualSize
                        + " bytes is larger than the disk (" + diskSize + " bytes)");
            }
            try {
                Exec.check(List.of("qemu-img", "convert", "-f", "qcow2", "-O", "raw", "-n", staging.toString(), disk.toString()),
                        Duration.ofHours(6));
            } catch (IOException e) {
                throw AgentError.imageWrite(disk.toString(), e.getMessage());
            }
            try (FileChannel out = Disks.openForWrite(disk)) {
                out.force(true);
            }
            result.put("format", "qcow2");
            result.put("bytes_written", virtualSize);
            return result;
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    private Path stagingDir(Path disk) {
        if (workDir != null) {
            return workDir;
        }
        Path parent = disk.toAbsolutePath().getParent();
        return Files.isRegularFile(disk) && parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void verify(ImageChecksum expected, MessageDigest digest, String id, String url) {
        String actual = ImageChecksum.hex(digest.digest());
        if (!expected.matches(actual)) {
            throw AgentError.imageChecksum(id, url, expected.algorithm() + ":" + expected.value(), expected.algorithm() + ":" + actual);
        }
    }

    private record Chunk(byte[] buffer, int length, long position) {
    }

    private static final Chunk END = new Chunk(new byte[0], -1, -1);

    /**
     * Reads and hashes on the calling thread while a second thread writes, through {@link #BUFFERS}
     * buffers of {@link #BUFFER_SIZE} bytes that circulate between them.
     */
    private static long stream(InputStream in, byte[] first, int firstLength, FileChannel out, long capacity,
            MessageDigest digest, Path target) throws IOException, InterruptedException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 1; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_SIZE]);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (Chunk c = full.take(); c != END; c = full.take()) {
                    if (failure.get() == null) {
                        try {
                            ByteBuffer b = ByteBuffer.wrap(c.buffer(), 0, c.length());
                            long pos = c.position();
                            while (b.hasRemaining()) {
                                pos += out.write(b, pos);
                            }
                        } catch (IOException | RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                    free.put(c.buffer());
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
            }
        }, "image-writer");
        writer.setDaemon(true);
        writer.start();
        long position = 0;
        try {
            byte[] buffer = first;
            int length = firstLength;
            while (length > 0) {
                if (failure.get() != null) {
                    break;
                }
                if (position + length > capacity) {
                    throw AgentError.imageWrite(target.toString(), "the image is larger than the disk (" + capacity + " bytes)");
                }
                digest.update(buffer, 0, length);
                full.put(new Chunk(buffer, length, position));
                position += length;
                buffer = free.take();
                length = in.readNBytes(buffer, 0, buffer.length);
            }
        } finally {
            full.put(END);
            writer.join();
        }
        Throwable t = failure.get();
        if (t != null) {
            throw AgentError.imageWrite(target.toString(), t.toString());
        }
        return position;
    }

    private static boolean startsWith(byte[] data, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
