package org.ferric.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aLabProfileReplacesWhatItNamesAndTheOptionsWin() throws Exception {
        Path profile = dir.resolve("lab.json");
        Files.writeString(profile, """
                {"cpu": {"model_name": "Lab CPU", "frequency": "2400", "count": 4, "architecture": "x86_64", "flags": ["vmx"]},
                 "memory": {"total": 8589934592, "physical_mb": 8192},
                 "system_vendor": {"product_name": "Lab Server", "serial_number": "LAB-0001", "manufacturer": "Ferric",
                                   "firmware": {"vendor": "Ferric", "version": "1.0", "build_date": "2026-01-01"}},
                 "interfaces": [{"name": "ens3", "mac_address": "aa:bb:cc:dd:ee:01"}],
                 "bmc_address": "127.0.0.1"}
                """);
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[3 << 20]);
        var settings = TestServers.settings(null, List.of("AA:BB:CC:DD:EE:02"), List.of(disk), profile, null);
        Map<String, Object> inv = Inventory.collect(settings, TestServers.JSON);

        assertEquals("Lab CPU", ((Map<String, Object>) inv.get("cpu")).get("model_name"));
        assertEquals(8192, ((Map<String, Object>) inv.get("memory")).get("physical_mb"));
        assertEquals("LAB-0001", ((Map<String, Object>) inv.get("system_vendor")).get("serial_number"));
        assertEquals("127.0.0.1", inv.get("bmc_address"));
        assertEquals(List.of("aa:bb:cc:dd:ee:02"), Inventory.macs(inv), "--mac replaces the profile's interfaces");
        var disks = (List<Map<String, Object>>) inv.get("disks");
        assertEquals(1, disks.size());
        assertEquals(disk.toString(), disks.get(0).get("name"));
        assertEquals(3L << 20, ((Number) disks.get(0).get("size")).longValue());
        assertEquals(List.of(disk), Inventory.targetDisks(settings, inv));
        assertTrue(inv.containsKey("boot") && inv.containsKey("hostname"), "keys the profile does not name come from the machine");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRealMachine() throws Exception {
        Map<String, Object> inv = Inventory.collect(TestServers.settings(null, List.of(), List.of(), null, null), TestServers.JSON);
        var cpu = (Map<String, Object>) inv.get("cpu");
        assertTrue(((Number) cpu.get("count")).intValue() >= 1);
        assertNotNull(cpu.get("architecture"));
        var memory = (Map<String, Object>) inv.get("memory");
        assertTrue(((Number) memory.get("total")).longValue() > 0);
        assertTrue(((Number) memory.get("physical_mb")).longValue() > 0);
        assertTrue(inv.get("disks") instanceof List);
        for (var d : (List<Map<String, Object>>) inv.get("disks")) {
            assertTrue(d.get("name").toString().startsWith("/dev/"));
            assertTrue(((Number) d.get("size")).longValue() >= 0);
        }
        for (var nic : (List<Map<String, Object>>) inv.get("interfaces")) {
            assertTrue(nic.get("mac_address").toString().matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}"), nic.toString());
        }
        assertTrue(inv.get("system_vendor") instanceof Map);
        assertTrue(List.of("uefi", "bios").contains(((Map<String, Object>) inv.get("boot")).get("current_boot_mode")));
    }
}
