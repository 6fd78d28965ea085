package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/** A task whose recorded results are visible to the next call, as the conductor's are. */
final class TestTask implements TaskContext {
    final String uuid;
    final Map<String, Object> driverInfo = new HashMap<>();
    final Map<String, Object> internal = new HashMap<>();
    final Map<String, Object> properties = new HashMap<>();
    final Map<String, Object> instanceInfo = new HashMap<>();
    final List<PowerState> recorded = new ArrayList<>();
    Map<String, Object> inventory;

    TestTask(String uuid) {
        this.uuid = uuid;
    }

    TestTask(Map<String, Object> driverInfo) {
        this("1be26c0b-03f2-4d2e-ae87-c02d7f33c123");
        this.driverInfo.putAll(driverInfo);
    }

    TestTask with(String key, Object value) {
        driverInfo.put(key, value);
        return this;
    }

    @Override
    public NodeView node() {
        Map<String, Object> di = Map.copyOf(driverInfo);
        Map<String, Object> in = Map.copyOf(internal);
        Map<String, Object> props = Map.copyOf(properties);
        Map<String, Object> inst = Map.copyOf(instanceInfo);
        return new NodeView() {
            public String uuid() { return uuid; }
            public String name() { return null; }
            public String driver() { return "redfish"; }
            public Map<String, Object> driverInfo() { return di; }
            public Map<String, Object> driverInternalInfo() { return in; }
            public Map<String, Object> properties() { return props; }
            public Map<String, Object> instanceInfo() { return inst; }
            public String provisionState() { return "manageable"; }
            public PowerState powerState() { return recorded.isEmpty() ? null : recorded.get(recorded.size() - 1); }
            public String interfaceName(InterfaceType type) { return null; }
            public Set<String> traits() { return Set.of(); }
            public Set<String> macAddresses() { return Set.of(); }
        };
    }

    public String lockHolder() { return "test"; }
    public boolean isSharedLock() { return false; }

    public void putDriverInternalInfo(String key, Object value) {
        if (value == null) {
            internal.remove(key);
        } else {
            internal.put(key, value);
        }
    }

    public void recordPowerState(PowerState state) { recorded.add(state); }
    public void updateProperties(Map<String, Object> p) { properties.putAll(p); }
    public void recordError(String message) { }

    @Override
    public void recordInventory(Map<String, Object> inventory) {
        this.inventory = inventory;
    }
}
