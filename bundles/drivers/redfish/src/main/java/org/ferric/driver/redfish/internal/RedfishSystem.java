package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.List;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A node's ComputerSystem on its BMC, and the resources linked from it. */
final class RedfishSystem {
    final RedfishClient client;
    final String path;
    final String nodeUuid;

    private RedfishSystem(RedfishClient client, String path, String nodeUuid) {
        this.client = client;
        this.path = path;
        this.nodeUuid = nodeUuid;
    }

    /** {@code redfish_system_id}, or the BMC's only System, as Ironic picks it. */
    static RedfishSystem resolve(RedfishClient client, DriverInfo info) throws DriverException {
        if (info.systemId() != null) {
            return new RedfishSystem(client, info.systemId(), info.uuid());
        }
        String collection = client.root().path("Systems").path("@odata.id").asText(info.rootPath() + "Systems");
        List<String> members = members(client.get(collection));
        if (members.size() != 1) {
            throw new InvalidParameterException("The Redfish BMC at " + client.address() + " manages " + members.size()
                    + " systems " + members + "; set driver_info/redfish_system_id of node " + info.uuid()
                    + " to the one to use.");
        }
        return new RedfishSystem(client, members.get(0), info.uuid());
    }

    static List<String> members(JsonNode collection) {
        List<String> paths = new ArrayList<>();
        for (JsonNode m : collection.path("Members")) {
            String p = m.path("@odata.id").asText("");
            if (!p.isBlank()) {
                paths.add(p.replaceAll("/+$", ""));
            }
        }
        return paths;
    }

    JsonNode json() throws DriverException {
        return client.get(path);
    }

    RedfishClient.Response fetch() throws DriverException {
        return client.fetch(path);
    }

    /** The path a link of the System points to, or null. */
    static String link(JsonNode resource, String name) {
        String p = resource.path(name).path("@odata.id").asText("");
        return p.isBlank() ? null : p;
    }

    /** POSTs ComputerSystem.Reset; waits for a task if the BMC answers with one. */
    void reset(String type) throws DriverException {
        JsonNode system = json();
        String target = system.path("Actions").path("#ComputerSystem.Reset").path("target").asText(path + "/Actions/ComputerSystem.Reset");
        JsonNode allowed = system.path("Actions").path("#ComputerSystem.Reset").path("ResetType@Redfish.AllowableValues");
        if (allowed.isArray() && allowed.size() > 0) {
            boolean ok = false;
            for (JsonNode a : allowed) {
                ok |= type.equals(a.asText());
            }
            if (!ok) {
                throw new DriverException("The Redfish BMC at " + client.address() + " does not offer reset type " + type
                        + " for " + path + "; it offers " + allowed);
            }
        }
        ObjectNode body = RedfishClient.JSON.createObjectNode().put("ResetType", type);
        client.awaitTask(client.post(target, body), "Reset " + type + " of " + path);
    }
}
