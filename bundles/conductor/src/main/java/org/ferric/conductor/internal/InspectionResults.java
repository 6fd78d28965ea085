package org.ferric.conductor.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.Port;
import org.ferric.db.api.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what inspection found into node data, as Ironic's inspection hooks do: the inventory is
 * stored, {@code cpus}/{@code memory_mb}/{@code local_gb}/{@code cpu_arch} are set from it, and a
 * port is created for every NIC whose MAC address is not known yet.
 */
final class InspectionResults {
    private static final Logger LOG = LoggerFactory.getLogger(InspectionResults.class);
    private static final long GIB = 1024L * 1024 * 1024;
    /** Ironic skips disks smaller than this when it picks the root disk. */
    private static final long MIN_ROOT_DISK = 4 * GIB;

    private final DbApi db;

    InspectionResults(DbApi db) {
        this.db = db;
    }

    /** Applies the task's recorded inventory, if any. Runs under the node's lock. */
    void apply(NodeTask task) {
        Map<String, Object> inventory = task.inventory();
        if (inventory == null) {
            return;
        }
        Node node = task.editable();
        node.getProperties().putAll(properties(inventory));
        store(node.getUuid(), inventory);
        createPorts(node.getUuid(), inventory);
    }

    /** The scheduling properties Ironic derives from an inventory. */
    static Map<String, Object> properties(Map<String, Object> inventory) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (inventory.get("cpu") instanceof Map<?, ?> cpu) {
            putNumber(props, "cpus", cpu.get("count"));
            if (cpu.get("architecture") != null) {
                props.put("cpu_arch", cpu.get("architecture").toString());
            }
        }
        if (inventory.get("memory") instanceof Map<?, ?> memory) {
            putNumber(props, "memory_mb", memory.get("physical_mb"));
        }
        Long root = null;
        if (inventory.get("disks") instanceof List<?> disks) {
            for (Object d : disks) {
                if (d instanceof Map<?, ?> disk && disk.get("size") instanceof Number size && size.longValue() >= MIN_ROOT_DISK
                        && (root == null || size.longValue() < root)) {
                    root = size.longValue();
                }
            }
        }
        if (root != null) {
            // One GiB is left for the partition table, as Ironic does.
            props.put("local_gb", root / GIB - 1);
        }
        return props;
    }

    private static void putNumber(Map<String, Object> props, String key, Object value) {
        if (value instanceof Number n) {
            props.put(key, n.longValue() <= Integer.MAX_VALUE ? (Object) n.intValue() : (Object) n.longValue());
        }
    }

    private void store(String nodeUuid, Map<String, Object> inventory) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("node_uuid", nodeUuid);
        fields.put("inventory_data", inventory);
        fields.put("plugin_data", Map.of());
        StoredObject existing = db.findObject(ObjectKind.NODE_INVENTORY, "node_uuid", nodeUuid).orElse(null);
        if (existing == null) {
            db.createObject(ObjectKind.NODE_INVENTORY, fields);
        } else {
            db.updateObject(existing.with("inventory_data", inventory));
        }
    }

    private void createPorts(String nodeUuid, Map<String, Object> inventory) {
        if (!(inventory.get("interfaces") instanceof List<?> interfaces)) {
            return;
        }
        for (Object i : interfaces) {
            if (!(i instanceof Map<?, ?> nic) || nic.get("mac_address") == null) {
                continue;
            }
            String mac = nic.get("mac_address").toString().toLowerCase(Locale.ROOT);
            Port known = db.getPortByAddress(mac).orElse(null);
            if (known != null) {
                if (!nodeUuid.equals(known.getNodeUuid())) {
                    LOG.warn("Inspection of node {} found MAC {} which belongs to a port of node {}; not adding it",
                            nodeUuid, mac, known.getNodeUuid());
                }
                continue;
            }
            Port port = new Port();
            port.setUuid(java.util.UUID.randomUUID().toString());
            port.setNodeUuid(nodeUuid);
            port.setAddress(mac);
            port.setPxeEnabled(true);
            if (nic.get("name") != null) {
                port.getExtra().put("interface_name", nic.get("name").toString());
            }
            db.createPort(port);
        }
    }
}
