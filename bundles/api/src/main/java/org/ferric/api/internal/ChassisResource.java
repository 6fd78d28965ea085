package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferric.db.api.Chassis;
import org.ferric.db.api.NotFoundException;

/** {@code /v1/chassis}: Ironic's ChassisController (description + extra, and a nodes sub-collection). */
@Component(service = ChassisResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Produces(MediaType.APPLICATION_JSON)
@Path("v1/chassis")
public class ChassisResource {
    private static final Schema SCHEMA = new Schema("chassis", Map.of("description", Schema.Property.of(Schema.Type.STRING,
            Schema.Type.NULL).maxLength(255), "extra", Schema.Property.of(Schema.Type.OBJECT, Schema.Type.NULL),
            "uuid", Schema.Property.of(Schema.Type.STRING, Schema.Type.NULL)), List.of());
    private static final Map<String, String> SORT = Map.of("id", "id", "uuid", "uuid", "description", "description",
            "created_at", "createdAt", "updated_at", "updatedAt");
    private static final List<String> FIELDS = List.of("uuid", "created_at", "updated_at", "description", "extra", "links", "nodes");

    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public ChassisResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v) {
        return list(uri, ApiVersion.negotiate(v), false);
    }

    @GET
    @Path("detail")
    public Response detail(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v) {
        return list(uri, ApiVersion.negotiate(v), true);
    }

    private Response list(UriInfo uri, ApiVersion version, boolean detailPath) {
        var q = uri.getQueryParameters();
        NodesResource.rejectUnexpected(q, detailPath ? Set.of("marker", "limit", "sort_key", "sort_dir")
                : Set.of("marker", "limit", "sort_key", "sort_dir", "fields", "detail"));
        List<String> fields = Args.stringList(q.getFirst("fields"));
        checkFields(fields, version);
        boolean full = detailPath || Boolean.TRUE.equals(Args.bool("detail", q.getFirst("detail")));
        int limit = Paging.limit(q.getFirst("limit"), settings.maxLimit());
        String sortKey = q.getFirst("sort_key") == null ? "id" : q.getFirst("sort_key");
        String sortDir = q.getFirst("sort_dir") == null ? "asc" : q.getFirst("sort_dir");
        boolean ascending = Paging.ascending(sortDir);
        if ("extra".equals(sortKey) || !SORT.containsKey(sortKey)) {
            throw ApiError.badRequest("The sort_key value \"" + sortKey + "\" is an invalid field for sorting");
        }
        Long markerId = null;
        if (q.getFirst("marker") != null) {
            markerId = find(q.getFirst("marker")).getId();
        }
        List<Chassis> page = db.listChassis(limit, markerId, SORT.get(sortKey), ascending);
        Links links = Links.of(uri, settings);
        List<String> shown = fields != null ? fields : full ? null : List.of("uuid", "description");
        ArrayNode items = Json.array();
        page.forEach(c -> items.add(render(c, links, shown)));
        ObjectNode out = Json.object();
        out.set("chassis", items);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("sort_key", sortKey);
        params.put("sort_dir", sortDir);
        String next = Paging.next(links, detailPath ? "chassis/detail" : "chassis", page.size(), limit, params, fields,
                page.isEmpty() ? null : page.get(page.size() - 1).getUuid());
        if (next != null) {
            out.put("next", next);
        }
        return Response.ok(out).build();
    }

    @DELETE
    public Response deleteCollection() {
        throw ApiError.badRequest("Missing mandatory parameter: chassis_uuid");
    }

    @POST
    public Response create(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, String body) {
        ApiVersion.negotiate(v);
        JsonNode doc = Json.parseBody(body);
        SCHEMA.validate(doc);
        Chassis c = new Chassis();
        if (doc.hasNonNull("uuid")) {
            c.setUuid(Args.uuid("uuid", doc.get("uuid").textValue()));
        }
        c.setDescription(doc.hasNonNull("description") ? doc.get("description").textValue() : null);
        c.setExtra(doc.hasNonNull("extra") ? Json.toMap(doc.get("extra")) : Map.of());
        Chassis created = rpc.createChassis(c);
        Links links = Links.of(uri, settings);
        return Response.status(201).header("Location", links.url("chassis", created.getUuid()))
                .entity(render(created, links, null)).build();
    }

    @GET
    @Path("{uuid}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, @PathParam("uuid") String uuid) {
        ApiVersion version = ApiVersion.negotiate(v);
        NodesResource.rejectUnexpected(uri.getQueryParameters(), Set.of("fields"));
        List<String> fields = Args.stringList(uri.getQueryParameters().getFirst("fields"));
        checkFields(fields, version);
        return Response.ok(render(find(uuid), Links.of(uri, settings), fields)).build();
    }

    @PATCH
    @Path("{uuid}")
    public Response update(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, @PathParam("uuid") String uuid,
            String body) {
        ApiVersion.negotiate(v);
        JsonPatch patch = JsonPatch.parse(Json.parseBody(body));
        patch.checkAllowed(List.of("description", "extra"));
        Chassis c = find(uuid);
        ObjectNode doc = Json.object();
        doc.put("description", c.getDescription());
        doc.set("extra", Json.toTree(c.getExtra()));
        ObjectNode patched = patch.apply(doc);
        patched.retain("description", "extra");
        SCHEMA.validate(patched);
        Chassis changed = c.copy();
        changed.setDescription(patched.hasNonNull("description") ? patched.get("description").textValue() : null);
        changed.setExtra(patched.hasNonNull("extra") ? Json.toMap(patched.get("extra")) : Map.of());
        return Response.ok(render(rpc.updateChassis(changed), Links.of(uri, settings), null)).build();
    }

    @DELETE
    @Path("{uuid}")
    public Response delete(@PathParam("uuid") String uuid) {
        rpc.destroyChassis(find(uuid).getUuid());
        return Response.noContent().build();
    }

    @GET
    @Path("{uuid}/nodes")
    public Response nodes(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, @PathParam("uuid") String uuid) {
        Chassis c = find(uuid);
        ApiVersion version = ApiVersion.negotiate(v);
        ArrayNode items = Json.array();
        NodeRenderer renderer = new NodeRenderer(version, Links.of(uri, settings), NodeLookup.conductorOf(rpc));
        db.listNodes(new org.ferric.db.api.NodeQuery(Map.of("chassisUuid", c.getUuid()), null, null,
                Paging.limit(uri.getQueryParameters().getFirst("limit"), settings.maxLimit()), null, "id", true))
                .forEach(n -> items.add(renderer.render(n, NodeRenderer.LIST_FIELDS)));
        ObjectNode out = Json.object();
        out.set("nodes", items);
        return Response.ok(out).build();
    }

    private Chassis find(String uuid) {
        Args.uuid("chassis_uuid", uuid);
        return db.getChassisByUuid(uuid).orElseThrow(() -> ApiError.notFound("Chassis " + uuid + " could not be found."));
    }

    private static void checkFields(List<String> fields, ApiVersion version) {
        if (fields == null) {
            return;
        }
        if (!version.atLeast(8)) {
            throw ApiError.notAcceptable();
        }
        List<String> invalid = new ArrayList<>(fields);
        invalid.removeAll(FIELDS);
        if (!invalid.isEmpty()) {
            throw ApiError.badRequest("Field(s) \"" + String.join(", ", invalid) + "\" are not valid");
        }
    }

    private static ObjectNode render(Chassis c, Links links, List<String> shown) {
        ObjectNode o = Json.object();
        if (shown == null || shown.contains("uuid")) {
            o.put("uuid", c.getUuid());
        }
        if (shown == null || shown.contains("created_at")) {
            o.put("created_at", IsoTime.format(c.getCreatedAt()));
        }
        if (shown == null || shown.contains("updated_at")) {
            o.put("updated_at", IsoTime.format(c.getUpdatedAt()));
        }
        if (shown == null || shown.contains("description")) {
            o.put("description", c.getDescription());
        }
        if (shown == null || shown.contains("extra")) {
            o.set("extra", Json.toTree(c.getExtra()));
        }
        o.set("links", links.pair("chassis", c.getUuid()));
        if (shown == null) {
            o.putArray("nodes").add(links.pair("chassis", c.getUuid() + "/nodes"));
        }
        return o;
    }
}
