package org.ferric.driver.redfish.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.NodeView;

/**
 * The open BMC connections, one per address and credentials, as Ironic's {@code SessionCache}:
 * nodes behind one BMC share its session instead of each opening their own.
 */
final class Connections implements AutoCloseable {
    private final RedfishSettings settings;
    private final Map<String, RedfishClient> clients = new ConcurrentHashMap<>();

    Connections(RedfishSettings settings) {
        this.settings = settings;
    }

    RedfishSettings settings() {
        return settings;
    }

    DriverInfo info(NodeView node) throws DriverException {
        return DriverInfo.parse(node, settings.authType());
    }

    RedfishClient client(DriverInfo info) throws DriverException {
        RedfishClient c = clients.get(info.connectionKey());
        if (c == null) {
            RedfishClient created = new RedfishClient(info, settings);
            c = clients.putIfAbsent(info.connectionKey(), created);
            if (c == null) {
                c = created;
            }
        }
        return c;
    }

    /** The node's System on its BMC. */
    RedfishSystem system(NodeView node) throws DriverException {
        DriverInfo info = info(node);
        return RedfishSystem.resolve(client(info), info);
    }

    @Override
    public void close() {
        clients.values().forEach(RedfishClient::close);
        clients.clear();
    }
}
