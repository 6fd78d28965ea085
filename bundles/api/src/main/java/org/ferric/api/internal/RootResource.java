package org.ferric.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /}: the versions document clients discover the API with. ({@code GET /v1} lives in
 * {@link MiscResource}: a root class at {@code v1} would otherwise shadow it, as JAX-RS picks the
 * root class by its longest literal path first and never falls back to another one.)
 */
@Component(service = RootResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RootResource {
    /** Resources listed by {@code /v1} after the basic four, with the version that introduced them. */
    static final Map<String, Integer> LATER_RESOURCES = laterResources();

    private final ApiSettings settings;

    @Activate
    public RootResource(@Reference ApiSettings settings) {
        this.settings = settings;
    }

    private static Map<String, Integer> laterResources() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("portgroups", 23);
        m.put("volume", 32);
        m.put("lookup", 22);
        m.put("heartbeat", 22);
        m.put("conductors", 49);
        m.put("allocations", 52);
        m.put("events", 54);
        m.put("deploy_templates", 55);
        m.put("shards", 82);
        return java.util.Collections.unmodifiableMap(m);
    }

    @GET
    public Response root(@Context UriInfo uri) {
        Links links = Links.of(uri, settings);
        ObjectNode out = Json.object();
        out.put("name", "OpenStack Ironic API");
        out.put("description", "Ironic is an OpenStack project which enables the provision and management of baremetal machines.");
        out.set("default_version", version(links));
        out.putArray("versions").add(version(links));
        return Response.ok(out).build();
    }

    static ObjectNode version(Links links) {
        ObjectNode v = Json.object();
        v.put("id", "v1");
        v.putArray("links").add(links.link("self", links.base() + "/v1/"));
        v.put("status", "CURRENT");
        v.put("min_version", ApiVersion.MIN.toString());
        v.put("version", ApiVersion.MAX.toString());
        return v;
    }
}
