package org.ferric.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskEraserTest {
    @TempDir
    Path dir;

    private byte[] filled(Path disk, int size) throws Exception {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        Files.write(disk, b);
        return b;
    }

    @Test
    void metadataEraseZeroesTheFirstAndLastMibAndKeepsTheRest() throws Exception {
        Path disk = dir.resolve("disk.img");
        int mib = 1 << 20;
        byte[] before = filled(disk, 5 * mib);
        assertEquals(2L * mib, new DiskEraser().eraseMetadata(disk));
        byte[] after = Files.readAllBytes(disk);
        assertEquals(before.length, after.length);
        assertArrayEquals(new byte[mib], Arrays.copyOfRange(after, 0, mib));
        assertArrayEquals(new byte[mib], Arrays.copyOfRange(after, 4 * mib, 5 * mib));
        assertArrayEquals(Arrays.copyOfRange(before, mib, 4 * mib), Arrays.copyOfRange(after, mib, 4 * mib));
    }

    @Test
    void aDiskSmallerThanTwoMibIsZeroedWhole() throws Exception {
        Path disk = dir.resolve("small.img");
        filled(disk, 1500 * 1024);
        assertEquals(1500 * 1024, new DiskEraser().eraseMetadata(disk));
        assertArrayEquals(new byte[1500 * 1024], Files.readAllBytes(disk));
    }

    @Test
    void fullEraseZeroesEveryByte() throws Exception {
        Path disk = dir.resolve("disk.img");
        filled(disk, 9 * (1 << 20) + 3);
        assertEquals(9 * (1 << 20) + 3, new DiskEraser().eraseAll(disk));
        assertArrayEquals(new byte[9 * (1 << 20) + 3], Files.readAllBytes(disk));
    }
}
