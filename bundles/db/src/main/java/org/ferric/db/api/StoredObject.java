package org.ferric.db.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of one {@link ObjectKind}: its fields by Ironic's names. Values are String, Integer, Boolean,
 * Instant (timestamps), Long ({@code id}) or, for JSON columns, what Jackson reads (maps, lists...).
 * A copy: changing it changes nothing until it is saved.
 */
public final class StoredObject {
    private final ObjectKind kind;
    private final Map<String, Object> fields;

    public StoredObject(ObjectKind kind, Map<String, Object> fields) {
        this.kind = kind;
        this.fields = new LinkedHashMap<>(fields);
    }

    public ObjectKind kind() {
        return kind;
    }

    /** Every field; modifiable. */
    public Map<String, Object> fields() {
        return fields;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String string(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    public StoredObject with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Long id() {
        return (Long) fields.get("id");
    }

    public String uuid() {
        return string("uuid");
    }

    public Instant createdAt() {
        return (Instant) fields.get("created_at");
    }

    public StoredObject copy() {
        return new StoredObject(kind, fields);
    }

    @Override
    public String toString() {
        // Never the fields: some kinds hold documents an operator may consider confidential.
        return kind + (uuid() != null ? " " + uuid() : " id " + id());
    }
}
