package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.db.api.Node;

/** Nodes with every field set, and a field-by-field comparison that notices new fields by itself. */
final class NodeFixtures {
    private NodeFixtures() {
    }

    static Node minimal(String name) {
        Node n = new Node();
        n.setName(name);
        n.setDriver("fake-hardware");
        return n;
    }

    static Node full(String name) {
        Node n = new Node();
        n.setName(name);
        n.setInstanceUuid("7f4b9b0c-1f0e-4b8e-9a57-" + Integer.toHexString(name.hashCode() & 0xfffffff | 0x10000000) + "0000");
        n.setDriver("ipmi");
        n.setDriverInfo(Map.of("ipmi_address", "10.0.0.7", "ipmi_password", "s3cret", "ipmi_port", 623,
                "big", 10_000_000_000L, "ratio", 0.5, "verify", true,
                "nested", Map.of("list", List.of(1, "two", false))));
        n.setDriverInternalInfo(Map.of("agent_url", "http://10.0.0.7:9999"));
        n.setProperties(Map.of("cpus", 8, "memory_mb", 16384, "local_gb", 100, "capabilities", "boot_mode:uefi"));
        n.setInstanceInfo(Map.of("image_source", "http://images/x.qcow2", "root_gb", 10));
        n.setExtra(Map.of("rack", "r1"));
        n.setPowerState("power on");
        n.setTargetPowerState("power off");
        n.setProvisionState("deploying");
        n.setTargetProvisionState("active");
        n.setProvisionUpdatedAt(Instant.parse("2024-03-31T01:30:00.123456Z"));
        n.setLastError("boom".repeat(5000));
        n.setMaintenance(true);
        n.setMaintenanceReason("fan failure");
        n.setFault("power failure");
        n.setConsoleEnabled(true);
        n.setConductorAffinity("conductor-1");
        n.setConductorGroup("rack1");
        n.setCleanStep(Map.of("step", "erase_devices", "priority", 10, "interface", "deploy"));
        n.setDeployStep(Map.of("step", "write_image", "args", Map.of()));
        n.setRaidConfig(Map.of("logical_disks", List.of(Map.of("size_gb", 100, "raid_level", "1"))));
        n.setTargetRaidConfig(Map.of("logical_disks", List.of()));
        n.setResourceClass("baremetal-large");
        n.setInspectionStartedAt(Instant.parse("2024-01-01T00:00:00Z"));
        n.setInspectionFinishedAt(Instant.parse("2024-01-01T00:05:00.5Z"));
        n.setBiosInterface("no-bios");
        n.setBootInterface("ipxe");
        n.setConsoleInterface("ipmitool-socat");
        n.setDeployInterface("direct");
        n.setInspectInterface("agent");
        n.setManagementInterface("ipmitool");
        n.setNetworkInterface("flat");
        n.setPowerInterface("ipmitool");
        n.setRaidInterface("agent");
        n.setRescueInterface("agent");
        n.setStorageInterface("noop");
        n.setVendorInterface("ipmitool");
        n.setTraits(List.of("CUSTOM_GPU", "CUSTOM_B", "HW_CPU_X86_AVX2"));
        n.setAutomatedClean(Boolean.FALSE);
        n.setProtected(true);
        n.setProtectedReason("production");
        n.setOwner("project-a");
        n.setLessee("project-b");
        n.setAllocationUuid("0b5bb4a1-6b46-4f9f-9b6f-2f1d0a0c5a11");
        n.setDescription("a 100% real node_");
        n.setRetired(true);
        n.setRetiredReason("old");
        n.setNetworkData(Map.of("links", List.of(Map.of("id", "eth0"))));
        n.setBootMode("uefi");
        n.setSecureBoot(Boolean.TRUE);
        n.setShard("shard-1");
        return n;
    }

    /** Every declared field of Node equal, except the ones named. */
    static void assertSameFields(Node expected, Node actual, String... except) {
        Set<String> skip = Set.of(except);
        for (Field f : Node.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || skip.contains(f.getName())) {
                continue;
            }
            f.setAccessible(true);
            try {
                assertEquals(f.get(expected), f.get(actual), "field " + f.getName());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
