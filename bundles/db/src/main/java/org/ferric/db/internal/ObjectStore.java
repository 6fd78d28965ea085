package org.ferric.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.ferric.db.api.DbException;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.ObjectKind.Column;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.StoredObject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@link ObjectKind} tables over plain JDBC: their rows are simple, and a column list per kind
 * serves them all. Each call is one transaction. Paging is keyset paging with the same NULL order
 * as {@link KeysetPage} (NULL last ascending, first descending, on both Derby and PostgreSQL).
 */
final class ObjectStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    ObjectStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One transaction, run again if it lost a lock race ({@link LockRetry}): six inspections storing
     * their inventories at once timed out on Derby's locks of {@code node_inventory}.
     */
    <R> R tx(Work<R> work) {
        return LockRetry.run(() -> once(work));
    }

    private <R> R once(Work<R> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new DbException("Database error: " + ConstraintViolations.summary(e), ConstraintViolations.redacted(e));
        }
    }

    StoredObject create(Connection c, ObjectKind kind, Map<String, Object> given) throws SQLException {
        Map<String, Object> fields = checked(kind, given);
        if (kind.hasUuid() && fields.get("uuid") == null) {
            fields.put("uuid", UUID.randomUUID().toString());
        }
        fields.remove("id");
        fields.remove("updated_at");
        fields.put("created_at", Timestamps.now());
        checkNode(c, kind, fields);
        checkUnique(c, kind, fields, null);
        List<Column> cols = new ArrayList<>();
        for (String f : fields.keySet()) {
            cols.add(kind.columns().get(f));
        }
        String sql = "INSERT INTO " + kind.table() + " (" + String.join(", ", cols.stream().map(Column::column).toList())
                + ") VALUES (" + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Column col : cols) {
                bind(ps, i++, col, fields.get(col.field()));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw translate(e, kind, fields);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (String f : kind.hasUuid() ? List.of("uuid") : kind.uniqueFields().get(0)) {
            key.put(f, fields.get(f));
        }
        return select(c, kind, key, 1, null, "id", true).stream().findFirst()
                .orElseThrow(() -> new DbException("Inserted " + kind + " row vanished"));
    }

    StoredObject update(Connection c, StoredObject object) throws SQLException {
        ObjectKind kind = object.kind();
        Long id = object.id();
        if (id == null || find(c, kind, id) == null) {
            throw new NotFoundException(object + " not found");
        }
        Map<String, Object> fields = checked(kind, object.fields());
        fields.remove("id");
        fields.remove("created_at");
        fields.put("updated_at", Timestamps.now());
        checkNode(c, kind, fields);
        checkUnique(c, kind, fields, id);
        List<Column> cols = new ArrayList<>();
        for (String f : fields.keySet()) {
            cols.add(kind.columns().get(f));
        }
        String sql = "UPDATE " + kind.table() + " SET "
                + String.join(", ", cols.stream().map(col -> col.column() + " = ?").toList()) + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Column col : cols) {
                bind(ps, i++, col, fields.get(col.field()));
            }
            ps.setLong(i, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw translate(e, kind, fields);
        }
        return find(c, kind, id);
    }

    StoredObject find(Connection c, ObjectKind kind, long id) throws SQLException {
        List<StoredObject> found = select(c, kind, Map.of("id", id), 1, null, "id", true);
        return found.isEmpty() ? null : found.get(0);
    }

    int delete(Connection c, ObjectKind kind, String field, Object value) throws SQLException {
        Column col = comparable(kind, field);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + kind.table() + " WHERE " + col.column() + " = ?")) {
            bind(ps, 1, col, value);
            return ps.executeUpdate();
        }
    }

    List<StoredObject> list(Connection c, ObjectQuery q) throws SQLException {
        if (q.limit() <= 0) {
            throw new IllegalArgumentException("The limit must be positive, not " + q.limit());
        }
        return select(c, q.kind(), q.filters(), q.limit(), q.markerId(), q.sortKey(), q.ascending());
    }

    private List<StoredObject> select(Connection c, ObjectKind kind, Map<String, Object> filters, int limit,
            Long markerId, String sortKey, boolean ascending) throws SQLException {
        Column key = comparable(kind, sortKey);
        List<String> where = new ArrayList<>();
        List<Object[]> params = new ArrayList<>();
        for (Map.Entry<String, Object> f : filters.entrySet()) {
            Column col = comparable(kind, f.getKey());
            if (f.getValue() == null) {
                where.add(col.column() + " IS NULL");
            } else {
                where.add(col.column() + " = ?");
                params.add(new Object[] { col, convert(col, f.getValue()) });
            }
        }
        if (markerId != null) {
            Object markerValue = markerValue(c, kind, key, markerId);
            String k = key.column();
            String idAfter = ascending ? "id > ?" : "id < ?";
            Column idCol = kind.columns().get("id");
            if ("id".equals(sortKey)) {
                where.add(idAfter);
                params.add(new Object[] { idCol, markerId });
            } else if (markerValue == null) {
                where.add(ascending ? "(" + k + " IS NULL AND " + idAfter + ")"
                        : "(" + k + " IS NOT NULL OR (" + k + " IS NULL AND " + idAfter + "))");
                params.add(new Object[] { idCol, markerId });
            } else {
                where.add(ascending ? "(" + k + " > ? OR " + k + " IS NULL OR (" + k + " = ? AND " + idAfter + "))"
                        : "(" + k + " < ? OR (" + k + " = ? AND " + idAfter + "))");
                params.add(new Object[] { key, markerValue });
                params.add(new Object[] { key, markerValue });
                params.add(new Object[] { idCol, markerId });
            }
        }
        String dir = ascending ? " ASC" : " DESC";
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(kind.table());
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append("id".equals(sortKey) ? "id" + dir : key.column() + dir + ", id" + dir);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setMaxRows(limit);
            int i = 1;
            for (Object[] p : params) {
                bind(ps, i++, (Column) p[0], p[1]);
            }
            List<StoredObject> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(read(rs, kind));
                }
            }
            return out;
        }
    }

    private Object markerValue(Connection c, ObjectKind kind, Column key, long markerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key.column() + " FROM " + kind.table() + " WHERE id = ?")) {
            ps.setLong(1, markerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("Marker " + markerId + " not found");
                }
                return value(rs, key);
            }
        }
    }

    private static Column comparable(ObjectKind kind, String field) {
        Column col = kind.columns().get(field);
        if (col == null || !col.comparable()) {
            throw new IllegalArgumentException("Cannot filter or sort " + kind + " by '" + field + "'");
        }
        return col;
    }

    /** Known fields only, each converted to its column's Java type. */
    private static Map<String, Object> checked(ObjectKind kind, Map<String, Object> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Column col = kind.columns().get(e.getKey());
            if (col == null) {
                throw new IllegalArgumentException(kind + " has no field '" + e.getKey() + "'");
            }
            out.put(e.getKey(), e.getValue() == null ? null : convert(col, e.getValue()));
        }
        return out;
    }

    private static Object convert(Column col, Object v) {
        try {
            return switch (col.type()) {
                case STRING, TEXT -> v.toString();
                case INTEGER -> "id".equals(col.field()) ? (Object) ((Number) v).longValue()
                        : v instanceof Number n ? (Object) n.intValue() : (Object) Integer.valueOf(v.toString());
                case BOOLEAN -> v instanceof Boolean ? v : Boolean.valueOf(v.toString());
                case TIMESTAMP -> v instanceof Instant ? v : Instant.parse(v.toString());
                case JSON -> v;
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad value for " + col.field() + ": " + e.getMessage());
        }
    }

    private static void checkNode(Connection c, ObjectKind kind, Map<String, Object> fields) throws SQLException {
        Object node = fields.get("node_uuid");
        if (node == null || kind == ObjectKind.NODE_HISTORY) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM nodes WHERE uuid = ?")) {
            ps.setString(1, node.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("Node " + node + " not found");
                }
            }
        }
    }

    private void checkUnique(Connection c, ObjectKind kind, Map<String, Object> fields, Long selfId) throws SQLException {
        for (List<String> unique : kind.uniqueFields()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String f : unique) {
                values.put(f, fields.get(f));
            }
            if (values.containsValue(null)) {
                continue; // NULLs never clash
            }
            for (StoredObject holder : select(c, kind, values, 2, null, "id", true)) {
                if (!holder.id().equals(selfId)) {
                    throw new DuplicateEntryException(unique.get(0), String.valueOf(values.get(unique.get(0))));
                }
            }
        }
    }

    private static RuntimeException translate(SQLException e, ObjectKind kind, Map<String, Object> fields) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            String message = ConstraintViolations.summary(e).toLowerCase(java.util.Locale.ROOT);
            for (List<String> unique : kind.uniqueFields()) {
                if (message.contains("uniq_" + kind.table() + "_" + String.join("_", unique))) {
                    return new DuplicateEntryException(unique.get(0), String.valueOf(fields.get(unique.get(0))));
                }
            }
            if (message.contains("fk_")) {
                return new NotFoundException("Node " + fields.get("node_uuid") + " not found");
            }
        }
        return new DbException("Database error on " + kind.table() + ": " + ConstraintViolations.summary(e),
                ConstraintViolations.redacted(e));
    }

    private static void bind(PreparedStatement ps, int i, Column col, Object v) throws SQLException {
        switch (col.type()) {
            case STRING, TEXT -> {
                if (v == null) {
                    ps.setNull(i, col.type() == ObjectKind.Type.TEXT ? Types.CLOB : Types.VARCHAR);
                } else {
                    ps.setString(i, v.toString());
                }
            }
            case INTEGER -> {
                if (v == null) {
                    ps.setNull(i, Types.INTEGER);
                } else if ("id".equals(col.field())) {
                    ps.setLong(i, ((Number) v).longValue());
                } else {
                    ps.setInt(i, ((Number) v).intValue());
                }
            }
            case BOOLEAN -> {
                if (v == null) {
                    ps.setNull(i, Types.BOOLEAN);
                } else {
                    ps.setBoolean(i, (Boolean) v);
                }
            }
            case TIMESTAMP -> ps.setTimestamp(i, Timestamps.toDb((Instant) v));
            case JSON -> {
                if (v == null) {
                    ps.setNull(i, Types.CLOB);
                } else {
                    try {
                        ps.setString(i, MAPPER.writeValueAsString(v));
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException("Value of " + col.field() + " cannot be stored as JSON");
                    }
                }
            }
            default -> throw new IllegalStateException(col.toString());
        }
    }

    private static StoredObject read(ResultSet rs, ObjectKind kind) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Column col : kind.columns().values()) {
            fields.put(col.field(), value(rs, col));
        }
        return new StoredObject(kind, fields);
    }

    private static Object value(ResultSet rs, Column col) throws SQLException {
        String name = col.column();
        switch (col.type()) {
            case STRING, TEXT:
                return rs.getString(name);
            case INTEGER: {
                long v = rs.getLong(name);
                if (rs.wasNull()) {
                    return null;
                }
                return "id".equals(col.field()) ? (Object) v : (Object) (int) v;
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(name);
                return rs.wasNull() ? null : v;
            }
            case TIMESTAMP: {
                Timestamp t = rs.getTimestamp(name);
                return Timestamps.fromDb(t);
            }
            case JSON: {
                String json = rs.getString(name);
                if (json == null) {
                    return null;
                }
                try {
                    return MAPPER.readValue(json, Object.class);
                } catch (JsonProcessingException e) {
                    throw new DbException("Stored JSON document is corrupt (" + e.getOriginalMessage() + ")");
                }
            }
            default:
                throw new IllegalStateException(col.toString());
        }
    }
}
