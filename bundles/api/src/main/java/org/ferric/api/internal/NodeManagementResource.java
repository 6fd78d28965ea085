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

/** {@code /v1/nodes/{id}/management}: boot device (+ supported), NMI (1.29), indicators (1.63). */
public class NodeManagementResource extends NodeSubresource {
    NodeManagementResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident) {
        super(db, rpc, settings, ident);
    }

    @GET
    @Path("boot_device")
    public Response bootDevice(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = node(ApiVersion.negotiate(versionHeader), 1);
        return Response.ok(Json.toTree(rpc.getBootDevice(node.getUuid()))).build();
    }

    @PUT
    @Path("boot_device")
    public Response setBootDevice(@HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        ObjectNode args = NodeStatesResource.arguments(body, Set.of("boot_device", "persistent"));
        String device = NodeStatesResource.string(args, "boot_device", true);
        JsonNode persistent = args.get("persistent");
        boolean p = persistent != null && !persistent.isNull()
                && (persistent.isBoolean() ? persistent.booleanValue() : Args.bool("persistent", persistent.asText()));
        Node node = node(version, 1);
        rpc.setBootDevice(node.getUuid(), device, p);
        return Response.noContent().build();
    }

    @GET
    @Path("boot_device/supported")
    public Response supported(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = node(ApiVersion.negotiate(versionHeader), 1);
        ObjectNode out = Json.object();
        ArrayNode devices = out.putArray("supported_boot_devices");
        rpc.getSupportedBootDevices(node.getUuid()).forEach(devices::add);
        return Response.ok(out).build();
    }

    @PUT
    @Path("inject_nmi")
    public Response injectNmi(@HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        if (body != null && !body.isBlank()) {
            NodeStatesResource.arguments(body, Set.of());
        }
        Node node = node(version, 29);
        rpc.injectNmi(node.getUuid());
        return Response.noContent().build();
    }

    /** No Ferric management interface reports indicators yet: the list is empty, as Ironic's for such drivers. */
    @GET
    @Path("indicators")
    public Response indicators(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        node(ApiVersion.negotiate(versionHeader), 63);
        ObjectNode out = Json.object();
        out.putArray("indicators");
        return Response.ok(out).build();
    }

    @GET
    @Path("indicators/{indicator}")
    public Response indicator(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("indicator") String indicator) {
        node(ApiVersion.negotiate(versionHeader), 63);
        throw ApiError.notFound("Indicator " + indicator + " could not be found.");
    }
}
