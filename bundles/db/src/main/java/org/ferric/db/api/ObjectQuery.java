package org.ferric.db.api;

import java.util.Map;

/**
 * A list query over one {@link ObjectKind}.
 *
 * @param filters   field name to value (equality; a null value means IS NULL); only comparable columns
 * @param limit     the page size, &gt; 0
 * @param markerId  only rows after this id in sort order, or null
 * @param sortKey   a comparable field name
 * @param ascending sort direction
 */
public record ObjectQuery(ObjectKind kind, Map<String, Object> filters, int limit, Long markerId, String sortKey,
        boolean ascending) {

    public ObjectQuery {
        filters = filters == null ? Map.of() : new java.util.LinkedHashMap<>(filters);
        sortKey = sortKey == null ? "id" : sortKey;
    }

    public static ObjectQuery all(ObjectKind kind, Map<String, Object> filters, int limit) {
        return new ObjectQuery(kind, filters, limit, null, "id", true);
    }
}
