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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
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
    /** While a raw image streams to the disk, its written bytes are flushed every so many bytes (see {@link Pipeline}). */
    static final long FLUSH_EVERY = 64L << 20;
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
            long start = System.nanoTime();
            long flushStart;
            try (FileChannel out = Disks.openForWrite(disk)) {
                written = stream(in, first, firstLength, out, diskSize, digest, disk, FLUSH_EVERY);
                flushStart = System.nanoTime();
                out.force(true);
            }
            long end = System.nanoTime();
            verify(expected, digest, id, url);
            LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT,
                    "Image %s: %d bytes written to %s in %.2f s (%.0f MiB/s), of which %.2f s in the final fsync",
                    id, written, disk, (end - start) / 1e9, written / 1048576.0 / ((end - start) / 1e9), (end - flushStart) / 1e9));
            result.put("format", "raw");
            result.put("bytes_written", written);
            return result;
        }
        Path staging = Files.createTempFile(stagingDir(disk), "ferric-image-", ".qcow2");
        try {
            try (FileChannel out = FileChannel.open(staging, StandardOpenOption.WRITE)) {
                stream(in, first, firstLength, out, Long.MAX_VALUE, digest, staging, 0);
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
     * Three threads overlap through {@link #BUFFERS} buffers of {@link #BUFFER_SIZE} bytes: the calling
     * thread reads the socket, {@code image-hash} hashes, {@code image-writer} writes; a buffer goes
     * read → hash → write → free, so memory stays at the buffers whatever the image's size. With the
     * hash on its own thread a machine with cores to spare runs at the slowest of reading, hashing
     * (SHA-256 ~1.5 GiB/s, SHA-512 and MD5 ~0.7 GiB/s on one core here) and writing, instead of at
     * reading plus hashing against writing. Returns the bytes written.
     */
    static long stream(InputStream in, byte[] first, int firstLength, FileChannel out, long capacity,
            MessageDigest digest, Path target, long flushEvery) throws IOException, InterruptedException {
        try (Pipeline pipeline = new Pipeline(digest, out, flushEvery)) {
            long position = 0;
            byte[] buffer = first;
            int length = firstLength;
            while (length > 0 && pipeline.failure.get() == null) {
                if (position + length > capacity) {
                    throw AgentError.imageWrite(target.toString(), "the image is larger than the disk (" + capacity + " bytes)");
                }
                pipeline.toHash.put(new Chunk(buffer, length, position));
                position += length;
                buffer = pipeline.free.take();
                length = in.readNBytes(buffer, 0, buffer.length);
            }
            pipeline.finish();
            Throwable t = pipeline.failure.get();
            if (t != null) {
                throw AgentError.imageWrite(target.toString(), t.toString());
            }
            return position;
        }
    }

    /**
     * The hash and write stages and the buffers between them. {@link #close()} (also on an exception of
     * the reader) sends {@link #END} and waits until both stages have drained their queues, so no thread
     * touches the digest or the channel once {@link #stream} returns. A stage that fails records the
     * failure and keeps passing buffers on, so the reader never waits for a buffer that cannot come back.
     * <p>
     * With {@code flushEvery > 0} a fourth thread, {@code image-flush}, runs {@code force(false)} each
     * time the writer has written that many bytes more, while the writer goes on: the disk then writes
     * while the image downloads instead of after it (the page cache would otherwise hold the whole image
     * dirty until the final fsync on a machine with enough memory), and the final fsync only has the
     * tail left. At most one flush runs at a time; requests made during a flush merge into one.
     */
    static final class Pipeline implements AutoCloseable {
        final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        // one more place than there are buffers: END always fits
        final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
        final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(BUFFERS + 1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Semaphore flushRequests = new Semaphore(0);
        private volatile boolean closing;
        private final Thread hasher;
        private final Thread writer;
        private final Thread flusher;
        private long unflushed; // the writer's only
        private boolean finished;

        /** The caller holds the first buffer; the other {@code BUFFERS - 1} start free. */
        Pipeline(MessageDigest digest, FileChannel out, long flushEvery) {
            for (int i = 1; i < BUFFERS; i++) {
                free.add(new byte[BUFFER_SIZE]);
            }
            hasher = stage("image-hash", toHash, toWrite, c -> digest.update(c.buffer(), 0, c.length()));
            writer = stage("image-writer", toWrite, null, c -> {
                ByteBuffer b = ByteBuffer.wrap(c.buffer(), 0, c.length());
                long pos = c.position();
                while (b.hasRemaining()) {
                    pos += out.write(b, pos);
                }
                unflushed += c.length();
                if (flushEvery > 0 && unflushed >= flushEvery) {
                    unflushed = 0;
                    flushRequests.release();
                }
            });
            flusher = flushEvery <= 0 ? null : daemon("image-flush", () -> {
                try {
                    while (true) {
                        flushRequests.acquire();
                        flushRequests.drainPermits();
                        if (closing) {
                            return;
                        }
                        if (failure.get() == null) {
                            try {
                                out.force(false);
                            } catch (Throwable e) {
                                failure.compareAndSet(null, e);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                }
            });
        }

        private static Thread daemon(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        private interface Work {
            void on(Chunk c) throws Exception;
        }

        private Thread stage(String name, BlockingQueue<Chunk> in, BlockingQueue<Chunk> next, Work work) {
            return daemon(name, () -> {
                try {
                    for (Chunk c = in.take(); ; c = in.take()) {
                        if (c != END && failure.get() == null) {
                            try {
                                work.on(c);
                            } catch (Throwable e) {
                                failure.compareAndSet(null, e);
                            }
                        }
                        if (next != null) {
                            next.put(c);
                        } else if (c != END) {
                            free.put(c.buffer());
                        }
                        if (c == END) {
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                }
            });
        }

        /** Sends END and waits until every chunk sent before is hashed and written, and a running flush has ended. */
        void finish() throws InterruptedException {
            if (!finished) {
                finished = true;
                toHash.put(END);
            }
            hasher.join();
            writer.join();
            if (flusher != null) {
                closing = true;
                flushRequests.release();
                flusher.join();
            }
        }

        @Override
        public void close() throws InterruptedException {
            finish();
        }
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
