package org.ferric.api.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.ferric.db.api.NodeHistory;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.StoredObject;

/**
 * What is recorded about a node: {@code bios} (1.40, details 1.74), {@code history} (1.78) and
 * {@code inventory} (1.81). One class, because each is a plain read of a stored record.
 */
public class NodeRecordsResource extends NodeSubresource {
    private static final List<String> BIOS_DETAIL = List.of("attribute_type", "allowable_values", "lower_bound",
            "max_length", "min_length", "read_only", "reset_required", "unique", "upper_bound");
    private final String part;

    NodeRecordsResource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident, String part) {
        super(db, rpc, settings, ident);
        this.part = part;
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Links links = Links.of(uri, settings);
        return switch (part) {
            case "bios" -> bios(uri, version, links);
            case "history" -> history(uri, version, links);
            default -> inventory(version);
        };
    }

    @GET
    @Path("{item}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("item") String item) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Links links = Links.of(uri, settings);
        if ("bios".equals(part)) {
            Node node = node(version, 40);
            StoredObject s = db.listObjects(ObjectQuery.all(ObjectKind.BIOS_SETTING,
                    Map.of("node_uuid", node.getUuid(), "name", item), 1)).stream().findFirst()
                    .orElseThrow(() -> ApiError.notFound("Node " + node.getUuid() + " doesn't have BIOS setting '" + item + "'"));
            ObjectNode out = Json.object();
            out.set(item, setting(s, node, version, links, true));
            return Response.ok(out).build();
        }
        if ("history".equals(part)) {
            Node node = node(version, 78);
            NodeHistory h = db.getNodeHistory(node.getUuid(), item)
                    .orElseThrow(() -> ApiError.notFound("Node history record " + item + " could not be found."));
            return Response.ok(event(h, node, links, true)).build();
        }
        throw ApiError.notFound("The resource could not be found.");
    }

    private Response bios(UriInfo uri, ApiVersion version, Links links) {
        Node node = node(version, 40);
        Set<String> accepted = version.atLeast(74) ? Set.of("detail", "fields") : Set.of();
        NodesResource.rejectUnexpected(uri.getQueryParameters(), accepted);
        boolean detail = Boolean.TRUE.equals(Args.bool("detail", uri.getQueryParameters().getFirst("detail")));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("bios");
        for (StoredObject s : db.listObjects(ObjectQuery.all(ObjectKind.BIOS_SETTING, Map.of("node_uuid", node.getUuid()), 100_000))) {
            items.add(setting(s, node, version, links, detail));
        }
        return Response.ok(out).build();
    }

    private static ObjectNode setting(StoredObject s, Node node, ApiVersion version, Links links, boolean detail) {
        ObjectNode o = Json.object();
        o.put("created_at", IsoTime.format(s.createdAt()));
        o.put("updated_at", IsoTime.format((java.time.Instant) s.get("updated_at")));
        o.put("name", s.string("name"));
        o.put("value", s.string("value"));
        if (detail && version.atLeast(74)) {
            for (String f : BIOS_DETAIL) {
                o.set(f, Json.toTree(s.get(f)));
            }
        }
        o.set("links", links.pair("nodes", node.getUuid() + "/bios/" + s.string("name")));
        return o;
    }

    private Response history(UriInfo uri, ApiVersion version, Links links) {
        Node node = node(version, 78);
        NodesResource.rejectUnexpected(uri.getQueryParameters(), Set.of("detail", "marker", "limit"));
        boolean detail = Boolean.TRUE.equals(Args.bool("detail", uri.getQueryParameters().getFirst("detail")));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("history");
        for (NodeHistory h : db.listNodeHistory(node.getUuid())) {
            items.add(event(h, node, links, detail));
        }
        return Response.ok(out).build();
    }

    private static ObjectNode event(NodeHistory h, Node node, Links links, boolean detail) {
        ObjectNode o = Json.object();
        o.put("uuid", h.uuid());
        o.put("created_at", IsoTime.format(h.createdAt()));
        o.put("severity", h.severity());
        o.put("event", h.event());
        if (detail) {
            o.put("conductor", h.conductor());
            o.put("user", h.user());
            o.put("event_type", h.eventType());
        }
        o.set("links", links.pair("nodes", node.getUuid() + "/history/" + h.uuid()));
        return o;
    }

    private Response inventory(ApiVersion version) {
        Node node = node(version, 81);
        StoredObject inv = db.findObject(ObjectKind.NODE_INVENTORY, "node_uuid", node.getUuid())
                .orElseThrow(() -> ApiError.notFound("Node inventory for node " + node.getUuid() + " could not be found."));
        ObjectNode out = Json.object();
        out.set("inventory", Json.toTree(inv.get("inventory_data") == null ? Map.of() : inv.get("inventory_data")));
        out.set("plugin_data", Json.toTree(inv.get("plugin_data") == null ? Map.of() : inv.get("plugin_data")));
        return Response.ok(out).build();
    }
}
