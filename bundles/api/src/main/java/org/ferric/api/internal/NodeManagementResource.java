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

/** {@code /v1/nodes/{id}/management}: boot device (+ supported), NMI (1.29), indicators (1.63, Ironic's IndicatorController). */
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

    /** Ironic's list: one entry per indicator, named {@code <indicator>@<component>}, linked under the ident as given. */
    @GET
    @Path("indicators")
    public Response indicators(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        Node node = node(ApiVersion.negotiate(versionHeader), 63);
        Links links = Links.of(uri, settings);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("indicators");
        rpc.getSupportedIndicators(node.getUuid()).forEach((component, indicators) -> indicators.forEach((name, fields) -> {
            String unique = name + "@" + component;
            ObjectNode item = list.addObject();
            item.put("name", unique);
            item.put("component", component);
            Object readonly = fields.get("readonly");
            item.put("readonly", readonly == null || Boolean.TRUE.equals(readonly));
            item.set("states", Json.toTree(fields.getOrDefault("states", java.util.List.of())));
            item.set("links", links.pair("nodes", ident + "/management/indicators/" + unique));
        }));
        return Response.ok(out).build();
    }

    @GET
    @Path("indicators/{indicator}")
    public Response indicator(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("indicator") String indicator) {
        Node node = node(ApiVersion.negotiate(versionHeader), 63);
        String[] at = IndicatorName.parse(indicator);
        return state(node, at[1], at[0]);
    }

    /** The form Ironic's API reference documents; its code routes only {@code <indicator>@<component>}. */
    @GET
    @Path("indicators/{component}/{name}")
    public Response indicatorOfComponent(@HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("component") String component, @PathParam("name") String name) {
        return state(node(ApiVersion.negotiate(versionHeader), 63), component, name);
    }

    @PUT
    @Path("indicators/{indicator}")
    public Response setIndicator(@HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("indicator") String indicator, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        String state = NodeStatesResource.string(NodeStatesResource.arguments(body, Set.of("state")), "state", true);
        Node node = node(version, 63);
        String[] at = IndicatorName.parse(indicator);
        rpc.setIndicatorState(node.getUuid(), at[1], at[0], state);
        return Response.noContent().build();
    }

    @PUT
    @Path("indicators/{component}/{name}")
    public Response setIndicatorOfComponent(@HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("component") String component, @PathParam("name") String name, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        String state = NodeStatesResource.string(NodeStatesResource.arguments(body, Set.of("state")), "state", true);
        Node node = node(version, 63);
        rpc.setIndicatorState(node.getUuid(), component, name, state);
        return Response.noContent().build();
    }

    private Response state(Node node, String component, String name) {
        ObjectNode out = Json.object();
        out.put("state", rpc.getIndicatorState(node.getUuid(), component, name));
        return Response.ok(out).build();
    }
}
