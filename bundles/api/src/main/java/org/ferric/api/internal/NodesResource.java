package org.ferric.api.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.conductor.rpc.ValidationResult;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NodeQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/nodes}: Ironic's NodesController. Reads go to the database, every change to the conductor. */
@Component(service = NodesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {
    /** States a provision_state filter may name (Ironic's state machine). */
    static final Set<String> PROVISION_STATES = Set.of("enroll", "verifying", "manageable", "available", "active",
            "deploying", "wait call-back", "deploy failed", "deleting", "deleted", "cleaning", "clean wait",
            "clean failed", "error", "rebuild", "inspecting", "inspect failed", "inspect wait", "adopting",
            "adopt failed", "rescue", "rescuing", "rescue wait", "rescue failed", "unrescuing", "unrescue failed");
    static final List<String> FAULTS = List.of("power failure", "clean failure", "rescue abort failure");
    /** Fields Ironic refuses to sort by. */
    static final List<String> UNSORTABLE = List.of("properties", "driver_info", "extra", "instance_info",
            "driver_internal_info", "clean_step", "deploy_step", "raid_config", "target_raid_config", "traits",
            "network_data");
    /** PATCH may change a node in these states even while a transition is pending. */
    static final Set<String> UPDATE_ALLOWED_STATES = Set.of("deploy failed", "inspecting", "inspect failed",
            "inspect wait", "clean failed", "error", "verifying", "adopt failed", "rescue failed", "unrescue failed");

    private static final Set<String> FILTERS = Set.of("chassis_uuid", "instance_uuid", "associated", "maintenance",
            "retired", "provision_state", "marker", "limit", "sort_key", "sort_dir", "driver", "resource_class", "fault",
            "conductor_group", "conductor", "owner", "description_contains", "lessee", "project", "shard", "sharded");

    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public NodesResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        return collection(uri, ApiVersion.negotiate(versionHeader), false);
    }

    @GET
    @Path("detail")
    public Response detail(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        return collection(uri, ApiVersion.negotiate(versionHeader), true);
    }

    @DELETE
    public Response deleteCollection() {
        throw ApiError.badRequest("Missing mandatory parameter: node_ident");
    }

    /** Answered in front of JAX-RS by {@link NodeCreateFilter} unless it leaves the request here. */
    @POST
    public Response create(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Node created = NodeCreation.create(rpc, NodeCreation.prepare(db, version, body));
        Links links = Links.of(uri, settings);
        ObjectNode out = NodeCreation.render(rpc, version, links, created);
        return Response.status(201).header("Location", links.url("nodes", created.getUuid())).entity(out).build();
    }

    @GET
    @Path("{node_ident}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        rejectUnexpected(q, Set.of("fields"));
        List<String> fields = Args.stringList(q.getFirst("fields"));
        NodeLookup.Renderable read = NodeLookup.readForAnswer(db, rpc, ident, version, fields);
        NodeRenderer renderer = new NodeRenderer(version, Links.of(uri, settings), read.conductorOf());
        return streamed(json -> renderer.write(json, read.node(), fields));
    }

    @PATCH
    @Path("{node_ident}")
    public Response update(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        rejectUnexpected(q, Set.of("reset_interfaces"));
        Boolean resetInterfaces = Args.bool("reset_interfaces", q.getFirst("reset_interfaces"));
        JsonPatch patch = JsonPatch.parse(Json.parseBody(body));
        if (resetInterfaces != null && !version.atLeast(45)) {
            throw ApiError.notAcceptable();
        }
        patch.checkAllowed(NodeBody.PATCH_ALLOWED);
        NodeBody.rejectNewerFields(patch, version);
        if (!patch.values("/traits").isEmpty()) {
            throw ApiError.badRequest("Cannot update node traits via node patch. Node traits should be updated via the node traits API.");
        }
        if (Boolean.TRUE.equals(resetInterfaces) && patch.values("/driver").isEmpty()) {
            throw ApiError.badRequest("The reset_interfaces parameter can only be used when changing the node's driver.");
        }
        List<JsonNode> descriptions = patch.values("/description");
        if (!descriptions.isEmpty() && descriptions.get(0).isTextual()
                && descriptions.get(0).textValue().length() > NodeBody.DESCRIPTION_MAX) {
            throw ApiError.badRequest("Cannot update node with description exceeding " + NodeBody.DESCRIPTION_MAX + " characters");
        }
        Node node = NodeLookup.find(db, ident, version);
        if (node.isMaintenance() && patch.isOnly("remove", "/instance_uuid")) {
            // Ironic lets operators detach a stuck instance from a node in maintenance at any time.
        } else if (node.getTargetProvisionState() != null && !UPDATE_ALLOWED_STATES.contains(node.getProvisionState())) {
            throw ApiError.conflict("Node " + ident + " can not be updated while a state transition is in progress.");
        } else if ("inspecting".equals(node.getProvisionState()) && version.atLeast(39)) {
            throw ApiError.conflict("Cannot update node \"" + node.getUuid() + "\" while it is in state \"inspecting\".");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : patch.values("/name")) {
            names.add(n.isNull() ? null : n.asText());
        }
        if (!names.isEmpty()) {
            NodeBody.checkNames(names, version, "Node " + ident + ": Cannot change name to invalid name ");
        }
        ObjectNode patched = patch.apply(NodeRenderer.patchDocument(node));
        patched.retain(new ArrayList<>(NodeBody.PATCHED.properties().keySet()));
        Map<String, Object> values = NodeBody.validate(NodeBody.PATCHED, patched);
        Node changed = node.copy();
        for (String field : NodeBody.PATCHED.properties().keySet()) {
            NodeField f = NodeField.byName(field);
            f.setter.accept(changed, values.get(field));
        }
        if (node.getChassisUuid() != null && changed.getChassisUuid() == null && !version.atLeast(25)) {
            throw ApiError.notAcceptable();
        }
        if (!java.util.Objects.equals(node.getChassisUuid(), changed.getChassisUuid())) {
            NodeCreation.checkChassis(db, changed.getChassisUuid());
        }
        if (!java.util.Objects.equals(node.getDriver(), changed.getDriver()) && node.isConsoleEnabled()) {
            throw ApiError.conflict("Node " + ident + " can not update the driver while the console is enabled. "
                    + "Please stop the console first.");
        }
        Node updated;
        try {
            updated = rpc.updateNode(changed, Boolean.TRUE.equals(resetInterfaces));
        } catch (DuplicateEntryException e) {
            throw ApiError.conflict(Conflicts.forNode(e, node.getUuid()));
        }
        return Response.ok(renderer(version, uri).render(updated, null)).build();
    }

    @DELETE
    @Path("{node_ident}")
    public Response delete(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("node_ident") String ident) {
        Node node = NodeLookup.find(db, ident, ApiVersion.negotiate(versionHeader));
        rpc.destroyNode(node.getUuid());
        return Response.noContent().build();
    }

    @GET
    @Path("{node_ident}/validate")
    public Response validate(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("node_ident") String ident) {
        Node node = NodeLookup.find(db, ident, ApiVersion.negotiate(versionHeader));
        ObjectNode out = Json.object();
        for (Map.Entry<String, ValidationResult> e : rpc.validateDriverInterfaces(node.getUuid()).entrySet()) {
            ObjectNode r = out.putObject(e.getKey());
            ValidationResult v = e.getValue();
            if (v == null || v.result() == null) {
                r.putNull("result");
            } else {
                r.put("result", v.result());
            }
            if (v != null && v.reason() != null) {
                r.put("reason", v.reason());
            }
        }
        return Response.ok(out).build();
    }

    @GET
    @Path("{node_ident}/ports")
    public Response ports(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Node node = NodeLookup.find(db, ident, version);
        return Response.ok(new PortListing(db, settings).list(uri, version, node, false, "nodes/" + ident + "/ports")).build();
    }

    // ---- sub-resources, each its own class (JAX-RS sub-resource locators) ----

    @Path("{node_ident}/maintenance")
    public NodeMaintenanceResource maintenance(@PathParam("node_ident") String ident) {
        return new NodeMaintenanceResource(db, rpc, settings, ident);
    }

    @Path("{node_ident}/traits")
    public NodeTraitsResource traits(@PathParam("node_ident") String ident) {
        return new NodeTraitsResource(db, rpc, settings, ident);
    }

    @Path("{node_ident}/management")
    public NodeManagementResource management(@PathParam("node_ident") String ident) {
        return new NodeManagementResource(db, rpc, settings, ident);
    }

    @Path("{node_ident}/vifs")
    public NodeVifsResource vifs(@PathParam("node_ident") String ident) {
        return new NodeVifsResource(db, rpc, settings, ident);
    }

    @Path("{node_ident}/{part: bios|history|inventory}")
    public NodeRecordsResource records(@PathParam("node_ident") String ident, @PathParam("part") String part) {
        return new NodeRecordsResource(db, rpc, settings, ident, part);
    }

    @Path("{node_ident}/vendor_passthru")
    public NodeVendorPassthruResource vendorPassthru(@PathParam("node_ident") String ident) {
        return new NodeVendorPassthruResource(db, rpc, settings, ident);
    }

    @Path("{node_ident}/{part: portgroups|volume|allocation}")
    public NodeChildrenResource children(@PathParam("node_ident") String ident, @PathParam("part") String part) {
        return new NodeChildrenResource(db, rpc, settings, ident, part);
    }

    private Response collection(UriInfo uri, ApiVersion version, boolean detailPath) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Set<String> accepted = new java.util.HashSet<>(FILTERS);
        if (!detailPath) {
            accepted.add("fields");
            accepted.add("detail");
        }
        rejectUnexpected(q, accepted);
        String chassisUuid = Args.uuid("chassis_uuid", q.getFirst("chassis_uuid"));
        String instanceUuid = Args.uuid("instance_uuid", q.getFirst("instance_uuid"));
        Boolean associated = Args.bool("associated", q.getFirst("associated"));
        Boolean maintenance = Args.bool("maintenance", q.getFirst("maintenance"));
        Boolean retired = Args.bool("retired", q.getFirst("retired"));
        String marker = Args.uuid("marker", q.getFirst("marker"));
        String limitParam = q.getFirst("limit");
        Paging.parseLimit(limitParam);
        String sortKey = q.getFirst("sort_key") == null ? "id" : q.getFirst("sort_key");
        String sortDir = q.getFirst("sort_dir") == null ? "asc" : q.getFirst("sort_dir");
        List<String> fields = Args.stringList(q.getFirst("fields"));
        Boolean detail = Args.bool("detail", q.getFirst("detail"));
        List<String> shards = Args.stringList(q.getFirst("shard"));
        Boolean sharded = Args.bool("sharded", q.getFirst("sharded"));
        String provisionState = q.getFirst("provision_state");
        String driver = q.getFirst("driver");
        String resourceClass = q.getFirst("resource_class");
        String fault = q.getFirst("fault");
        String conductorGroup = q.getFirst("conductor_group");
        String conductor = q.getFirst("conductor");
        String owner = q.getFirst("owner");
        String lessee = q.getFirst("lessee");

        if (!detailPath) {
            NodeRenderer.checkFields(fields, version);
        }
        if (NodeField.disallowedAt(version).contains(sortKey)) {
            throw ApiError.notAcceptable();
        }
        if (provisionState != null) {
            if (!version.atLeast(9)) {
                throw ApiError.notAcceptable();
            }
            if (!PROVISION_STATES.contains(provisionState)) {
                throw ApiError.badRequest("Provision state \"" + provisionState + "\" is not valid");
            }
        }
        requireVersion(driver, version, 16);
        requireVersion(resourceClass, version, 21);
        requireVersion(fault, version, 42);
        if (fault != null && !FAULTS.contains(fault)) {
            throw ApiError.badRequest("Unrecognized fault \"" + fault + "\" is specified, allowed faults are "
                    + "('power failure', 'clean failure', 'rescue abort failure')");
        }
        requireVersion(conductorGroup, version, 46);
        requireVersion(conductor, version, 49);
        requireVersion(owner, version, 50);
        requireVersion(lessee, version, 65);
        requireVersion(shards, version, 82);
        requireVersion(sharded, version, 82);
        if (detail != null && !version.atLeast(43)) {
            throw ApiError.badRequest("Invalid query parameter ?detail=" + Paging.py(detail) + " received.");
        }
        if (fields != null && Boolean.TRUE.equals(detail)) {
            throw ApiError.badRequest("Can not specify ?detail=True and fields in the same request.");
        }
        boolean full = detailPath || Boolean.TRUE.equals(detail);
        List<String> shown = full ? null : (fields == null ? NodeRenderer.LIST_FIELDS : fields);

        int limit = Paging.limit(limitParam, settings.maxLimit());
        boolean ascending = Paging.ascending(sortDir);
        String sortProperty = sortProperty(sortKey);
        Long markerId = null;
        if (marker != null) {
            markerId = db.getNodeByUuid(marker).orElseThrow(() -> ApiError.nodeNotFound(marker)).getId();
        }

        Map<String, Object> filters = new LinkedHashMap<>();
        putIf(filters, "maintenance", maintenance);
        putIf(filters, "chassisUuid", chassisUuid);
        putIf(filters, "provisionState", provisionState);
        putIf(filters, "driver", driver);
        putIf(filters, "resourceClass", resourceClass);
        putIf(filters, "fault", fault);
        putIf(filters, "conductorGroup", conductorGroup == null ? null : conductorGroup.toLowerCase(java.util.Locale.ROOT));
        putIf(filters, "owner", owner);
        putIf(filters, "lessee", lessee);
        putIf(filters, "retired", retired);
        putIf(filters, "instanceUuid", instanceUuid);
        // Ironic's shard_in and sharded filters; both may be given.
        List<Node> nodes = db.listNodes(new NodeQuery(filters, associated, q.getFirst("description_contains"), shards,
                sharded, limit, markerId, sortProperty, ascending));

        Function<Node, String> conductorOf = NodeLookup.conductorOf(rpc);
        if (conductor != null) {
            List<Node> served = new ArrayList<>();
            for (Node n : nodes) {
                if (conductor.equals(conductorOf.apply(n))) {
                    served.add(n);
                }
            }
            nodes = served;
        }
        Links links = Links.of(uri, settings);
        NodeRenderer renderer = new NodeRenderer(version, links, conductorOf);

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sort_key", sortKey);
        parameters.put("sort_dir", sortDir);
        if (Boolean.TRUE.equals(associated)) {
            parameters.put("associated", "True");
        }
        if (Boolean.TRUE.equals(maintenance)) {
            parameters.put("maintenance", "True");
        }
        if (Boolean.TRUE.equals(retired)) {
            parameters.put("retired", "True");
        }
        if (detail != null) {
            parameters.put("detail", Paging.py(detail));
        }
        // A uuid is unique: Ironic never offers a next page for an instance_uuid query.
        int pageLimit = instanceUuid != null ? 0 : limit;
        String next = Paging.next(links, detailPath ? "nodes/detail" : "nodes", nodes.size(), pageLimit, parameters,
                full ? null : shown, nodes.isEmpty() ? null : nodes.get(nodes.size() - 1).getUuid());
        List<Node> page = nodes;
        page.forEach(conductorOf::apply); // asks the conductor now, while an error can still be answered
        // Each node is written straight into the response instead of building the page as one tree
        // first: a page of 1,000 detailed nodes is 2.4 MB of JSON; building and then walking its
        // tree was half of the list's time, and holding it made every young collection copy it.
        return streamed(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("nodes");
            for (Node n : page) {
                renderer.write(json, n, shown);
            }
            json.writeEndArray();
            if (next != null) {
                json.writeStringField("next", next);
            }
            json.writeEndObject();
        });
    }

    static String sortProperty(String sortKey) {
        if (UNSORTABLE.contains(sortKey)) {
            throw ApiError.badRequest("The sort_key value " + sortKey + " is an invalid field for sorting");
        }
        if ("id".equals(sortKey)) {
            return "id";
        }
        NodeField f = NodeField.byName(sortKey);
        if (f == null || f.sortProperty == null) {
            throw ApiError.badRequest("The sort_key value \"" + sortKey + "\" is an invalid field for sorting");
        }
        return f.sortProperty;
    }

    /** Writes a JSON document piece by piece. */
    interface JsonWriting {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * A 200 whose JSON body is written straight into the response. Everything that can fail with
     * a client error must have happened before: once writing starts, the status is sent.
     */
    static Response streamed(JsonWriting body) {
        StreamingOutput output = out -> {
            try (JsonGenerator json = Json.streamingGenerator(out)) {
                body.write(json);
            }
        };
        return Response.ok(output, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private NodeRenderer renderer(ApiVersion version, UriInfo uri) {
        return new NodeRenderer(version, Links.of(uri, settings), NodeLookup.conductorOf(rpc));
    }

    static ObjectNode objectOrFail(JsonNode doc, String name) {
        if (!doc.isObject()) {
            throw ApiError.badRequest("Schema error for " + name + ": " + PyRepr.of(doc) + " is not of type 'object'");
        }
        return (ObjectNode) doc;
    }

    private static void requireVersion(Object value, ApiVersion version, int minor) {
        if (value != null && !version.atLeast(minor)) {
            throw ApiError.notAcceptableBefore(minor);
        }
    }

    private static void putIf(Map<String, Object> filters, String key, Object value) {
        if (value != null) {
            filters.put(key, value);
        }
    }

    /** Ironic refuses query parameters a call does not know (its {@code args.validate}). */
    static void rejectUnexpected(MultivaluedMap<String, String> query, Set<String> accepted) {
        Set<String> unexpected = new TreeSet<>();
        for (String k : query.keySet()) {
            if (!accepted.contains(k)) {
                unexpected.add(k);
            }
        }
        if (!unexpected.isEmpty()) {
            throw ApiError.badRequest("Unexpected arguments: " + String.join(", ", unexpected));
        }
    }

    static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        Collections.sort(l);
        return l;
    }
}
