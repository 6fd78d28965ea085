package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Port;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/ports}: Ironic's PortsController. */
@Component(service = PortsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/ports")
@Produces(MediaType.APPLICATION_JSON)
public class PortsResource {
    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public PortsResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        return Response.ok(new PortListing(db, settings).list(uri, ApiVersion.negotiate(versionHeader), null, false, "ports")).build();
    }

    @GET
    @Path("detail")
    public Response detail(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        return Response.ok(new PortListing(db, settings).list(uri, ApiVersion.negotiate(versionHeader), null, true, "ports")).build();
    }

    @DELETE
    public Response deleteCollection() {
        throw ApiError.badRequest("Missing mandatory parameter: port_uuid");
    }

    @POST
    public Response create(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        JsonNode doc = Json.parseBody(body);
        if (!doc.isObject()) {
            throw ApiError.badRequest("Schema error for port: " + PyRepr.of(doc) + " is not of type 'object'");
        }
        Map<String, Object> values = PortBody.validate(PortBody.SCHEMA, (ObjectNode) doc);
        String nodeUuid = (String) values.get("node_uuid");
        if (db.getNodeByUuid(nodeUuid).isEmpty()) {
            // Ironic answers 400, not 404: the port is the resource, the node only a bad value in it.
            throw ApiError.badRequest("Node " + nodeUuid + " could not be found.");
        }
        PortBody.rejectNewerFields(values, version);
        if ("".equals(values.get("physical_network"))) {
            throw ApiError.badRequest("A non-empty value is required when setting physical_network");
        }
        if (values.get("uuid") == null) {
            values.put("uuid", UUID.randomUUID().toString());
        }
        Port port = new Port();
        PortBody.applyTo(port, values, false);
        Port created;
        try {
            created = rpc.createPort(port);
        } catch (DuplicateEntryException e) {
            throw ApiError.conflict(Conflicts.forPort(e));
        }
        Links links = Links.of(uri, settings);
        return Response.status(201).header("Location", links.url("ports", created.getUuid()))
                .entity(new PortRenderer(version, links).render(created, null, true)).build();
    }

    @GET
    @Path("{port_uuid}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("port_uuid") String portUuid) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        NodesResource.rejectUnexpected(q, java.util.Set.of("fields"));
        java.util.List<String> fields = Args.stringList(q.getFirst("fields"));
        Port port = find(portUuid);
        PortRenderer.checkFields(fields, version);
        return Response.ok(new PortRenderer(version, Links.of(uri, settings)).render(port, fields)).build();
    }

    @PATCH
    @Path("{port_uuid}")
    public Response update(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("port_uuid") String portUuid, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        JsonPatch patch = JsonPatch.parse(Json.parseBody(body));
        patch.checkAllowed(PortBody.PATCH_ALLOWED);
        for (Map.Entry<String, Integer> f : PortRenderer.FIELDS.entrySet()) {
            if (!version.atLeast(f.getValue()) && !patch.values("/" + f.getKey()).isEmpty()) {
                throw ApiError.notAcceptable();
            }
        }
        Port port = find(portUuid);
        ObjectNode patched = patch.apply(PortRenderer.patchDocument(port));
        patched.retain(new ArrayList<>(PortBody.SCHEMA.properties().keySet()));
        Map<String, Object> values = PortBody.validate(PortBody.SCHEMA.named("patch"), patched);
        Port changed = port.copy();
        PortBody.applyTo(changed, values, true);
        changed.setUuid(port.getUuid());
        if (!Objects.equals(port.getNodeUuid(), changed.getNodeUuid()) && db.getNodeByUuid(changed.getNodeUuid()).isEmpty()) {
            throw ApiError.badRequest("Node " + changed.getNodeUuid() + " could not be found.");
        }
        if ("".equals(changed.getPhysicalNetwork())) {
            throw ApiError.badRequest("A non-empty value is required when setting physical_network");
        }
        Port updated;
        try {
            updated = rpc.updatePort(changed);
        } catch (DuplicateEntryException e) {
            throw ApiError.conflict(Conflicts.forPort(e));
        }
        return Response.ok(new PortRenderer(version, Links.of(uri, settings)).render(updated, null)).build();
    }

    @DELETE
    @Path("{port_uuid}")
    public Response delete(@PathParam("port_uuid") String portUuid) {
        Port port = find(portUuid);
        rpc.destroyPort(port.getUuid());
        return Response.noContent().build();
    }

    private Port find(String portUuid) {
        Args.uuid("port_uuid", portUuid);
        return db.getPortByUuid(portUuid).orElseThrow(() -> ApiError.portNotFound(portUuid));
    }
}
