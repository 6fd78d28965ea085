package org.ferric.api.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.conductor.rpc.DriverDescription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/drivers}: the hardware types the conductors have loaded. */
@Component(service = DriversResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/drivers")
@Produces(MediaType.APPLICATION_JSON)
public class DriversResource {
    /** Interface types in the order Ironic's detail output shows them, with the version that introduced them. */
    static final Map<String, Integer> INTERFACES = interfaces();

    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public DriversResource(@Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.rpc = rpc;
        this.settings = settings;
    }

    private static Map<String, Integer> interfaces() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("raid", 30);
        m.put("network", 30);
        m.put("inspect", 30);
        m.put("vendor", 30);
        m.put("rescue", 38);
        m.put("bios", 40);
        m.put("console", 30);
        m.put("boot", 30);
        m.put("storage", 33);
        m.put("management", 30);
        m.put("deploy", 30);
        m.put("power", 30);
        return java.util.Collections.unmodifiableMap(m);
    }

    @GET
    public Response list(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        NodesResource.rejectUnexpected(q, java.util.Set.of("type", "detail", "fields"));
        String type = q.getFirst("type");
        Boolean detail = Args.bool("detail", q.getFirst("detail"));
        List<String> fields = Args.stringList(q.getFirst("fields"));
        // Ironic's order of checks in DriversController.get_all.
        if (fields != null && !fields.isEmpty() && Boolean.TRUE.equals(detail)) {
            throw ApiError.badRequest("Can not specify ?detail=True and fields in the same request.");
        }
        if (detail != null && !version.atLeast(30)) {
            throw ApiError.notAcceptableBefore(30);
        }
        if (type != null && !version.atLeast(30)) {
            throw ApiError.notAcceptableBefore(30);
        }
        checkFieldsVersion(fields, version);
        if (type != null && !type.equals("classic") && !type.equals("dynamic")) {
            throw ApiError.badRequest("\"type\" filter must be one of \"classic\" or \"dynamic\", if specified.");
        }
        Links links = Links.of(uri, settings);
        ArrayNode items = Json.array();
        if (!"classic".equals(type)) {
            for (DriverDescription d : rpc.listDrivers()) {
                items.add(sanitize(render(d, version, links, Boolean.TRUE.equals(detail)), fields));
            }
        }
        ObjectNode out = Json.object();
        out.set("drivers", items);
        return Response.ok(out).build();
    }

    @GET
    @Path("{driver_name}")
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("driver_name") String name) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        NodesResource.rejectUnexpected(uri.getQueryParameters(), java.util.Set.of("fields"));
        List<String> fields = Args.stringList(uri.getQueryParameters().getFirst("fields"));
        checkFieldsVersion(fields, version);
        DriverDescription d = rpc.getDriver(name).orElseThrow(() -> driverNotFound(name));
        return Response.ok(sanitize(render(d, version, Links.of(uri, settings), true), fields)).build();
    }

    private static void checkFieldsVersion(List<String> fields, ApiVersion version) {
        if (fields != null && !version.atLeast(77)) {
            throw ApiError.notAcceptable();
        }
    }

    /**
     * Ironic's driver_sanitize: keeps the requested fields and {@code links}, then rejects a field
     * the rendered driver did not have (a list without detail has no interface fields).
     */
    static ObjectNode sanitize(ObjectNode driver, List<String> fields) {
        if (fields == null) {
            return driver;
        }
        driver.retain(fields.contains("links") ? fields : concat(fields, "links"));
        List<String> invalid = new java.util.ArrayList<>();
        for (String f : fields) {
            if (!driver.has(f)) {
                invalid.add(f);
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiError.badRequest("Field(s) \"" + String.join(", ", invalid) + "\" are not valid");
        }
        return driver;
    }

    private static List<String> concat(List<String> fields, String extra) {
        List<String> all = new java.util.ArrayList<>(fields);
        all.add(extra);
        return all;
    }

    @GET
    @Path("{driver_name}/raid/logical_disk_properties")
    public Response raidProperties(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("driver_name") String name) {
        if (!ApiVersion.negotiate(versionHeader).atLeast(12)) {
            throw ApiError.notAcceptable();
        }
        rpc.getDriver(name).orElseThrow(() -> ApiError.notFound(
                "Could not find the following driver(s) or hardware type(s): " + name + "."));
        // Ironic's RAID schema properties, which every RAID interface accepts.
        java.util.Map<String, String> p = new java.util.TreeMap<>();
        p.put("size_gb", "Size in GiB (Integer) for the logical disk. Use \"MAX\" as size_gb if this logical disk is supposed to use the rest of the space available. Required.");
        p.put("raid_level", "RAID level for the logical disk. Valid values are 'JBOD', '0', '1', '2', '5', '6', '1+0', '5+0' and '6+0'. Required.");
        p.put("volume_name", "Name of the volume to be created. If this is not specified, it will be auto-generated. Optional.");
        p.put("is_root_volume", "Specifies whether this disk is a root volume. By default, this is False. Optional.");
        p.put("share_physical_disks", "Specifies whether other logical disks can share physical disks with this logical disk. By default, this is False. Optional.");
        p.put("disk_type", "The type of disk preferred. Valid values are 'hdd' and 'ssd'. If this is not specified, disk type will not be a selection criterion for choosing backing physical disks. Optional.");
        p.put("interface_type", "The interface type of disk. Valid values are 'sata', 'scsi' and 'sas'. If this is not specified, interface type will not be a selection criterion for choosing backing physical disks. Optional.");
        p.put("number_of_physical_disks", "Number of physical disks to use for this logical disk. By default, the driver uses the minimum number of disks required for that RAID level. Optional.");
        p.put("controller", "Controller to use for this logical disk. If not specified, the driver will choose a suitable RAID controller on the bare metal node. Optional.");
        p.put("physical_disks", "The physical disks to use for this logical disk. If not specified, the driver will choose suitable physical disks to use. Optional.");
        return Response.ok(Json.toTree(p)).build();
    }

    @GET
    @Path("{driver_name}/vendor_passthru/methods")
    public Response vendorMethods(@PathParam("driver_name") String name) {
        return Response.ok(Json.toTree(rpc.driverVendorPassthruMethods(name))).build();
    }

    @GET
    @Path("{driver_name}/vendor_passthru")
    public Response vendorGet(@Context UriInfo uri, @PathParam("driver_name") String name) {
        return vendor(uri, name, "GET", null);
    }

    @javax.ws.rs.POST
    @Path("{driver_name}/vendor_passthru")
    public Response vendorPost(@Context UriInfo uri, @PathParam("driver_name") String name, String body) {
        return vendor(uri, name, "POST", body);
    }

    @javax.ws.rs.PUT
    @Path("{driver_name}/vendor_passthru")
    public Response vendorPut(@Context UriInfo uri, @PathParam("driver_name") String name, String body) {
        return vendor(uri, name, "PUT", body);
    }

    @PATCH
    @Path("{driver_name}/vendor_passthru")
    public Response vendorPatch(@Context UriInfo uri, @PathParam("driver_name") String name, String body) {
        return vendor(uri, name, "PATCH", body);
    }

    @javax.ws.rs.DELETE
    @Path("{driver_name}/vendor_passthru")
    public Response vendorDelete(@Context UriInfo uri, @PathParam("driver_name") String name, String body) {
        return vendor(uri, name, "DELETE", body);
    }

    private Response vendor(UriInfo uri, String name, String verb, String body) {
        String method = VendorPassthruCall.method(uri.getQueryParameters());
        return VendorPassthruCall.answer(rpc.driverVendorPassthru(name, method, verb, VendorPassthruCall.data(body)));
    }

    @GET
    @Path("{driver_name}/properties")
    public Response properties(@PathParam("driver_name") String name) {
        rpc.getDriver(name).orElseThrow(() -> driverNotFound(name));
        ObjectNode out = Json.object();
        rpc.driverProperties(name).forEach(out::put);
        return Response.ok(out).build();
    }

    static ApiError driverNotFound(String name) {
        return ApiError.notFound("Could not find the following driver(s) or hardware type(s): " + name + ".");
    }

    static ObjectNode render(DriverDescription d, ApiVersion version, Links links, boolean detail) {
        ObjectNode out = Json.object();
        out.put("name", d.name());
        ArrayNode hosts = out.putArray("hosts");
        if (d.hosts() != null) {
            d.hosts().forEach(hosts::add);
        }
        out.set("links", links.pair("drivers", d.name()));
        if (version.atLeast(14)) {
            out.set("properties", links.pair("drivers", d.name() + "/properties"));
        }
        if (version.atLeast(30)) {
            out.put("type", "dynamic");
            if (detail) {
                for (Map.Entry<String, Integer> iface : INTERFACES.entrySet()) {
                    if (!version.atLeast(iface.getValue())) {
                        continue;
                    }
                    String type = iface.getKey();
                    out.put("default_" + type + "_interface",
                            d.defaultInterfaces() == null ? null : d.defaultInterfaces().get(type));
                    ArrayNode enabled = out.putArray("enabled_" + type + "_interfaces");
                    List<String> names = d.enabledInterfaces() == null ? null : d.enabledInterfaces().get(type);
                    if (names != null) {
                        names.forEach(enabled::add);
                    }
                }
            }
        }
        return out;
    }
}
