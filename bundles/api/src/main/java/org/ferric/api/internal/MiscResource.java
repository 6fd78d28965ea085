package org.ferric.api.internal;


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
import org.ferric.db.api.ShardCount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /v1} itself and its small top-level resources: {@code /v1/volume} (1.32), {@code /v1/shards} (1.82), {@code /v1/events} (1.54). */
@Component(service = MiscResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Produces(MediaType.APPLICATION_JSON)
@Path("v1")
public class MiscResource {
    private static final Logger LOG = LoggerFactory.getLogger(MiscResource.class);
    private final DbApi db;
    private final ApiSettings settings;

    @Activate
    public MiscResource(@Reference DbApi db, @Reference ApiSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @GET
    public Response v1(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Links links = Links.of(uri, settings);
        ObjectNode out = Json.object();
        out.put("id", "v1");
        ArrayNode selfLinks = out.putArray("links");
        selfLinks.add(links.link("self", links.base() + "/v1/"));
        ObjectNode describedBy = links.link("describedby", "https://docs.openstack.org//ironic/latest/contributor//webapi.html");
        describedBy.put("type", "text/html");
        selfLinks.add(describedBy);
        ObjectNode media = out.putObject("media_types");
        media.put("base", "application/json");
        media.put("type", "application/vnd.openstack.ironic.v1+json");
        for (String resource : new String[] { "chassis", "nodes", "ports", "drivers" }) {
            out.set(resource, links.pair(resource, ""));
        }
        out.set("version", RootResource.version(links));
        RootResource.LATER_RESOURCES.forEach((resource, minor) -> {
            if (version.atLeast(minor)) {
                out.set(resource, links.pair(resource, ""));
            }
        });
        return Response.ok(out).build();
    }

    @GET
    @Path("volume")
    public Response volume(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v) {
        if (!ApiVersion.negotiate(v).atLeast(32)) {
            throw ApiError.notFound("The resource could not be found.");
        }
        Links links = Links.of(uri, settings);
        ObjectNode out = Json.object();
        out.set("links", links.pair("volume", ""));
        out.set("connectors", links.pair("volume", "connectors"));
        out.set("targets", links.pair("volume", "targets"));
        return Response.ok(out).build();
    }

    /** Shard names with how many nodes each has, the largest first, like Ironic's {@code get_shard_list}. */
    @GET
    @Path("shards")
    public Response shards(@HeaderParam(ApiVersion.HEADER) String v) {
        if (!ApiVersion.negotiate(v).atLeast(82)) {
            throw ApiError.notFound("The resource could not be found.");
        }
        ObjectNode out = Json.object();
        ArrayNode shards = out.putArray("shards");
        // Ironic groups by shard with nodes without one included, named "None" (Python's str(None)).
        for (ShardCount c : db.countNodesByShard()) {
            shards.addObject().put("name", c.shard() == null ? "None" : c.shard()).put("count", c.count());
        }
        return Response.ok(out).build();
    }

    /** Neutron's network events: checked like Ironic's schema and logged; nothing acts on them yet. */
    @POST
    @Path("events")
    public Response events(@HeaderParam(ApiVersion.HEADER) String v, String body) {
        if (!ApiVersion.negotiate(v).atLeast(54)) {
            throw ApiError.notFound("The resource could not be found.");
        }
        ObjectNode args = NodeStatesResource.arguments(body, java.util.Set.of("events"));
        JsonNode events = args.get("events");
        if (events == null || !events.isArray()) {
            throw ApiError.badRequest("Missing mandatory parameter: events");
        }
        for (JsonNode e : events) {
            if (!e.isObject() || !e.path("event").isTextual() || !e.path("event").textValue().startsWith("network.")) {
                throw ApiError.badRequest("Schema error for event: " + PyRepr.of(e) + " is not a valid network event");
            }
            LOG.info("Event {} for port {} (status {})", e.path("event").asText(), e.path("port_id").asText(null),
                    e.path("status").asText(null));
        }
        return Response.noContent().build();
    }
}
