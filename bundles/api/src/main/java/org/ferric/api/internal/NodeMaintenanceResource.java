package org.ferric.api.internal;

import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/nodes/{id}/maintenance}: PUT (with an optional reason) and DELETE, both 202. */
public class NodeMaintenanceResource extends NodeSubresource {
    NodeMaintenanceResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident) {
        super(db, rpc, settings, ident);
    }

    @PUT
    public Response set(@HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        String reason = null;
        if (body != null && !body.isBlank()) {
            reason = NodeStatesResource.string(NodeStatesResource.arguments(body, Set.of("reason")), "reason", false);
        }
        Node node = NodeLookup.find(db, ident, version);
        rpc.setMaintenance(node.getUuid(), true, reason);
        return Response.status(202).build();
    }

    @DELETE
    public Response unset(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = NodeLookup.find(db, ident, ApiVersion.negotiate(versionHeader));
        rpc.setMaintenance(node.getUuid(), false, null);
        return Response.status(202).build();
    }
}
