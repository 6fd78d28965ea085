package org.ferric.db.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Root;

import org.ferric.db.api.NodeQuery;

/** Turns a {@link NodeQuery} into one Criteria query over {@code nodes}. */
final class NodeListing {

    /**
     * Node fields a list may sort by: the scalar VARCHAR, number and timestamp columns. The text
     * (CLOB) columns are left out because Derby can neither compare nor order them.
     */
    static final Set<String> SORT_KEYS = Set.of(
            "id", "uuid", "name", "chassisUuid", "instanceUuid", "driver",
            "powerState", "targetPowerState", "provisionState", "targetProvisionState", "provisionUpdatedAt",
            "fault", "reservation", "conductorAffinity", "conductorGroup", "resourceClass",
            "inspectionStartedAt", "inspectionFinishedAt",
            "biosInterface", "bootInterface", "consoleInterface", "deployInterface", "inspectInterface",
            "managementInterface", "networkInterface", "powerInterface", "raidInterface", "rescueInterface",
            "storageInterface", "vendorInterface",
            "owner", "lessee", "allocationUuid", "bootMode", "shard", "createdAt", "updatedAt");

    /** Node fields a list may filter by equality: the sort keys and the flags. */
    static final Set<String> FILTER_KEYS;

    static {
        Set<String> keys = new TreeSet<>(SORT_KEYS);
        keys.addAll(List.of("maintenance", "consoleEnabled", "automatedClean", "protected_", "retired", "secureBoot"));
        FILTER_KEYS = Set.copyOf(keys);
    }

    private NodeListing() {
    }

    static List<NodeEntity> list(EntityManager em, NodeQuery q) {
        KeysetPage<NodeEntity> page = new KeysetPage<>(em, NodeEntity.class);
        CriteriaBuilder cb = page.cb();
        Root<NodeEntity> n = page.root();
        for (Map.Entry<String, Object> filter : q.filters().entrySet()) {
            Path<Object> attribute = n.get(attribute(filter.getKey(), FILTER_KEYS, "filter"));
            Object value = filter.getValue();
            page.where(value == null ? cb.isNull(attribute)
                    : cb.equal(attribute, page.value(coerce(filter.getKey(), value, attribute.getJavaType()))));
        }
        if (q.associated() != null) {
            Path<String> instance = n.get("instanceUuid");
            page.where(q.associated() ? cb.isNotNull(instance) : cb.isNull(instance));
        }
        if (q.shards() != null) {
            page.where(q.shards().isEmpty() ? cb.disjunction()
                    : n.get("shard").in(q.shards().stream().map(page::value).toArray(Expression[]::new)));
        }
        if (q.sharded() != null) {
            Path<String> shard = n.get("shard");
            page.where(q.sharded() ? cb.isNotNull(shard) : cb.isNull(shard));
        }
        if (q.descriptionContains() != null) {
            page.where(cb.like(n.get("description"), page.value("%" + escapeLike(q.descriptionContains()) + "%"), '\\'));
        }
        return page.fetch(attribute(q.sortKey(), SORT_KEYS, "sort"), SORT_KEYS, q.ascending(), q.markerId(), q.limit());
    }

    /** The entity attribute for a Node field name; Node's {@code protected_} may also be written {@code protected}. */
    private static String attribute(String field, Set<String> allowed, String use) {
        String name = "protected".equals(field) ? "protected_" : field;
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("Cannot " + use + " nodes by '" + field + "'; allowed: " + new TreeSet<>(allowed));
        }
        return name;
    }

    /** Accepts what an API layer naturally has: strings for everything, or the field's own type. */
    private static Object coerce(String field, Object value, Class<?> type) {
        if (type == String.class) {
            return value.toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
            String s = value.toString().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
        } else if (type == Long.class) {
            if (value instanceof Number number) {
                return number.longValue();
            }
            try {
                return Long.valueOf(value.toString());
            } catch (NumberFormatException e) {
                // reported below
            }
        } else if (type == Timestamp.class) {
            if (value instanceof Instant instant) {
                return Timestamps.toDb(instant);
            }
            try {
                return Timestamps.toDb(Instant.parse(value.toString()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("Invalid value for node filter '" + field + "': " + value);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
