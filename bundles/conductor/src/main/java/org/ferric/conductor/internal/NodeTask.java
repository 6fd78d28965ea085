package org.ferric.conductor.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.Node;
import org.ferric.db.api.Port;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/**
 * One piece of work on one node under its lock: the node being changed, its driver, and what the
 * driver records. The node is written back by {@link TaskManager} when the task ends.
 */
final class NodeTask implements TaskContext {
    private final Node node;
    private final List<Port> ports;
    private final HardwareType driver;
    private final String lockHolder;
    private final boolean shared;
    private Map<String, Object> inventory;

    NodeTask(Node node, List<Port> ports, HardwareType driver, String lockHolder, boolean shared) {
        this.node = node;
        this.ports = ports;
        this.driver = driver;
        this.lockHolder = lockHolder;
        this.shared = shared;
    }

    /** The node as it will be saved: the conductor changes it directly. */
    Node editable() {
        return node;
    }

    HardwareType driver() {
        return driver;
    }

    List<Port> ports() {
        return ports;
    }

    /** The node's chosen implementation of an interface type, or null if the driver has none of that name. */
    @SuppressWarnings("unchecked")
    <T extends DriverInterface> T iface(InterfaceType type) {
        String chosen = NodeInterfaces.get(node, type);
        for (DriverInterface i : driver.interfaces(type)) {
            if (i.name().equals(chosen)) {
                return (T) i;
            }
        }
        return null;
    }

    @Override
    public NodeView node() {
        return new NodeSnapshot(node, ports);
    }

    @Override
    public String lockHolder() {
        return lockHolder;
    }

    @Override
    public boolean isSharedLock() {
        return shared;
    }

    @Override
    public void putDriverInternalInfo(String key, Object value) {
        requireExclusive();
        Map<String, Object> info = node.getDriverInternalInfo();
        if (value == null) {
            info.remove(key);
        } else {
            info.put(key, value);
        }
    }

    @Override
    public void recordPowerState(PowerState state) {
        requireExclusive();
        String name = state == null ? null : state.apiName();
        if (name != null && !name.equals(node.getPowerState())) {
            // Ironic keeps when the power state last changed; clients (and the samples) see it.
            node.getDriverInternalInfo().put("last_power_state_change", Timestamps.ironicNaive(Instant.now()));
        }
        node.setPowerState(name);
    }

    @Override
    public void updateProperties(Map<String, Object> properties) {
        requireExclusive();
        node.getProperties().putAll(properties);
    }

    @Override
    public void recordError(String message) {
        requireExclusive();
        node.setLastError(message);
    }

    @Override
    public void recordInventory(Map<String, Object> inventory) {
        requireExclusive();
        this.inventory = inventory == null ? null : new java.util.LinkedHashMap<>(inventory);
    }

    /** What inspection recorded, or null. */
    Map<String, Object> inventory() {
        return inventory;
    }

    private void requireExclusive() {
        if (shared) {
            throw new IllegalStateException("A task under a shared lock cannot change node " + node.getUuid());
        }
    }
}
