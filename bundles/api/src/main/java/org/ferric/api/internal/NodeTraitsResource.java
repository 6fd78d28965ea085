package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

/** {@code /v1/nodes/{id}/traits} (1.37): list, replace all, add one, remove one, remove all. */
public class NodeTraitsResource extends NodeSubresource {
    NodeTraitsResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident) {
        super(db, rpc, settings, ident);
    }

    @GET
    public Response list(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = node(ApiVersion.negotiate(versionHeader), 37);
        ObjectNode out = Json.object();
        ArrayNode traits = out.putArray("traits");
        node.getTraits().forEach(traits::add);
        return Response.ok(out).build();
    }

    @PUT
    public Response replace(@HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Node node = node(version, 37);
        JsonNode traits = NodeStatesResource.arguments(body, Set.of("traits")).get("traits");
        if (traits == null) {
            throw ApiError.badRequest("Missing mandatory parameter: traits");
        }
        List<String> checked = Traits.checkAll(Json.toJava(traits), "traits");
        if (new TreeSet<>(checked).size() > Traits.MAX_PER_NODE) {
            throw ApiError.badRequest("Could not add traits to node " + node.getUuid() + " because it would exceed the "
                    + "maximum of " + Traits.MAX_PER_NODE + " traits.");
        }
        rpc.setTraits(node.getUuid(), new ArrayList<>(checked));
        return Response.noContent().build();
    }

    @PUT
    @Path("{trait}")
    public Response add(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("trait") String trait) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Node node = node(version, 37);
        Traits.check(trait);
        if (!node.getTraits().contains(trait) && node.getTraits().size() >= Traits.MAX_PER_NODE) {
            throw ApiError.badRequest("Could not add trait " + trait + " to node " + node.getUuid() + " because it would exceed "
                    + "the maximum of " + Traits.MAX_PER_NODE + " traits.");
        }
        rpc.addTrait(node.getUuid(), trait);
        return Response.noContent().header("Location", Links.of(uri, settings).url("nodes", ident + "/traits/" + trait)).build();
    }

    @DELETE
    public Response removeAll(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = node(ApiVersion.negotiate(versionHeader), 37);
        rpc.setTraits(node.getUuid(), List.of());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{trait}")
    public Response remove(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("trait") String trait) {
        Node node = node(ApiVersion.negotiate(versionHeader), 37);
        rpc.removeTrait(node.getUuid(), trait);
        return Response.noContent().build();
    }
}
