package org.ferric.api.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.StoredObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /v1/portgroups} (1.23): Ironic's PortgroupsController. */
@Component(service = PortgroupsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/portgroups")
@Produces(MediaType.APPLICATION_JSON)
public class PortgroupsResource extends ObjectResource {
    /** Ironic's {@code [DEFAULT]default_portgroup_mode}. */
    static final String DEFAULT_MODE = "active-backup";

    @Activate
    public PortgroupsResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        super(ObjectType.PORTGROUP, db, rpc, settings);
    }

    /** Ironic's PortsController under a portgroup (1.24); its next links point at {@code /v1/ports}, as Ironic's. */
    @GET
    @Path("{ident}/ports")
    public Response ports(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("ident") String ident) {
        return ports(uri, versionHeader, ident, false);
    }

    @GET
    @Path("{ident}/ports/detail")
    public Response portsDetail(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("ident") String ident) {
        return ports(uri, versionHeader, ident, true);
    }

    private Response ports(UriInfo uri, String versionHeader, String ident, boolean detail) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        api.checkVersion(version);
        if (!version.atLeast(24)) {
            throw ApiError.notFound("The resource could not be found.");
        }
        StoredObject portgroup = api.find(ident);
        return Response.ok(new PortListing(db, settings).list(uri, version, null, portgroup, detail, "ports")).build();
    }

    @Override
    Map<String, Object> checkCreate(Map<String, Object> v, ApiVersion version) {
        v.put("node_uuid", nodeUuid(v.get("node_uuid"), version));
        check(v, version);
        v.putIfAbsent("mode", DEFAULT_MODE);
        if (v.get("mode") == null) {
            v.put("mode", DEFAULT_MODE);
        }
        if (v.get("standalone_ports_supported") == null) {
            v.put("standalone_ports_supported", true);
        }
        return v;
    }

    @Override
    void checkPatch(StoredObject current, Map<String, Object> changes, ApiVersion version) {
        if (changes.containsKey("node_uuid")) {
            changes.put("node_uuid", nodeUuid(changes.get("node_uuid"), version));
        }
        check(changes, version);
    }

    private static void check(Map<String, Object> v, ApiVersion version) {
        if (v.get("address") != null) {
            String mac = Args.normalizeMac((String) v.get("address"));
            if (mac == null) {
                throw ApiError.badRequest("Expected valid MAC address for address: " + v.get("address"));
            }
            v.put("address", mac);
        }
        checkName(v.get("name"), version, "portgroup");
        Object standalone = v.get("standalone_ports_supported");
        if (standalone instanceof String s) {
            v.put("standalone_ports_supported", Args.bool("standalone_ports_supported", s));
        }
    }
}
