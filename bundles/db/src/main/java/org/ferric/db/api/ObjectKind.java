package org.ferric.db.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources stored as {@link StoredObject}s: each is one table whose columns carry Ironic's
 * field names. Every kind has {@code id}, {@code created_at} and {@code updated_at}; kinds with a
 * {@code uuid} get one made on create when none is given.
 */
public enum ObjectKind {
    NODE_HISTORY("node_history", List.of(List.of("uuid")),
            col("uuid"), col("node_uuid"), text("event"), col("event_type"), col("severity"), col("conductor"),
            new Column("user", "user_id", Type.STRING)),
    PORTGROUP("portgroups", List.of(List.of("uuid"), List.of("name"), List.of("address")),
            col("uuid"), col("name"), col("node_uuid"), col("address"), json("extra"), json("internal_info"),
            bool("standalone_ports_supported"), col("mode"), json("properties")),
    VOLUME_CONNECTOR("volume_connectors", List.of(List.of("uuid"), List.of("type", "connector_id")),
            col("uuid"), col("node_uuid"), col("type"), col("connector_id"), json("extra")),
    VOLUME_TARGET("volume_targets", List.of(List.of("uuid"), List.of("node_uuid", "boot_index")),
            col("uuid"), col("node_uuid"), col("volume_type"), json("properties"), integer("boot_index"),
            col("volume_id"), json("extra")),
    DEPLOY_TEMPLATE("deploy_templates", List.of(List.of("uuid"), List.of("name")),
            col("uuid"), col("name"), json("steps"), json("extra")),
    ALLOCATION("allocations", List.of(List.of("uuid"), List.of("name")),
            col("uuid"), col("name"), col("node_uuid"), col("state"), col("owner"), text("last_error"),
            col("resource_class"), json("traits"), json("candidate_nodes"), json("extra"), col("conductor_affinity")),
    BIOS_SETTING("bios_settings", List.of(List.of("node_uuid", "name")),
            col("node_uuid"), col("name"), new Column("value", "setting_value", Type.TEXT), col("attribute_type"),
            json("allowable_values"), integer("lower_bound"), integer("max_length"), integer("min_length"),
            bool("read_only"), bool("reset_required"), new Column("unique", "unique_setting", Type.BOOLEAN),
            integer("upper_bound")),
    NODE_INVENTORY("node_inventory", List.of(List.of("node_uuid")),
            col("node_uuid"), json("inventory_data"), json("plugin_data"));

    /** How a column is stored. TEXT and JSON columns can be neither filtered nor sorted by. */
    public enum Type { STRING, TEXT, INTEGER, BOOLEAN, JSON, TIMESTAMP }

    /** @param field Ironic's field name; {@code column} differs only where the name is reserved in SQL */
    public record Column(String field, String column, Type type) {
        public boolean comparable() {
            return type != Type.TEXT && type != Type.JSON;
        }
    }

    private final String table;
    private final List<List<String>> uniqueFields;
    private final Map<String, Column> columns;

    ObjectKind(String table, List<List<String>> uniqueFields, Column... columns) {
        this.table = table;
        this.uniqueFields = uniqueFields;
        Map<String, Column> byField = new java.util.LinkedHashMap<>();
        byField.put("id", new Column("id", "id", Type.INTEGER));
        for (Column c : columns) {
            byField.put(c.field(), c);
        }
        byField.put("created_at", new Column("created_at", "created_at", Type.TIMESTAMP));
        byField.put("updated_at", new Column("updated_at", "updated_at", Type.TIMESTAMP));
        this.columns = java.util.Collections.unmodifiableMap(byField);
    }

    public String table() {
        return table;
    }

    /** Field sets that are unique together; a clash is a {@link DuplicateEntryException} naming the first field. */
    public List<List<String>> uniqueFields() {
        return uniqueFields;
    }

    /** Every column by field name, {@code id} first and the timestamps last. */
    public Map<String, Column> columns() {
        return columns;
    }

    public Optional<Column> column(String field) {
        return Optional.ofNullable(columns.get(field));
    }

    public boolean hasUuid() {
        return columns.containsKey("uuid");
    }

    private static Column col(String name) {
        return new Column(name, name, Type.STRING);
    }

    private static Column text(String name) {
        return new Column(name, name, Type.TEXT);
    }

    private static Column json(String name) {
        return new Column(name, name, Type.JSON);
    }

    private static Column bool(String name) {
        return new Column(name, name, Type.BOOLEAN);
    }

    private static Column integer(String name) {
        return new Column(name, name, Type.INTEGER);
    }
}
