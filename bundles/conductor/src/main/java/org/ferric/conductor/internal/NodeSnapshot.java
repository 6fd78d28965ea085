package org.ferric.conductor.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.db.api.Node;
import org.ferric.db.api.Port;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerState;

/** A read-only view of the node a task works on, as drivers see it. */
final class NodeSnapshot implements NodeView {
    private final Node node;
    private final Set<String> macs;

    NodeSnapshot(Node node, List<Port> ports) {
        this.node = node;
        Set<String> addresses = new LinkedHashSet<>();
        for (Port p : ports) {
            addresses.add(p.getAddress());
        }
        this.macs = Collections.unmodifiableSet(addresses);
    }

    @Override
    public String uuid() {
        return node.getUuid();
    }

    @Override
    public String name() {
        return node.getName();
    }

    @Override
    public String driver() {
        return node.getDriver();
    }

    @Override
    public Map<String, Object> driverInfo() {
        return view(node.getDriverInfo());
    }

    @Override
    public Map<String, Object> driverInternalInfo() {
        return view(node.getDriverInternalInfo());
    }

    @Override
    public Map<String, Object> properties() {
        return view(node.getProperties());
    }

    @Override
    public Map<String, Object> instanceInfo() {
        return view(node.getInstanceInfo());
    }

    @Override
    public String provisionState() {
        return node.getProvisionState();
    }

    @Override
    public PowerState powerState() {
        return node.getPowerState() == null ? null : PowerState.fromApiName(node.getPowerState());
    }

    @Override
    public String interfaceName(InterfaceType type) {
        return NodeInterfaces.get(node, type);
    }

    @Override
    public Set<String> traits() {
        return Set.copyOf(node.getTraits());
    }

    @Override
    public Set<String> macAddresses() {
        return macs;
    }

    private static Map<String, Object> view(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
