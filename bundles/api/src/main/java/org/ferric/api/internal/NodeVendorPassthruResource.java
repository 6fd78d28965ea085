package org.ferric.api.internal;

import javax.ws.rs.HttpMethod;


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

/** {@code /v1/nodes/{id}/vendor_passthru}: relayed untouched to the node's vendor interface, any verb. */
public class NodeVendorPassthruResource extends NodeSubresource {
    NodeVendorPassthruResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident) {
        super(db, rpc, settings, ident);
    }

    @GET
    @Path("methods")
    public Response methods(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = NodeLookup.find(db, ident, ApiVersion.negotiate(versionHeader));
        return Response.ok(Json.toTree(rpc.vendorPassthruMethods(node.getUuid()))).build();
    }

    @GET
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v) {
        return call(uri, v, HttpMethod.GET, null);
    }

    @POST
    public Response post(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, String body) {
        return call(uri, v, HttpMethod.POST, body);
    }

    @PUT
    public Response put(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, String body) {
        return call(uri, v, HttpMethod.PUT, body);
    }

    @PATCH
    public Response patch(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, String body) {
        return call(uri, v, "PATCH", body);
    }

    @DELETE
    public Response delete(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, String body) {
        return call(uri, v, HttpMethod.DELETE, body);
    }

    private Response call(UriInfo uri, String versionHeader, String verb, String body) {
        Node node = NodeLookup.find(db, ident, ApiVersion.negotiate(versionHeader));
        String method = VendorPassthruCall.method(uri.getQueryParameters());
        return VendorPassthruCall.answer(rpc.vendorPassthru(node.getUuid(), method, verb, VendorPassthruCall.data(body)));
    }
}
