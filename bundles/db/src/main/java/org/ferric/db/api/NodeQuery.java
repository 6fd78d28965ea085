package org.ferric.db.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node list query: equality filters by Java field name of {@link Node} (e.g.
 * {@code "provisionState" -> "active"}, {@code "maintenance" -> true}), special filters, a page.
 *
 * @param filters     field name to required value; a null value means "is null"
 * @param associated  true: instance_uuid set; false: not set; null: either
 * @param descriptionContains substring of the description, or null
 * @param shards      only nodes in one of these shards (an empty collection matches none), or null (since 1.2)
 * @param sharded     true: shard set; false: not set; null: either (since 1.2)
 * @param limit       the page size, &gt; 0
 * @param markerId    only rows after the row with this id in the sort order, or null
 * @param sortKey     a {@link Node} field name, e.g. {@code id}, {@code name}, {@code createdAt}
 * @param ascending   sort direction
 */
public record NodeQuery(Map<String, Object> filters, Boolean associated, String descriptionContains,
        Collection<String> shards, Boolean sharded, int limit, Long markerId, String sortKey, boolean ascending) {

    public NodeQuery {
        filters = filters == null ? Map.of() : new LinkedHashMap<>(filters);
        shards = shards == null ? null : List.copyOf(shards);
        sortKey = sortKey == null ? "id" : sortKey;
    }

    /** The 1.0 query, without shard filters: kept so that callers compiled against 1.0/1.1 still link. */
    public NodeQuery(Map<String, Object> filters, Boolean associated, String descriptionContains,
            int limit, Long markerId, String sortKey, boolean ascending) {
        this(filters, associated, descriptionContains, null, null, limit, markerId, sortKey, ascending);
    }

    /** All nodes by id, up to {@code limit}. */
    public static NodeQuery all(int limit) {
        return new NodeQuery(Map.of(), null, null, limit, null, "id", true);
    }
}
