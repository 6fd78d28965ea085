package org.ferric.api.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/nodes} in three steps, shared by {@link NodesResource#create} and
 * {@link NodeCreateFilter} so that both check, create and answer alike: {@link #prepare} changes
 * nothing and refuses a bad request, {@link #create} is the one step with an effect.
 */
final class NodeCreation {
    private NodeCreation() {
    }

    /** The node a create body asks for, checked as Ironic checks it. Changes nothing; throws {@link ApiError}. */
    static Node prepare(DbApi db, ApiVersion version, String body) {
        JsonNode doc = Json.parseBody(body);
        Map<String, Object> values = NodeBody.validate(NodeBody.CREATE, NodesResource.objectOrFail(doc, "node"));
        NodeBody.rejectNewerFields((ObjectNode) doc, version);
        if (values.get("uuid") == null) {
            values.put("uuid", UUID.randomUUID().toString());
        }
        if (values.get("conductor_group") == null || "".equals(values.get("conductor_group"))) {
            values.put("conductor_group", "");
        }
        if (values.get("name") != null) {
            NodeBody.checkNames(List.of((String) values.get("name")), version, "Cannot create node with invalid name ");
        }
        Node node = new Node();
        NodeBody.applyTo(node, values);
        node.setProvisionState(version.atLeast(11) ? "enroll" : "available");
        checkChassis(db, node.getChassisUuid());
        return node;
    }

    /** Creates the node through the conductor; a UUID or name already taken is Ironic's 409. */
    static Node create(ConductorRpc rpc, Node node) {
        try {
            return rpc.createNode(node);
        } catch (DuplicateEntryException e) {
            throw ApiError.conflict(Conflicts.forNode(e, node.getUuid()));
        }
    }

    /** The body of the 201 answer. */
    static ObjectNode render(ConductorRpc rpc, ApiVersion version, Links links, Node created) {
        return new NodeRenderer(version, links, NodeLookup.conductorOf(rpc)).wholeSeconds().render(created, null);
    }

    /** A chassis the node names must exist; also checked when a PATCH changes it ({@link NodesResource}). */
    static void checkChassis(DbApi db, String chassisUuid) {
        if (chassisUuid != null && db.getChassisByUuid(chassisUuid).isEmpty()) {
            throw ApiError.badRequest("Chassis " + chassisUuid + " could not be found.");
        }
    }
}
