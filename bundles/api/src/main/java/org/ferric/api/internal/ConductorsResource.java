package org.ferric.api.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.ferric.db.api.Conductor;

/** {@code /v1/conductors} (1.49): registered conductors; alive = heartbeat within 60 s (Ironic's heartbeat_timeout). */
@Component(service = ConductorsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Produces(MediaType.APPLICATION_JSON)
@Path("v1/conductors")
public class ConductorsResource {
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);
    private final DbApi db;
    private final ApiSettings settings;

    @Activate
    public ConductorsResource(@Reference DbApi db, @Reference ApiSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v) {
        check(ApiVersion.negotiate(v));
        var q = uri.getQueryParameters();
        NodesResource.rejectUnexpected(q, Set.of("detail", "fields", "limit", "marker", "sort_key", "sort_dir"));
        boolean detail = Boolean.TRUE.equals(Args.bool("detail", q.getFirst("detail")));
        int limit = Paging.limit(q.getFirst("limit"), settings.maxLimit());
        List<Conductor> all = db.listConductors();
        Links links = Links.of(uri, settings);
        ArrayNode items = Json.array();
        all.stream().limit(limit).forEach(c -> items.add(render(c, links, detail)));
        ObjectNode out = Json.object();
        out.set("conductors", items);
        return Response.ok(out).build();
    }

    @GET
    @Path("{hostname}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v, @PathParam("hostname") String host) {
        check(ApiVersion.negotiate(v));
        Conductor c = db.getConductor(host).orElseThrow(() -> ApiError.notFound("Conductor " + host + " could not be found."));
        return Response.ok(render(c, Links.of(uri, settings), true)).build();
    }

    private static void check(ApiVersion version) {
        if (!version.atLeast(49)) {
            throw ApiError.notFound("The resource could not be found.");
        }
    }

    private static ObjectNode render(Conductor c, Links links, boolean detail) {
        ObjectNode o = Json.object();
        if (detail) {
            o.put("created_at", IsoTime.format(c.getCreatedAt()));
            o.put("updated_at", IsoTime.format(c.getUpdatedAt()));
        }
        o.put("hostname", c.getHostname());
        o.put("conductor_group", c.getConductorGroup());
        if (detail) {
            ArrayNode d = o.putArray("drivers");
            c.getDrivers().forEach(d::add);
        }
        o.set("links", links.pair("conductors", c.getHostname()));
        o.put("alive", c.isOnline() && c.getUpdatedAt() != null
                && c.getUpdatedAt().isAfter(Instant.now().minus(HEARTBEAT_TIMEOUT)));
        return o;
    }
}
