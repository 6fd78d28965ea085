package org.ferric.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageWriter#stream}'s three threads (read, hash, write) and their buffers, without HTTP: what
 * reaches the disk and the digest is the stream's bytes in order whatever the speed of each stage, and
 * a failing stage ends the write with its error instead of a hang.
 */
class ImageWriterTest {
    private static final int B = ImageWriter.BUFFER_SIZE;

    @TempDir
    Path dir;

    /** {@code size} pseudo-random bytes (a function of seed and position), in reads of random length; counts what was read. */
    static final class Generated extends InputStream {
        private final long seed;
        private final long size;
        volatile long read;

        Generated(long seed, long size) {
            this.seed = seed;
            this.size = size;
        }

        static byte at(long seed, long position) {
            long z = (position + 1) * 0x9E3779B97F4A7C15L + seed;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return (byte) (z ^ (z >>> 31));
        }

        @Override
        public int read() {
            return read >= size ? -1 : at(seed, read++) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            // short reads, as a socket gives them
            int n = (int) Math.min(Math.min(len, 1 + ThreadLocalRandom.current().nextInt(200_000)), size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = at(seed, read + i);
            }
            read += n;
            return n;
        }

        static byte[] bytes(long seed, int size) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = at(seed, i);
            }
            return b;
        }
    }

    /** SHA-256 that pauses now and then, so the hash stage is sometimes the slowest and sometimes not. */
    static final class SlowDigest extends MessageDigest {
        private final MessageDigest sha = sha256();
        private final boolean fail;

        SlowDigest(boolean fail) {
            super("slow-SHA-256");
            this.fail = fail;
        }

        @Override
        protected void engineUpdate(byte input) {
            sha.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            if (fail) {
                throw new IllegalStateException("digest broke");
            }
            if (ThreadLocalRandom.current().nextInt(3) == 0) {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sha.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            return sha.digest();
        }

        @Override
        protected void engineReset() {
            sha.reset();
        }
    }

    /**
     * A file channel whose positional writes pause now and then, so the write stage is sometimes the
     * slowest; it counts the flushes, which also pause, and may fail them.
     */
    static final class SlowChannel extends FileChannel {
        private final FileChannel file;
        private final boolean failForce;
        final AtomicInteger forces = new AtomicInteger();

        SlowChannel(FileChannel file, boolean failForce) {
            this.file = file;
            this.failForce = failForce;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (ThreadLocalRandom.current().nextInt(3) == 0) {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // at most 300 KiB at a time: the writer must loop until its buffer is out
            ByteBuffer part = src.slice().limit(Math.min(src.remaining(), 300_000));
            int n = file.write(part, position);
            src.position(src.position() + n);
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return file.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return file.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forces.incrementAndGet();
            if (failForce) {
                throw new IOException("flush broke");
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return file.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long stream(InputStream in, FileChannel out, long capacity, MessageDigest digest, Path target) throws Exception {
        return stream(in, out, capacity, digest, target, 0);
    }

    private static long stream(InputStream in, FileChannel out, long capacity, MessageDigest digest, Path target, long flushEvery)
            throws Exception {
        byte[] first = new byte[B];
        int n = in.readNBytes(first, 0, B);
        return ImageWriter.stream(in, first, n, out, capacity, digest, target, flushEvery);
    }

    private static boolean stagesAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && (t.getName().equals("image-hash") || t.getName().equals("image-writer") || t.getName().equals("image-flush")));
    }

    /**
     * 40 buffers' worth plus a partial one through the 8 buffers, each reused five times, with the hash
     * and write stages at random speeds (the reader then waits for free buffers) and flushes every
     * 3 buffers running beside the writes: a buffer refilled before its hash and write were done would
     * show as a wrong digest or wrong bytes on the disk.
     */
    @Test
    void everyByteIsHashedAndWrittenInOrderWhateverTheSpeedOfEachStage() throws Exception {
        int size = 40 * B + 4321;
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[size + B]);
        MessageDigest digest = new SlowDigest(false);
        long written;
        int forces;
        try (SlowChannel out = new SlowChannel(FileChannel.open(disk, StandardOpenOption.WRITE), false)) {
            written = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> stream(new Generated(7, size), out, size + B, digest, disk, 3L * B));
            forces = out.forces.get();
        }
        // one request per 3 MiB written; requests made while a flush runs merge into the next one
        assertTrue(forces >= 1 && forces <= 40 / 3, "flushes: " + forces);
        byte[] expected = Generated.bytes(7, size);
        assertEquals(size, written);
        assertArrayEquals(sha256().digest(expected), digest.digest());
        byte[] onDisk = Files.readAllBytes(disk);
        assertArrayEquals(expected, Arrays.copyOf(onDisk, size));
        assertArrayEquals(new byte[B], Arrays.copyOfRange(onDisk, size, size + B), "nothing written past the image");
        assertFalse(stagesAlive(), "the hash and write threads are gone");
    }

    /** A write that fails on the writer thread ends the step with that error, and reading stops early. */
    @Test
    void aFailingWriteEndsTheStreamWithItsErrorAndStopsReading() throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[B]);
        long size = 1L << 30;
        Generated in = new Generated(1, size);
        AgentError e;
        try (FileChannel readOnly = FileChannel.open(disk, StandardOpenOption.READ)) {
            e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(AgentError.class,
                    () -> stream(in, readOnly, Long.MAX_VALUE, sha256(), disk)));
        }
        assertTrue(e.details.startsWith("Writing image to device " + disk + " failed: java.nio.channels.NonWritableChannelException"),
                e.details);
        assertTrue(in.read < size / 4, "the reader stopped after the failure, read " + in.read);
        assertFalse(stagesAlive(), "the hash and write threads are gone");
    }

    /** A flush that fails beside the writes fails the stream too; without {@code flushEvery} nothing is flushed. */
    @Test
    void aFailingFlushEndsTheStreamWithItsErrorAndNoFlushWithoutFlushEvery() throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[B]);
        AgentError e;
        try (SlowChannel out = new SlowChannel(FileChannel.open(disk, StandardOpenOption.WRITE), true)) {
            e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(AgentError.class,
                    () -> stream(new Generated(1, 1L << 30), out, Long.MAX_VALUE, sha256(), disk, 2L * B)));
        }
        assertTrue(e.details.contains("java.io.IOException: flush broke"), e.details);
        assertFalse(stagesAlive(), "the hash, write and flush threads are gone");
        try (SlowChannel out = new SlowChannel(FileChannel.open(disk, StandardOpenOption.WRITE), true)) {
            assertEquals(10L * B, stream(new Generated(1, 10L * B), out, Long.MAX_VALUE, sha256(), disk, 0));
            assertEquals(0, out.forces.get());
        }
    }

    /** The same when the hash stage fails. */
    @Test
    void aFailingHashEndsTheStreamWithItsError() throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[B]);
        AgentError e;
        try (FileChannel out = FileChannel.open(disk, StandardOpenOption.WRITE)) {
            e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(AgentError.class,
                    () -> stream(new Generated(1, 1L << 30), out, Long.MAX_VALUE, new SlowDigest(true), disk)));
        }
        assertTrue(e.details.contains("digest broke"), e.details);
        assertFalse(stagesAlive(), "the hash and write threads are gone");
    }

    /** An image larger than the disk fails before the write past its end, and the stages drain and stop. */
    @Test
    void anImageLargerThanTheCapacityStopsAtTheCapacity() throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[3 * B]);
        AgentError e;
        try (FileChannel out = FileChannel.open(disk, StandardOpenOption.WRITE)) {
            e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(AgentError.class,
                    () -> stream(new Generated(3, 20L * B), out, 3L * B, sha256(), disk)));
        }
        assertTrue(e.details.contains("the image is larger than the disk (" + 3L * B + " bytes)"), e.details);
        assertEquals(3L * B, Files.size(disk), "nothing written past the disk's end");
        assertArrayEquals(Generated.bytes(3, 3 * B), Files.readAllBytes(disk));
        assertFalse(stagesAlive(), "the hash and write threads are gone");
    }
}
