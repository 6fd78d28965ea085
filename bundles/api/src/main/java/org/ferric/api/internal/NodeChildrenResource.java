package org.ferric.api.internal;

import java.util.Map;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.StoredObject;

/**
 * A node's sub-collections beyond ports: {@code portgroups} (1.24), {@code volume} with its
 * {@code connectors} and {@code targets} (1.32) and its {@code allocation} (1.52).
 */
public class NodeChildrenResource extends NodeSubresource {
    private final String part;

    NodeChildrenResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident, String part) {
        super(db, rpc, settings, ident);
        this.part = part;
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Links links = Links.of(uri, settings);
        switch (part) {
            case "portgroups": {
                Node node = node(version, 24);
                return Response.ok(new ObjectApi(ObjectType.PORTGROUP, db, settings).list(uri, version, false,
                        Map.of("node_uuid", node.getUuid()), "nodes/" + ident + "/portgroups")).build();
            }
            case "allocation": {
                Node node = node(version, 52);
                StoredObject a = db.findObject(ObjectKind.ALLOCATION, "node_uuid", node.getUuid())
                        .orElseThrow(() -> ApiError.notFound("Allocation for node " + node.getUuid() + " could not be found."));
                return Response.ok(new ObjectApi(ObjectType.ALLOCATION, db, settings).render(a, version, links, null)).build();
            }
            default: {
                Node node = node(version, 32);
                ObjectNode out = Json.object();
                out.set("connectors", links.pair("nodes", node.getUuid() + "/volume/connectors"));
                out.set("targets", links.pair("nodes", node.getUuid() + "/volume/targets"));
                out.set("links", links.pair("nodes", node.getUuid() + "/volume/"));
                return Response.ok(out).build();
            }
        }
    }

    @GET
    @Path("{kind: connectors|targets}")
    public Response volume(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("kind") String kind) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        if (!"volume".equals(part)) {
            throw ApiError.notFound("The resource could not be found.");
        }
        Node node = node(version, 32);
        ObjectType type = "connectors".equals(kind) ? ObjectType.VOLUME_CONNECTOR : ObjectType.VOLUME_TARGET;
        return Response.ok(new ObjectApi(type, db, settings).list(uri, version, false, Map.of("node_uuid", node.getUuid()),
                "nodes/" + ident + "/volume/" + kind)).build();
    }
}
