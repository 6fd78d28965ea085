package org.ferric.db.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node list query: equality filters by Java field name of {@link Node} (e.g.
 * {@code "provisionState" -> "active"}, {@code "maintenance" -> true}), special filters, a page.
 *
 * @param filters     field name to required value; a null value means "is null"
 * @param associated  true: instance_uuid set; false: not set; null: either
 * @param descriptionContains substring of the description, or null
 * @param limit       the page size, &gt; 0
 * @param markerId    only rows after the row with this id in the sort order, or null
 * @param sortKey     a {@link Node} field name, e.g. {@code id}, {@code name}, {@code createdAt}
 * @param ascending   sort direction
 */
public record NodeQuery(Map<String, Object> filters, Boolean associated, String descriptionContains,
        int limit, Long markerId, String sortKey, boolean ascending) {

    public NodeQuery {
        filters = filters == null ? Map.of() : new LinkedHashMap<>(filters);
        sortKey = sortKey == null ? "id" : sortKey;
    }

    /** All nodes by id, up to {@code limit}. */
    public static NodeQuery all(int limit) {
        return new NodeQuery(Map.of(), null, null, limit, null, "id", true);
    }
}
