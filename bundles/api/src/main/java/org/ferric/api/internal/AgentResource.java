package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.ferric.db.api.Node;
import org.ferric.db.api.Port;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ramdisk agent's endpoints (1.22): {@code GET /v1/lookup} finds the node by MAC addresses or
 * uuid, only in {@code LOOKUP_ALLOWED_STATES}, and hands out the agent token once;
 * {@code POST /v1/heartbeat/{node}} needs that token and is passed to the conductor.
 */
@Component(service = AgentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Produces(MediaType.APPLICATION_JSON)
@Path("v1")
public class AgentResource {
    static final Set<String> LOOKUP_ALLOWED_STATES = Set.of("deploying", "wait call-back", "cleaning", "clean wait",
            "inspecting", "inspect wait", "rescuing", "rescue wait");
    static final List<String> AGENT_VALID_STATES = List.of("start", "end", "error");
    private static final Logger LOG = LoggerFactory.getLogger(AgentResource.class);

    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public AgentResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @GET
    @Path("lookup")
    public Response lookup(@Context UriInfo uri, @HeaderParam(ApiVersion.HEADER) String v) {
        ApiVersion version = ApiVersion.negotiate(v);
        if (!version.atLeast(22)) {
            throw ApiError.notFound("Resource could not be found.");
        }
        var q = uri.getQueryParameters();
        NodesResource.rejectUnexpected(q, Set.of("addresses", "node_uuid"));
        String nodeUuid = Args.uuid("node_uuid", q.getFirst("node_uuid"));
        List<String> macs = new ArrayList<>();
        for (String a : Optional.ofNullable(Args.stringList(q.getFirst("addresses"))).orElse(List.of())) {
            String mac = Args.normalizeMac(a);
            if (mac != null) {
                macs.add(mac);
            }
        }
        if (macs.isEmpty() && nodeUuid == null) {
            throw ApiError.badRequest("One or more valid MAC addresses or a node UUID is required for lookup");
        }
        Node node = null;
        if (nodeUuid != null) {
            node = db.getNodeByUuid(nodeUuid).orElse(null);
        } else {
            for (String mac : macs) {
                Optional<Port> port = db.getPortByAddress(mac);
                if (port.isPresent()) {
                    node = db.getNodeByUuid(port.get().getNodeUuid()).orElse(null);
                    break;
                }
            }
        }
        if (node == null || !LOOKUP_ALLOWED_STATES.contains(node.getProvisionState())) {
            LOG.info("Lookup refused: no node in a lookup state for the given addresses");
            throw ApiError.notFound("Resource could not be found.");
        }
        Node withToken = version.atLeast(62) ? rpc.nodeWithAgentToken(node.getUuid()) : node;
        Object token = withToken.getDriverInternalInfo().get("agent_secret_token");
        ObjectNode out = Json.object();
        ObjectNode n = out.putObject("node");
        n.put("uuid", withToken.getUuid());
        n.set("properties", Json.toTree(withToken.getProperties()));
        n.set("instance_info", Secrets.maskInstanceInfo(withToken.getInstanceInfo()));
        n.set("driver_internal_info", Secrets.maskDriverInternalInfo(withToken.getDriverInternalInfo()));
        n.set("links", Links.of(uri, settings).pair("nodes", withToken.getUuid()));
        ObjectNode config = out.putObject("config");
        ObjectNode metrics = config.putObject("metrics");
        metrics.put("backend", "noop");
        metrics.put("prepend_host", false);
        metrics.put("prepend_uuid", false);
        metrics.put("prepend_host_reverse", true);
        metrics.putNull("global_prefix");
        ObjectNode statsd = config.putObject("metrics_statsd");
        statsd.put("statsd_host", "localhost");
        statsd.put("statsd_port", 8125);
        config.put("heartbeat_timeout", 300);
        config.set("agent_token", Json.toTree(token));
        config.put("agent_token_required", true);
        config.put("disable_deep_image_inspection", false);
        config.putArray("permitted_image_formats").add("raw").add("qcow2").add("iso");
        return Response.ok(out).build();
    }

    @POST
    @Path("heartbeat/{node_ident}")
    public Response heartbeat(@HeaderParam(ApiVersion.HEADER) String v, @PathParam("node_ident") String ident, String body) {
        ApiVersion version = ApiVersion.negotiate(v);
        if (!version.atLeast(22)) {
            throw ApiError.notFound("Resource could not be found.");
        }
        ObjectNode args = NodeStatesResource.arguments(body, Set.of("callback_url", "agent_version", "agent_token",
                "agent_verify_ca", "agent_status", "agent_status_message"));
        String callbackUrl = NodeStatesResource.string(args, "callback_url", true);
        String agentVersion = NodeStatesResource.string(args, "agent_version", false);
        String token = NodeStatesResource.string(args, "agent_token", false);
        String verifyCa = NodeStatesResource.string(args, "agent_verify_ca", false);
        String status = NodeStatesResource.string(args, "agent_status", false);
        String statusMessage = NodeStatesResource.string(args, "agent_status_message", false);
        if (agentVersion != null && !version.atLeast(36)) {
            throw ApiError.badRequest("Field \"agent_version\" not recognised");
        }
        if ((status != null || statusMessage != null) && !version.atLeast(72)) {
            throw ApiError.badRequest("Fields \"agent_status\" and \"agent_status_message\" not recognised.");
        }
        if (verifyCa != null && !version.atLeast(68)) {
            throw ApiError.badRequest("Field \"agent_verify_ca\" not recognised in this version");
        }
        Node node = NodeLookup.find(db, ident, version);
        Object agentUrl = node.getDriverInternalInfo().get("agent_url");
        if (agentUrl != null && !agentUrl.equals(callbackUrl)) {
            throw ApiError.badRequest("Detected change in ramdisk provided \"callback_url\"");
        }
        if (token == null) {
            throw ApiError.badRequest("Agent token is required for heartbeat processing.");
        }
        if (status != null && !AGENT_VALID_STATES.contains(status)) {
            throw ApiError.badRequest("Agent status is invalid. Valid states are " + String.join(",", AGENT_VALID_STATES) + ".");
        }
        rpc.heartbeat(node.getUuid(), callbackUrl, agentVersion, token, verifyCa, status, statusMessage);
        return Response.status(202).build();
    }
}
