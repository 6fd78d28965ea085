package org.ferric.api.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.StoredObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CRUD over one {@link ObjectType} with Ironic's answers: 201 + Location on create, JSON Patch,
 * 204 on delete, 400 for a DELETE on the collection. Subclasses bind the path and check the values
 * Ironic's controller checks beyond the schema.
 */
abstract class ObjectResource {
    final ObjectType type;
    final DbApi db;
    final ConductorRpc rpc;
    final ApiSettings settings;
    final ObjectApi api;

    ObjectResource(ObjectType type, DbApi db, ConductorRpc rpc, ApiSettings settings) {
        this.type = type;
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
        this.api = new ObjectApi(type, db, settings);
    }

    /** Checks and completes the create body (already schema-valid); throws ApiError on bad values. */
    abstract Map<String, Object> checkCreate(Map<String, Object> values, ApiVersion version);

    /** Checks the fields a PATCH changes. */
    abstract void checkPatch(StoredObject current, Map<String, Object> changes, ApiVersion version);

    StoredObject create(Map<String, Object> values) {
        return rpc.createObject(type.kind(), values);
    }

    StoredObject update(StoredObject changed) {
        return rpc.updateObject(changed);
    }

    void destroy(StoredObject object) {
        rpc.destroyObject(object);
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        return Response.ok(api.list(uri, ApiVersion.negotiate(versionHeader), false, Map.of(), type.collection())).build();
    }

    @GET
    @Path("detail")
    public Response detail(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        if (type.listFields() == null) {
            return get(uri, versionHeader, "detail");
        }
        return Response.ok(api.list(uri, ApiVersion.negotiate(versionHeader), true, Map.of(), type.collection())).build();
    }

    @DELETE
    public Response deleteCollection(@HeaderParam(ApiVersion.HEADER) String versionHeader) {
        api.checkVersion(ApiVersion.negotiate(versionHeader));
        throw ApiError.badRequest("Missing mandatory parameter: " + type.listKey().replaceAll("s$", "") + "_ident");
    }

    @POST
    public Response create(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        api.checkVersion(version);
        JsonNode doc = Json.parseBody(body);
        type.schema().validate(doc);
        Map<String, Object> values = ObjectApi.values((ObjectNode) doc);
        for (String f : values.keySet()) {
            Integer min = type.fields().get(f);
            if (min != null && !version.atLeast(min) && values.get(f) != null) {
                throw ApiError.notAcceptable();
            }
        }
        if (values.get("uuid") != null) {
            Args.uuid("uuid", (String) values.get("uuid"));
        } else {
            values.remove("uuid");
        }
        Map<String, Object> checked = checkCreate(values, version);
        StoredObject created = create(checked);
        Links links = Links.of(uri, settings);
        return Response.status(201).header("Location", links.url(type.collection(), created.uuid()))
                .entity(api.render(created, version, links, null)).build();
    }

    @GET
    @Path("{ident}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("ident") String ident) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        api.checkVersion(version);
        NodesResource.rejectUnexpected(uri.getQueryParameters(), Set.of("fields"));
        List<String> fields = Args.stringList(uri.getQueryParameters().getFirst("fields"));
        api.checkFields(fields, version);
        StoredObject o = api.find(ident);
        return Response.ok(api.render(o, version, Links.of(uri, settings), fields)).build();
    }

    @PATCH
    @Path("{ident}")
    public Response update(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        api.checkVersion(version);
        JsonPatch patch = JsonPatch.parse(Json.parseBody(body));
        StoredObject current = api.find(ident);
        Map<String, Object> changes = api.patch(current, patch, version);
        checkPatch(current, changes, version);
        StoredObject changed = current.copy();
        changed.fields().putAll(changes);
        StoredObject updated = update(changed);
        return Response.ok(api.render(updated, version, Links.of(uri, settings), null)).build();
    }

    @DELETE
    @Path("{ident}")
    public Response delete(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("ident") String ident) {
        api.checkVersion(ApiVersion.negotiate(versionHeader));
        destroy(api.find(ident));
        return Response.noContent().build();
    }

    // ---- checks several resources share ----

    String nodeUuid(Object ident, ApiVersion version) {
        String value = (String) ident;
        if (!Args.isUuidLike(value) && !NodeBody.isValidLogicalName(value, version)) {
            throw ApiError.badRequest("Expected a logical name or UUID but received " + value + ".");
        }
        try {
            return NodeLookup.find(db, value, version).getUuid();
        } catch (ApiError e) {
            if (e.status() == 404) {
                // Ironic: the node is only a bad value in the body, so 400.
                throw ApiError.badRequest("Node " + value + " could not be found.");
            }
            throw e;
        }
    }

    static void checkName(Object name, ApiVersion version, String what) {
        if (name != null && (Args.isUuidLike((String) name) || !NodeBody.isValidLogicalName((String) name, version))) {
            throw ApiError.badRequest("Cannot create " + what + " with invalid name '" + name + "'");
        }
    }
}
