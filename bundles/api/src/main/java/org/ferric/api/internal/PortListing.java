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
import org.ferric.db.api.PortQuery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A page of ports, shared by {@code /v1/ports} and {@code /v1/nodes/{id}/ports}. */
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

        String nodeFilter = null;
        if (parent != null) {
            nodeFilter = parent.getUuid();
        } else if (q.getFirst("node") != null) {
            nodeFilter = NodeLookup.find(db, q.getFirst("node"), version).getUuid();
        } else if (nodeUuid != null) {
            nodeFilter = NodeLookup.find(db, nodeUuid, version).getUuid();
        }
        List<Port> ports;
        String address = parent == null ? q.getFirst("address") : null;
        if (nodeFilter == null && address != null) {
            Optional<Port> p = db.getPortByAddress(address.toLowerCase(java.util.Locale.ROOT));
            ports = p.map(List::of).orElse(List.of());
        } else {
            ports = db.listPorts(new PortQuery(nodeFilter, null, limit, markerId, sortProperty, ascending));
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
}
