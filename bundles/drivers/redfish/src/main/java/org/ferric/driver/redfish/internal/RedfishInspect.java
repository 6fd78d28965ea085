package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ironic's {@code RedfishInspect}, out of band: CPUs, memory, disks and enabled NICs read from the
 * BMC and recorded in the agent's inventory format; the conductor turns that into the node's
 * properties and ports. Disks and NICs are optional on a BMC, CPUs and memory are not.
 */
final class RedfishInspect extends RedfishInterface implements InspectInterface {
    private static final Logger LOG = LoggerFactory.getLogger(RedfishInspect.class);
    /** Ironic's CPU_ARCH_MAP. */
    static final Map<String, String> CPU_ARCH = Map.of("x86", "x86_64", "IA-64", "ia64", "ARM", "arm", "MIPS", "mips",
            "OEM", "oem");

    RedfishInspect(Connections connections) {
        super(connections);
    }

    @Override
    public StepResult inspectHardware(TaskContext task) throws DriverException {
        RedfishSystem system = connections.system(task.node());
        JsonNode json = system.json();
        Map<String, Object> inventory = new LinkedHashMap<>();
        Map<String, Object> cpu = cpu(system, json);
        Integer memoryMb = json.path("MemorySummary").path("TotalSystemMemoryGiB").isNumber()
                ? (int) Math.round(json.path("MemorySummary").path("TotalSystemMemoryGiB").asDouble() * 1024) : null;
        List<String> missing = new ArrayList<>();
        if (cpu.get("count") == null) {
            missing.add("cpus");
        }
        if (cpu.get("architecture") == null) {
            missing.add("cpu_arch");
        }
        if (memoryMb == null || memoryMb == 0) {
            missing.add("memory_mb");
        }
        if (!missing.isEmpty()) {
            throw new DriverException("Failed to discover the following properties: " + String.join(", ", missing)
                    + " on node " + task.node().uuid());
        }
        inventory.put("cpu", cpu);
        inventory.put("memory", Map.of("physical_mb", memoryMb));
        inventory.put("disks", disks(system, json));
        inventory.put("interfaces", interfaces(system, json));
        Map<String, Object> vendor = new LinkedHashMap<>();
        putText(vendor, "manufacturer", json.path("Manufacturer"));
        putText(vendor, "product_name", json.path("Model"));
        putText(vendor, "serial_number", json.path("SerialNumber"));
        inventory.put("system_vendor", vendor);
        String mode = RedfishManagement.BOOT_MODES.entrySet().stream()
                .filter(e -> e.getValue().equals(json.path("Boot").path("BootSourceOverrideMode").asText("")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (mode != null) {
            inventory.put("boot", Map.of("current_boot_mode", mode));
            if (RedfishVirtualMediaBoot.requestedBootMode(task.node()) == null) {
                task.updateProperties(Map.of("capabilities", capabilities(task.node().properties().get("capabilities"), mode)));
            }
        }
        task.recordInventory(inventory);
        LOG.info("Inspected node {}: {} CPUs ({}), {} MiB, {} disks, {} NICs", task.node().uuid(), cpu.get("count"),
                cpu.get("architecture"), memoryMb, ((List<?>) inventory.get("disks")).size(),
                ((List<?>) inventory.get("interfaces")).size());
        return StepResult.DONE;
    }

    /** Logical CPUs as sushy counts them (TotalThreads of every processor), else the summary's counts. */
    private Map<String, Object> cpu(RedfishSystem system, JsonNode json) throws DriverException {
        Integer count = null;
        String arch = null;
        String processors = RedfishSystem.link(json, "Processors");
        if (processors != null) {
            for (String path : optionalMembers(system, processors)) {
                JsonNode p = system.client.get(path);
                if (!p.path("ProcessorType").asText("CPU").equals("CPU")) {
                    continue;
                }
                if (p.path("TotalThreads").isNumber()) {
                    count = (count == null ? 0 : count) + p.path("TotalThreads").asInt();
                }
                if (arch == null && p.hasNonNull("ProcessorArchitecture")) {
                    arch = CPU_ARCH.get(p.path("ProcessorArchitecture").asText());
                }
            }
        }
        JsonNode summary = json.path("ProcessorSummary");
        if (count == null && summary.path("LogicalProcessorCount").isNumber()) {
            count = summary.path("LogicalProcessorCount").asInt();
        }
        if (count == null && summary.path("Count").isNumber()) {
            count = summary.path("Count").asInt();
        }
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("count", count);
        cpu.put("architecture", arch);
        return cpu;
    }

    /** Storage drives if the BMC has them, else SimpleStorage devices: the same disks are often in both. */
    private List<Map<String, Object>> disks(RedfishSystem system, JsonNode json) throws DriverException {
        List<Map<String, Object>> disks = new ArrayList<>();
        String storage = RedfishSystem.link(json, "Storage");
        if (storage != null) {
            for (String controller : optionalMembers(system, storage)) {
                for (JsonNode link : system.client.get(controller).path("Drives")) {
                    JsonNode drive = system.client.get(link.path("@odata.id").asText());
                    if (drive.path("CapacityBytes").isNumber()) {
                        disks.add(disk(drive.path("Name").asText(drive.path("Id").asText()), drive.path("CapacityBytes").asLong()));
                    }
                }
            }
        }
        String simple = RedfishSystem.link(json, "SimpleStorage");
        if (disks.isEmpty() && simple != null) {
            for (String controller : optionalMembers(system, simple)) {
                for (JsonNode device : system.client.get(controller).path("Devices")) {
                    if (device.path("CapacityBytes").isNumber()) {
                        disks.add(disk(device.path("Name").asText(), device.path("CapacityBytes").asLong()));
                    }
                }
            }
        }
        return disks;
    }

    private static Map<String, Object> disk(String name, long size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("size", size);
        return d;
    }

    /** Enabled NICs with a MAC, as Ironic's get_enabled_macs. */
    private List<Map<String, Object>> interfaces(RedfishSystem system, JsonNode json) throws DriverException {
        List<Map<String, Object>> nics = new ArrayList<>();
        String collection = RedfishSystem.link(json, "EthernetInterfaces");
        if (collection == null) {
            return nics;
        }
        for (String path : optionalMembers(system, collection)) {
            JsonNode nic = system.client.get(path);
            String mac = nic.path("MACAddress").asText(nic.path("PermanentMACAddress").asText(""));
            String state = nic.path("Status").path("State").asText("Enabled");
            if (mac.isBlank() || !"Enabled".equals(state)) {
                continue;
            }
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", nic.path("Id").asText(path.substring(path.lastIndexOf('/') + 1)));
            n.put("mac_address", mac.toLowerCase(Locale.ROOT));
            nics.add(n);
        }
        return nics;
    }

    /** A collection the BMC may not implement: a 404 there means none, as Ironic treats it. */
    private static List<String> optionalMembers(RedfishSystem system, String path) throws DriverException {
        RedfishClient.Response r = system.client.exchange("GET", path, null, null);
        if (r.status() == 404) {
            LOG.debug("No {} on the BMC of node {}", path, system.nodeUuid);
            return List.of();
        }
        return RedfishSystem.members(system.client.check("GET", path, r).body());
    }

    private static void putText(Map<String, Object> map, String key, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            map.put(key, value.asText());
        }
    }

    /** Adds boot_mode to Ironic's "key:value,key:value" capabilities string (or map). */
    static Object capabilities(Object existing, String mode) {
        if (existing instanceof Map<?, ?> map) {
            Map<Object, Object> m = new LinkedHashMap<>(map);
            m.putIfAbsent("boot_mode", mode);
            return m;
        }
        String s = existing == null ? "" : existing.toString().strip();
        return s.isEmpty() ? "boot_mode:" + mode : s + ",boot_mode:" + mode;
    }
}
