package org.ferric.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Disks the agent writes: a block device or, in the lab, a plain file. */
final class Disks {
    private static final UUID EFI_SYSTEM = UUID.fromString("c12a7328-f81f-11d2-ba4b-00a0c93ec93b");

    private Disks() {
    }

    /** Bytes on the disk. A block device's file size is 0, so its size comes from sysfs (512-byte sectors). */
    static long size(Path disk) {
        try {
            if (Files.isRegularFile(disk)) {
                return Files.size(disk);
            }
            Path real = disk.toRealPath();
            String sectors = Inventory.read(Path.of("/sys/class/block", real.getFileName().toString(), "size"));
            return sectors == null ? 0 : Long.parseLong(sectors) * 512;
        } catch (IOException e) {
            return 0;
        }
    }

    static FileChannel openForWrite(Path disk) throws IOException {
        if (!Files.exists(disk)) {
            throw new IOException("Disk " + disk + " does not exist");
        }
        return FileChannel.open(disk, StandardOpenOption.WRITE);
    }

    /**
     * What {@code standby.get_partition_uuids} reports after a whole-disk image was written:
     * {@code root uuid} is the disk's identifier (GPT disk GUID, or MBR signature as 0x…) and, on GPT,
     * {@code efi system partition uuid} is the ESP's partition GUID.
     */
    static Map<String, Object> partitionUuids(Path disk) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(disk, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            if (head.position() < 1024) {
                return out;
            }
            if (new String(head.array(), 512, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("EFI PART")) {
                out.put("root uuid", guid(head, 512 + 56).toString());
                long entriesLba = head.getLong(512 + 72);
                int count = head.getInt(512 + 80);
                int entrySize = head.getInt(512 + 84);
                ByteBuffer entries = ByteBuffer.allocate(Math.min(count, 256) * entrySize).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(entries, entriesLba * 512);
                for (int i = 0; i + entrySize <= entries.capacity(); i += entrySize) {
                    if (guid(entries, i).equals(EFI_SYSTEM)) {
                        out.put("efi system partition uuid", guid(entries, i + 16).toString());
                        break;
                    }
                }
            } else if ((head.get(510) & 0xff) == 0x55 && (head.get(511) & 0xff) == 0xaa) {
                out.put("root uuid", String.format(Locale.ROOT, "0x%08x", head.getInt(440)));
            }
        }
        return out;
    }

    /** A GPT GUID: the first three fields little-endian, the rest as bytes. */
    private static UUID guid(ByteBuffer b, int at) {
        long d1 = b.getInt(at) & 0xffffffffL;
        long d2 = b.getShort(at + 4) & 0xffffL;
        long d3 = b.getShort(at + 6) & 0xffffL;
        long hi = (d1 << 32) | (d2 << 16) | d3;
        long lo = 0;
        for (int i = 8; i < 16; i++) {
            lo = (lo << 8) | (b.get(at + i) & 0xff);
        }
        return new UUID(hi, lo);
    }
}
