package org.ferric.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Cleaning's two erasures: {@code erase_devices_metadata} zeroes the first and last MiB, where
 * partition tables (MBR, GPT and its backup at the end), RAID and filesystem signatures live;
 * {@code erase_devices} zeroes every byte.
 */
final class DiskEraser {
    static final long MIB = 1 << 20;
    private static final int CHUNK = 4 << 20;

    long eraseMetadata(Path disk) throws IOException {
        long size = Disks.size(disk);
        try (FileChannel ch = Disks.openForWrite(disk)) {
            long head = Math.min(MIB, size);
            zero(ch, 0, head);
            long tailStart = Math.max(head, size - MIB);
            zero(ch, tailStart, size - tailStart);
            ch.force(true);
            return head + (size - tailStart);
        }
    }

    long eraseAll(Path disk) throws IOException {
        long size = Disks.size(disk);
        try (FileChannel ch = Disks.openForWrite(disk)) {
            zero(ch, 0, size);
            ch.force(true);
            return size;
        }
    }

    private static void zero(FileChannel ch, long from, long length) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(length, 1)));
        long pos = from, end = from + length;
        while (pos < end) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), end - pos));
            while (zeros.hasRemaining()) {
                pos += ch.write(zeros, pos);
            }
        }
    }
}
