package org.ferric.driver.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/**
 * A task for unit tests of driver interfaces: what the driver records is visible to its next call,
 * as the conductor's tasks make it, and to the test through the public fields.
 */
public final class TestTask implements TaskContext {
    public static final String DEFAULT_UUID = "1be26c0b-03f2-4d2e-ae87-c02d7f33c123";

    public final String uuid;
    public final String driver;
    public final Map<String, Object> driverInfo = new HashMap<>();
    public final Map<String, Object> internal = new HashMap<>();
    public final Map<String, Object> properties = new HashMap<>();
    public final Map<String, Object> instanceInfo = new HashMap<>();
    /** Every power state recorded, in order; the last is the node's. */
    public final List<PowerState> recorded = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    /** What inspection recorded, or null. */
    public Map<String, Object> inventory;

    public TestTask(String driver, Map<String, Object> driverInfo) {
        this.uuid = DEFAULT_UUID;
        this.driver = driver;
        this.driverInfo.putAll(driverInfo);
    }

    /** Adds a {@code driver_info} key. */
    public TestTask with(String key, Object value) {
        driverInfo.put(key, value);
        return this;
    }

    @Override
    public NodeView node() {
        Map<String, Object> di = Map.copyOf(driverInfo);
        Map<String, Object> in = Map.copyOf(internal);
        Map<String, Object> props = Map.copyOf(properties);
        Map<String, Object> inst = Map.copyOf(instanceInfo);
        PowerState power = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
        return new NodeView() {
            @Override
            public String uuid() {
                return uuid;
            }

            @Override
            public String name() {
                return null;
            }

            @Override
            public String driver() {
                return driver;
            }

            @Override
            public Map<String, Object> driverInfo() {
                return di;
            }

            @Override
            public Map<String, Object> driverInternalInfo() {
                return in;
            }

            @Override
            public Map<String, Object> properties() {
                return props;
            }

            @Override
            public Map<String, Object> instanceInfo() {
                return inst;
            }

            @Override
            public String provisionState() {
                return "manageable";
            }

            @Override
            public PowerState powerState() {
                return power;
            }

            @Override
            public String interfaceName(InterfaceType type) {
                return null;
            }

            @Override
            public Set<String> traits() {
                return Set.of();
            }

            @Override
            public Set<String> macAddresses() {
                return Set.of();
            }
        };
    }

    @Override
    public String lockHolder() {
        return "test";
    }

    @Override
    public boolean isSharedLock() {
        return false;
    }

    @Override
    public void putDriverInternalInfo(String key, Object value) {
        if (value == null) {
            internal.remove(key);
        } else {
            internal.put(key, value);
        }
    }

    @Override
    public void recordPowerState(PowerState state) {
        recorded.add(state);
    }

    @Override
    public void updateProperties(Map<String, Object> p) {
        properties.putAll(p);
    }

    @Override
    public void recordError(String message) {
        errors.add(message);
    }

    @Override
    public void recordInventory(Map<String, Object> inventory) {
        this.inventory = inventory;
    }
}
