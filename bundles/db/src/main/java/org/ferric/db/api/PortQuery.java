package org.ferric.db.api;

/**
 * A port list query.
 *
 * @param nodeUuid  only ports of this node, or null
 * @param address   only the port with this MAC, or null
 * @param limit     the page size, &gt; 0
 * @param markerId  only rows after this id in sort order, or null
 * @param sortKey   a {@link Port} field name
 * @param ascending sort direction
 */
public record PortQuery(String nodeUuid, String address, int limit, Long markerId, String sortKey, boolean ascending) {

    public PortQuery {
        sortKey = sortKey == null ? "id" : sortKey;
    }
}
