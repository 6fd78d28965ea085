package org.ferric.api.internal;

import static org.ferric.api.internal.Schema.Property.of;
import static org.ferric.api.internal.Schema.Type.ARRAY;
import static org.ferric.api.internal.Schema.Type.BOOLEAN;
import static org.ferric.api.internal.Schema.Type.INTEGER;
import static org.ferric.api.internal.Schema.Type.NULL;
import static org.ferric.api.internal.Schema.Type.OBJECT;
import static org.ferric.api.internal.Schema.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.db.api.ObjectKind;

/**
 * How one of Ironic's simpler resources looks on the wire: its fields with the microversion that
 * introduced each, the fields of a non-detailed list item, its body schema, what PATCH may change and
 * which query parameters filter it. {@link ObjectApi} serves any of them.
 *
 * @param collection   the path below {@code /v1}, also the key of the list
 * @param label        the name used in messages ("Portgroup")
 * @param minVersion   the microversion that introduced the resource
 * @param fields       output fields in order: name to minimal microversion ({@code links} included)
 * @param subLinks     link lists under the object: name to the microversion that introduced them
 * @param listFields   fields of a non-detailed list item (null: lists are always detailed)
 * @param byName       true if the resource can be addressed by name as well as by uuid
 * @param schema       the create body (patch documents are validated against it too)
 * @param patchable    the top-level fields PATCH may change
 * @param filters      query parameter to field, for list filters
 * @param sortable     fields a list may be sorted by
 * @param jsonDefaults JSON fields shown as {} or [] when empty
 */
record ObjectType(ObjectKind kind, String collection, String label, int minVersion, Map<String, Integer> fields,
        Map<String, Integer> subLinks, List<String> listFields, boolean byName, Schema schema, List<String> patchable,
        Map<String, String> filters, Set<String> sortable, Map<String, Object> jsonDefaults) {

    static final ObjectType PORTGROUP = new ObjectType(ObjectKind.PORTGROUP, "portgroups", "Portgroup", 23,
            fields("uuid", 23, "created_at", 23, "updated_at", 23, "address", 23, "extra", 23, "internal_info", 23,
                    "mode", 26, "name", 23, "properties", 26, "standalone_ports_supported", 23, "node_uuid", 23, "links", 23),
            Map.of("ports", 24), List.of("uuid", "address", "name"), true,
            new Schema("portgroup", props("address", of(STRING, NULL), "extra", of(OBJECT, NULL), "mode", of(STRING, NULL),
                    "name", of(STRING, NULL).maxLength(255), "node_uuid", of(STRING), "properties", of(OBJECT, NULL),
                    "standalone_ports_supported", of(STRING, BOOLEAN, NULL), "uuid", of(STRING, NULL)), List.of("node_uuid")),
            List.of("address", "extra", "mode", "name", "node_uuid", "properties", "standalone_ports_supported"),
            Map.of("node", "node_uuid", "address", "address"),
            Set.of("id", "uuid", "name", "address", "node_uuid", "mode", "created_at", "updated_at"),
            Map.of("extra", Map.of(), "internal_info", Map.of(), "properties", Map.of()));

    static final ObjectType VOLUME_CONNECTOR = new ObjectType(ObjectKind.VOLUME_CONNECTOR, "volume/connectors",
            "Volume connector", 32,
            fields("uuid", 32, "created_at", 32, "updated_at", 32, "connector_id", 32, "extra", 32, "links", 32,
                    "node_uuid", 32, "type", 32),
            Map.of(), List.of("uuid", "type", "connector_id", "node_uuid"), false,
            new Schema("volume_connector", props("connector_id", of(STRING), "extra", of(OBJECT, NULL),
                    "node_uuid", of(STRING), "type", of(STRING), "uuid", of(STRING, NULL)),
                    List.of("connector_id", "node_uuid", "type")),
            List.of("connector_id", "extra", "node_uuid", "type"),
            Map.of("node", "node_uuid"),
            Set.of("id", "uuid", "type", "connector_id", "node_uuid", "created_at", "updated_at"),
            Map.of("extra", Map.of()));

    static final ObjectType VOLUME_TARGET = new ObjectType(ObjectKind.VOLUME_TARGET, "volume/targets", "Volume target", 32,
            fields("uuid", 32, "created_at", 32, "updated_at", 32, "boot_index", 32, "extra", 32, "links", 32,
                    "node_uuid", 32, "properties", 32, "volume_id", 32, "volume_type", 32),
            Map.of(), List.of("uuid", "volume_type", "boot_index", "volume_id", "node_uuid"), false,
            new Schema("volume_target", props("boot_index", of(INTEGER), "extra", of(OBJECT, NULL), "node_uuid", of(STRING),
                    "properties", of(OBJECT, NULL), "uuid", of(STRING, NULL), "volume_id", of(STRING),
                    "volume_type", of(STRING)), List.of("boot_index", "node_uuid", "volume_id", "volume_type")),
            List.of("boot_index", "extra", "node_uuid", "properties", "volume_id", "volume_type"),
            Map.of("node", "node_uuid"),
            Set.of("id", "uuid", "volume_type", "boot_index", "volume_id", "node_uuid", "created_at", "updated_at"),
            Map.of("extra", Map.of(), "properties", Map.of()));

    static final ObjectType DEPLOY_TEMPLATE = new ObjectType(ObjectKind.DEPLOY_TEMPLATE, "deploy_templates",
            "Deploy template", 55,
            fields("uuid", 55, "created_at", 55, "updated_at", 55, "name", 55, "extra", 55, "links", 55, "steps", 55),
            Map.of(), List.of("uuid", "name"), true,
            new Schema("deploy_template", props("extra", of(OBJECT, NULL), "name", of(STRING).maxLength(255),
                    "steps", of(ARRAY), "uuid", of(STRING, NULL)), List.of("name", "steps")),
            List.of("extra", "name", "steps"),
            Map.of(),
            Set.of("id", "uuid", "name", "created_at", "updated_at"),
            Map.of("extra", Map.of(), "steps", List.of()));

    static final ObjectType ALLOCATION = new ObjectType(ObjectKind.ALLOCATION, "allocations", "Allocation", 52,
            fields("uuid", 52, "created_at", 52, "updated_at", 52, "candidate_nodes", 52, "extra", 52, "last_error", 52,
                    "name", 52, "owner", 60, "resource_class", 52, "state", 52, "traits", 52, "links", 52,
                    "node_uuid", 52),
            Map.of(), null, true,
            new Schema("allocation", props("candidate_nodes", of(ARRAY, NULL), "extra", of(OBJECT, NULL),
                    "name", of(STRING, NULL).maxLength(255), "node", of(STRING, NULL), "owner", of(STRING, NULL).maxLength(255),
                    "resource_class", of(STRING, NULL).maxLength(80), "traits", of(ARRAY, NULL), "uuid", of(STRING, NULL)),
                    List.of()),
            List.of("extra", "name", "owner"),
            Map.of("node", "node_uuid", "resource_class", "resource_class", "state", "state", "owner", "owner"),
            Set.of("id", "uuid", "name", "node_uuid", "state", "owner", "resource_class", "created_at", "updated_at"),
            Map.of("extra", Map.of(), "traits", List.of(), "candidate_nodes", List.of()));

    private static Map<String, Integer> fields(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Schema.Property> props(Object... pairs) {
        Map<String, Schema.Property> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Schema.Property) pairs[i + 1]);
        }
        return m;
    }

    /** The JSON key of a list: the collection's last path segment. */
    String listKey() {
        return collection.substring(collection.lastIndexOf('/') + 1);
    }
}
