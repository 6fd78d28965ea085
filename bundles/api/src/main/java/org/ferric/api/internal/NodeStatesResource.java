package org.ferric.api.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/nodes/{id}/states}: reading states and asking for power and provisioning changes (202, done later). */
@Component(service = NodeStatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/nodes/{node_ident}/states")
@Produces(MediaType.APPLICATION_JSON)
public class NodeStatesResource {
    static final List<String> POWER_TARGETS = List.of("power on", "power off", "rebooting", "soft rebooting", "soft power off");
    private static final Set<String> SOFT_TARGETS = Set.of("soft rebooting", "soft power off");

    /** Provision verbs and the microversion that introduced them (Ironic's {@code MIN_VERB_VERSIONS}). */
    static final Map<String, Integer> VERBS = new LinkedHashMap<>();
    static {
        for (String v : List.of("active", "deleted", "rebuild")) {
            VERBS.put(v, 1);
        }
        VERBS.put("manage", 4);
        VERBS.put("provide", 4);
        VERBS.put("inspect", 6);
        VERBS.put("abort", 13);
        VERBS.put("clean", 15);
        VERBS.put("adopt", 17);
        VERBS.put("rescue", 38);
        VERBS.put("unrescue", 38);
        VERBS.put("deploy", 73);
        VERBS.put("undeploy", 73);
    }

    private static final Set<String> PROVISION_ARGS = Set.of("target", "configdrive", "clean_steps", "deploy_steps",
            "rescue_password", "disable_ramdisk");

    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public NodeStatesResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @GET
    public Response get(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        Node node = NodeLookup.find(db, ident, version);
        return Response.ok(new NodeRenderer(version, Links.of(uri, settings), n -> null).states(node)).build();
    }

    @PUT
    @Path("power")
    public Response power(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        ObjectNode args = arguments(body, Set.of("target", "timeout"));
        String target = string(args, "target", true);
        Integer timeout = integer(args, "timeout");
        Node node = NodeLookup.find(db, ident, version);
        if ((SOFT_TARGETS.contains(target) || (timeout != null && timeout != 0)) && !version.atLeast(27)) {
            throw ApiError.notAcceptable();
        }
        if (timeout != null && timeout < 1) {
            throw ApiError.badRequest("timeout has to be positive integer");
        }
        if (!POWER_TARGETS.contains(target)) {
            throw ApiError.invalidStateRequested(target, ident, Args.py(node.getPowerState()));
        }
        if ("cleaning".equals(node.getProvisionState()) || "clean wait".equals(node.getProvisionState())) {
            throw ApiError.invalidStateRequested(target, ident, node.getProvisionState());
        }
        rpc.changeNodePowerState(node.getUuid(), target, timeout);
        return accepted(uri, ident);
    }

    @PUT
    @Path("provision")
    public Response provision(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        ObjectNode args = arguments(body, PROVISION_ARGS);
        String target = string(args, "target", true);
        JsonNode configdrive = args.get("configdrive");
        if (configdrive != null && !(configdrive.isNull() || configdrive.isObject() || configdrive.isTextual())) {
            throw ApiError.badRequest("Expected types <class 'NoneType'>, <class 'dict'>, <class 'str'> for configdrive: "
                    + PyRepr.of(configdrive));
        }
        JsonNode cleanSteps = list(args, "clean_steps");
        JsonNode deploySteps = list(args, "deploy_steps");
        String rescuePassword = string(args, "rescue_password", false);
        Boolean disableRamdisk = args.hasNonNull("disable_ramdisk")
                ? (args.get("disable_ramdisk").isBoolean() ? args.get("disable_ramdisk").booleanValue()
                        : Args.bool("disable_ramdisk", args.get("disable_ramdisk").asText()))
                : null;

        Node node = NodeLookup.find(db, ident, version);
        Integer minVersion = VERBS.get(target);
        if (minVersion != null && !version.atLeast(minVersion)) {
            throw ApiError.notAcceptable();
        }
        if (("active".equals(target) || "rebuild".equals(target)) && node.isMaintenance()) {
            throw ApiError.badRequest("The provisioning operation can't be performed on node " + node.getUuid()
                    + " because it's in maintenance mode.");
        }
        if (minVersion == null) {
            if (node.getReservation() != null) {
                throw ApiError.conflict("Node " + node.getUuid() + " is locked by host " + node.getReservation()
                        + ", please retry after the current operation is completed.");
            }
            throw ApiError.invalidStateRequested(target, node.getUuid(), Args.py(node.getProvisionState()));
        }
        checkConfigdrive(target, configdrive, version);
        if (disableRamdisk != null) {
            if (!version.atLeast(70)) {
                throw ApiError.notAcceptable();
            }
            if (!"clean".equals(target)) {
                throw ApiError.badRequest("\"disable_ramdisk\" is supported only with manual cleaning");
            }
        }
        boolean hasCleanSteps = cleanSteps != null && cleanSteps.size() > 0;
        if (hasCleanSteps && !"clean".equals(target)) {
            throw ApiError.badRequest("\"clean_steps\" is only valid when setting target provision state to clean");
        }
        if (deploySteps != null) {
            if (!version.atLeast(69)) {
                throw ApiError.notAcceptable();
            }
            if (!Set.of("active", "rebuild", "deploy").contains(target)) {
                throw ApiError.badRequest("\"deploy_steps\" is only valid when setting target provision state to active or rebuild");
            }
        }
        if (rescuePassword != null && !"rescue".equals(target)) {
            throw ApiError.badRequest("\"rescue_password\" is only valid when setting target provision state to rescue");
        }
        if ("rescue".equals(target) && (rescuePassword == null || rescuePassword.isBlank())) {
            throw ApiError.badRequest("A non-empty \"rescue_password\" is required when setting target provision state to rescue");
        }
        if ("clean".equals(target) && !hasCleanSteps) {
            throw ApiError.badRequest("\"clean_steps\" is required when setting target provision state to clean");
        }
        Map<String, Object> rpcArgs = new LinkedHashMap<>();
        for (String name : List.of("configdrive", "clean_steps", "deploy_steps", "rescue_password", "disable_ramdisk")) {
            if (args.has(name) && !args.get(name).isNull()) {
                rpcArgs.put(name, "disable_ramdisk".equals(name) ? disableRamdisk : Json.toJava(args.get(name)));
            }
        }
        rpc.doProvisioningAction(node.getUuid(), target, rpcArgs);
        return accepted(uri, ident);
    }

    @PUT
    @Path("raid")
    public Response raid(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("node_ident") String ident,
            String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        if (!version.atLeast(12)) {
            throw ApiError.notAcceptable();
        }
        JsonNode doc = Json.parseBody(body);
        if (!doc.isObject()) {
            throw ApiError.badRequest("Invalid RAID configuration: " + PyRepr.of(doc) + " is not of type 'object'");
        }
        JsonNode disks = doc.get("logical_disks");
        if (doc.size() > 0 && (disks == null || !disks.isArray())) {
            throw ApiError.badRequest("Invalid RAID configuration: 'logical_disks' is a required property of type 'array'");
        }
        if (disks != null) {
            for (JsonNode d : disks) {
                if (!d.isObject() || !d.has("size_gb") || !d.has("raid_level")) {
                    throw ApiError.badRequest("Invalid RAID configuration: each logical disk needs 'size_gb' and 'raid_level'");
                }
            }
        }
        Node node = NodeLookup.find(db, ident, version);
        rpc.setTargetRaidConfig(node.getUuid(), Json.toMap(doc));
        return Response.noContent().build();
    }

    @PUT
    @Path("boot_mode")
    public Response bootMode(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        if (!version.atLeast(76)) {
            throw ApiError.notAcceptable();
        }
        String target = string(arguments(body, Set.of("target")), "target", true);
        if (!Set.of("uefi", "bios").contains(target)) {
            throw ApiError.badRequest("Invalid boot mode " + target + " requested for node. Allowed boot modes are: 'uefi', 'bios'");
        }
        Node node = NodeLookup.find(db, ident, version);
        rpc.setBootMode(node.getUuid(), target);
        return accepted(uri, ident);
    }

    @PUT
    @Path("secure_boot")
    public Response secureBoot(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        if (!version.atLeast(76)) {
            throw ApiError.notAcceptable();
        }
        JsonNode target = arguments(body, Set.of("target")).get("target");
        if (target == null || !target.isBoolean()) {
            throw ApiError.badRequest("Invalid secure boot state " + (target == null ? "None" : PyRepr.of(target))
                    + " requested for node. Allowed values are: True, False");
        }
        Node node = NodeLookup.find(db, ident, version);
        rpc.setSecureBoot(node.getUuid(), target.booleanValue());
        return accepted(uri, ident);
    }

    @GET
    @Path("console")
    public Response console(@HeaderParam(ApiVersion.HEADER) String versionHeader, @PathParam("node_ident") String ident) {
        Node node = NodeLookup.find(db, ident, ApiVersion.negotiate(versionHeader));
        return Response.ok(Json.toTree(rpc.getConsole(node.getUuid()))).build();
    }

    @PUT
    @Path("console")
    public Response setConsole(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String versionHeader,
            @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(versionHeader);
        JsonNode enabled = arguments(body, Set.of("enabled")).get("enabled");
        Boolean on = enabled == null || enabled.isNull() ? null
                : enabled.isBoolean() ? enabled.booleanValue() : Args.bool("enabled", enabled.asText());
        if (on == null) {
            throw ApiError.badRequest("Missing mandatory parameter: enabled");
        }
        Node node = NodeLookup.find(db, ident, version);
        rpc.setConsoleMode(node.getUuid(), on);
        return Response.status(202).header("Location", Links.of(uri, settings).url("nodes", ident + "/states/console")).build();
    }

    private Response accepted(UriInfo uri, String ident) {
        return Response.status(202).header("Location", Links.of(uri, settings).url("nodes", ident + "/states")).build();
    }

    private static void checkConfigdrive(String target, JsonNode configdrive, ApiVersion version) {
        if (configdrive == null || configdrive.isNull() || (configdrive.isTextual() && configdrive.textValue().isEmpty())
                || (configdrive.isObject() && configdrive.size() == 0)) {
            return;
        }
        List<String> allowed = version.atLeast(35) ? List.of("active", "rebuild") : List.of("active");
        if (!allowed.contains(target)) {
            throw ApiError.badRequest("Adding a config drive is only supported when setting provision state to "
                    + String.join(", ", allowed));
        }
        if (configdrive.isObject()) {
            if (!version.atLeast(56)) {
                throw ApiError.badRequest("Providing a JSON object for configdrive is only supported starting with API version 1.56");
            }
            if (configdrive.has("vendor_data") && !version.atLeast(59)) {
                throw ApiError.badRequest("Providing vendor_data in configdrive is only supported starting with API version 1.59");
            }
        } else if (!configdrive.textValue().contains("://")
                && !configdrive.textValue().matches("[A-Za-z0-9+/=\\n\\r\\t ]*")) {
            throw ApiError.badRequest("Invalid configdrive format: it is neither a JSON, nor a URL, nor a base64 string");
        }
    }

    /** The body as a map of named arguments; unknown names are refused like Ironic's args.validate. */
    static ObjectNode arguments(String body, Set<String> accepted) {
        JsonNode doc = Json.parseBody(body);
        if (!doc.isObject()) {
            throw ApiError.badRequest("Expected a JSON object as the request body, got " + PyRepr.of(doc));
        }
        Set<String> unexpected = new TreeSet<>();
        doc.fieldNames().forEachRemaining(k -> {
            if (!accepted.contains(k)) {
                unexpected.add(k);
            }
        });
        if (!unexpected.isEmpty()) {
            throw ApiError.badRequest("Unexpected arguments: " + String.join(", ", unexpected));
        }
        return (ObjectNode) doc;
    }

    static String string(ObjectNode args, String name, boolean required) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiError.badRequest("Missing mandatory parameter: " + name);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("Expected string for " + name + ": " + PyRepr.of(v));
        }
        return v.textValue();
    }

    private static Integer integer(ObjectNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        return Args.integer(name, v.isTextual() ? v.textValue() : PyRepr.of(v));
    }

    private static JsonNode list(ObjectNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiError.badRequest("Expected types <class 'NoneType'>, <class 'list'> for " + name + ": " + PyRepr.of(v));
        }
        return v;
    }
}
