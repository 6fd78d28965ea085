package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;

import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.ferric.db.api.Port;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.PortQuery;
import org.ferric.db.api.StoredObject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A page of ports, shared by {@code /v1/ports}, {@code /v1/nodes/{id}/ports} and {@code /v1/portgroups/{id}/ports}. */
final class PortListing {
    private static final List<String> UNSORTABLE = List.of("extra", "internal_info", "local_link_connection");
    private static final Map<String, String> SORT_PROPERTIES = Map.of("id", "id", "uuid", "uuid", "address", "address",
            "created_at", "createdAt", "updated_at", "updatedAt", "pxe_enabled", "pxeEnabled", "physical_network",
            "physicalNetwork", "is_smartnic", "smartnic");

    private final DbApi db;
    private final ApiSettings settings;

    PortListing(DbApi db, ApiSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * @param parent       the node whose ports to list, or null to use the {@code node}/{@code node_uuid} filters
     * @param resourceUrl  the collection's path below {@code /v1}, for the next link
     */
    ObjectNode list(UriInfo uri, ApiVersion version, Node parent, boolean detailPath, String resourceUrl) {
        return list(uri, version, parent, null, detailPath, resourceUrl);
    }

    /**
     * @param parentPortgroup the portgroup whose ports to list ({@code /v1/portgroups/{id}/ports}), or null
     */
    ObjectNode list(UriInfo uri, ApiVersion version, Node parent, StoredObject parentPortgroup, boolean detailPath,
            String resourceUrl) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Set<String> accepted = new java.util.HashSet<>(Set.of("marker", "limit", "sort_key", "sort_dir"));
        if (parent == null) {
            accepted.addAll(Set.of("node", "node_uuid", "address", "portgroup", "shard"));
        }
        if (!detailPath) {
            accepted.addAll(Set.of("fields", "detail"));
        }
        NodesResource.rejectUnexpected(q, accepted);
        String nodeUuid = Args.uuid("node_uuid", q.getFirst("node_uuid"));
        String marker = Args.uuid("marker", q.getFirst("marker"));
        List<String> fields = Args.stringList(q.getFirst("fields"));
        Boolean detail = Args.bool("detail", q.getFirst("detail"));
        String sortKey = q.getFirst("sort_key") == null ? "id" : q.getFirst("sort_key");
        String sortDir = q.getFirst("sort_dir") == null ? "asc" : q.getFirst("sort_dir");
        PortRenderer.checkFields(fields, version);
        if (detail != null && !version.atLeast(43)) {
            throw ApiError.badRequest("Invalid query parameter ?detail=" + Paging.py(detail) + " received.");
        }
        if (fields != null && Boolean.TRUE.equals(detail)) {
            throw ApiError.badRequest("Can not specify ?detail=True and fields in the same request.");
        }
        boolean full = detailPath || Boolean.TRUE.equals(detail);
        List<String> shown = full ? null : (fields == null ? PortRenderer.LIST_FIELDS : fields);
        int limit = Paging.limit(q.getFirst("limit"), settings.maxLimit());
        boolean ascending = Paging.ascending(sortDir);
        Long markerId = null;
        if (marker != null) {
            markerId = db.getPortByUuid(marker).orElseThrow(() -> ApiError.portNotFound(marker)).getId();
        }
        if (UNSORTABLE.contains(sortKey)) {
            throw ApiError.badRequest("The sort_key value " + sortKey + " is an invalid field for sorting");
        }
        String sortProperty = SORT_PROPERTIES.get(sortKey);
        if (sortProperty == null) {
            throw ApiError.badRequest("The sort_key value \"" + sortKey + "\" is an invalid field for sorting");
        }

        String portgroupIdent = parentPortgroup != null ? parentPortgroup.uuid() : q.getFirst("portgroup");
        if (q.getFirst("portgroup") != null && !version.atLeast(24)) {
            throw ApiError.notAcceptable();
        }
        List<String> shards = parent == null ? Args.stringList(q.getFirst("shard")) : null;
        if (shards != null && !version.atLeast(82)) {
            throw ApiError.notAcceptableBefore(82);
        }
        String nodeIdent = parent != null ? parent.getUuid() : nodeUuid != null ? nodeUuid : q.getFirst("node");
        // Ironic allows one of node, portgroup and shard per request.
        int exclusive = (nodeIdent != null && !nodeIdent.isEmpty() ? 1 : 0)
                + (portgroupIdent != null && !portgroupIdent.isEmpty() ? 1 : 0) + (shards != null && !shards.isEmpty() ? 1 : 0);
        if (exclusive > 1) {
            throw new ApiError(403, "Operation not permitted.");
        }
        String address = parent == null ? q.getFirst("address") : null;
        List<Port> ports;
        if (portgroupIdent != null && !portgroupIdent.isEmpty()) {
            String portgroupUuid = parentPortgroup != null ? parentPortgroup.uuid() : portgroupUuid(portgroupIdent, version);
            ports = db.listPorts(new PortQuery(null, null, portgroupUuid, null, limit, markerId, sortProperty, ascending));
        } else if (nodeIdent != null && !nodeIdent.isEmpty()) {
            String nodeFilter = parent != null ? parent.getUuid() : NodeLookup.find(db, nodeIdent, version).getUuid();
            ports = db.listPorts(new PortQuery(nodeFilter, null, null, null, limit, markerId, sortProperty, ascending));
        } else if (address != null) {
            Optional<Port> p = db.getPortByAddress(address.toLowerCase(java.util.Locale.ROOT));
            ports = p.map(List::of).orElse(List.of());
        } else {
            ports = db.listPorts(new PortQuery(null, null, null, shards != null && !shards.isEmpty() ? shards : null,
                    limit, markerId, sortProperty, ascending));
        }
        Links links = Links.of(uri, settings);
        PortRenderer renderer = new PortRenderer(version, links);
        ArrayNode items = Json.array();
        List<Port> shownPorts = new ArrayList<>(ports);
        for (Port p : shownPorts) {
            items.add(renderer.render(p, shown));
        }
        ObjectNode out = Json.object();
        out.set("ports", items);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sort_key", sortKey);
        parameters.put("sort_dir", sortDir);
        if (detail != null) {
            parameters.put("detail", Paging.py(detail));
        }
        String next = Paging.next(links, detailPath ? resourceUrl + "/detail" : resourceUrl, ports.size(), limit,
                parameters, full ? null : shown, ports.isEmpty() ? null : ports.get(ports.size() - 1).getUuid());
        if (next != null) {
            out.put("next", next);
        }
        return out;
    }

    /** Ironic's get_rpc_portgroup: a UUID, else a valid name; 404 if there is none. */
    private String portgroupUuid(String ident, ApiVersion version) {
        Optional<StoredObject> found;
        if (Args.isUuidLike(ident)) {
            found = db.findObject(ObjectKind.PORTGROUP, "uuid", ident);
        } else if (NodeBody.isValidLogicalName(ident, version)) {
            found = db.findObject(ObjectKind.PORTGROUP, "name", ident);
        } else {
            throw ApiError.badRequest("Expected a logical name or UUID but received " + ident + ".");
        }
        return found.orElseThrow(() -> ApiError.notFound("Portgroup " + ident + " could not be found.")).uuid();
    }
}
