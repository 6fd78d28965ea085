package org.ferric.db.api;

import java.util.Collection;
import java.util.List;

/**
 * A port list query.
 *
 * @param nodeUuid      only ports of this node, or null
 * @param address       only the port with this MAC, or null
 * @param portgroupUuid only ports of this portgroup, or null (since 1.2)
 * @param nodeShards    only ports of nodes in one of these shards (empty matches none), or null (since 1.2)
 * @param limit         the page size, &gt; 0
 * @param markerId      only rows after this id in sort order, or null
 * @param sortKey       a {@link Port} field name
 * @param ascending     sort direction
 */
public record PortQuery(String nodeUuid, String address, String portgroupUuid, Collection<String> nodeShards, int limit,
        Long markerId, String sortKey, boolean ascending) {

    public PortQuery {
        nodeShards = nodeShards == null ? null : List.copyOf(nodeShards);
        sortKey = sortKey == null ? "id" : sortKey;
    }

    /** The 1.0 query, without a portgroup: kept so that callers compiled against 1.0/1.1 still link. */
    public PortQuery(String nodeUuid, String address, int limit, Long markerId, String sortKey, boolean ascending) {
        this(nodeUuid, address, null, null, limit, markerId, sortKey, ascending);
    }
}
