package org.ferric.api.internal;

import java.util.Map;
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

/** {@code /v1/nodes/{id}/vifs} (1.28): VIFs through the node's network interface. */
public class NodeVifsResource extends NodeSubresource {
    NodeVifsResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident) {
        super(db, rpc, settings, ident);
    }

    @GET
    public Response list(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = node(ApiVersion.negotiate(versionHeader), 28);
        ObjectNode out = Json.object();
        ArrayNode vifs = out.putArray("vifs");
        rpc.vifList(node.getUuid()).forEach(id -> vifs.addObject().put("id", id));
        return Response.ok(out).build();
    }

    @POST
    public Response attach(@HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Node node = node(version, 28);
        ObjectNode args = NodeStatesResource.arguments(body, Set.of("id", "port_uuid", "portgroup_uuid"));
        String id = NodeStatesResource.string(args, "id", true);
        if ((args.has("port_uuid") || args.has("portgroup_uuid")) && !version.atLeast(67)) {
            throw ApiError.notAcceptable();
        }
        if (args.has("port_uuid") && args.has("portgroup_uuid")) {
            throw ApiError.badRequest("Cannot specify both port_uuid and portgroup_uuid");
        }
        Map<String, Object> info = Json.toMap(args);
        rpc.vifAttach(node.getUuid(), id, info);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{vif_id}")
    public Response detach(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("vif_id") String vifId) {
        Node node = node(ApiVersion.negotiate(versionHeader), 28);
        rpc.vifDetach(node.getUuid(), vifId);
        return Response.noContent().build();
    }
}
