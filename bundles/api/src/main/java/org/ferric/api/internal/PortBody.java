package org.ferric.api.internal;

import static org.ferric.api.internal.Schema.Property.of;
import static org.ferric.api.internal.Schema.Type.BOOLEAN;
import static org.ferric.api.internal.Schema.Type.NULL;
import static org.ferric.api.internal.Schema.Type.OBJECT;
import static org.ferric.api.internal.Schema.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.Port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Port documents sent by clients: Ironic's {@code PORT_SCHEMA} and extra validators. */
final class PortBody {
    static final List<String> PATCH_ALLOWED = List.of("address", "extra", "is_smartnic", "local_link_connection",
            "node_uuid", "physical_network", "portgroup_uuid", "pxe_enabled");

    static final Schema SCHEMA;
    static {
        Map<String, Schema.Property> p = new LinkedHashMap<>();
        p.put("address", of(STRING));
        p.put("extra", of(OBJECT, NULL));
        p.put("is_smartnic", of(STRING, BOOLEAN, NULL));
        p.put("local_link_connection", of(OBJECT, NULL));
        p.put("node_uuid", of(STRING));
        p.put("physical_network", of(STRING, NULL).maxLength(64));
        p.put("portgroup_uuid", of(STRING, NULL));
        p.put("pxe_enabled", of(STRING, BOOLEAN, NULL));
        p.put("uuid", of(STRING, NULL));
        SCHEMA = new Schema("port", p, List.of("address", "node_uuid"));
    }

    private PortBody() {
    }

    /** Validates and normalises (MAC lower-cased, booleans parsed). */
    static Map<String, Object> validate(Schema schema, ObjectNode doc) {
        schema.validate(doc);
        Map<String, Object> v = new LinkedHashMap<>();
        doc.fields().forEachRemaining(e -> v.put(e.getKey(), plain(e.getValue())));
        if (v.get("address") != null) {
            String mac = Args.normalizeMac((String) v.get("address"));
            if (mac == null) {
                throw ApiError.badRequest("Expected valid MAC address for address: " + v.get("address"));
            }
            v.put("address", mac);
        }
        if (v.get("node_uuid") != null) {
            Args.uuid("node_uuid", (String) v.get("node_uuid"));
        }
        for (String flag : List.of("is_smartnic", "pxe_enabled")) {
            JsonNode n = doc.get(flag);
            if (n != null && !n.isNull()) {
                v.put(flag, n.isBoolean() ? n.booleanValue() : Args.bool(flag, n.asText()));
            }
        }
        for (String uuid : List.of("portgroup_uuid", "uuid")) {
            if (v.get(uuid) != null) {
                Args.uuid(uuid, (String) v.get(uuid));
            }
        }
        return v;
    }

    /** Ironic refuses fields newer than the request's version with 406. */
    static void rejectNewerFields(Map<String, Object> values, ApiVersion version) {
        for (String f : values.keySet()) {
            Integer min = PortRenderer.FIELDS.get(f);
            if (min != null && !version.atLeast(min) && values.get(f) != null) {
                throw ApiError.notAcceptable();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void applyTo(Port port, Map<String, Object> v, boolean all) {
        if (all || v.containsKey("uuid")) {
            if (v.get("uuid") != null) {
                port.setUuid((String) v.get("uuid"));
            }
        }
        if (all || v.containsKey("address")) {
            port.setAddress((String) v.get("address"));
        }
        if (all || v.containsKey("node_uuid")) {
            port.setNodeUuid((String) v.get("node_uuid"));
        }
        if (all || v.containsKey("extra")) {
            port.setExtra((Map<String, Object>) v.get("extra"));
        }
        if (all || v.containsKey("local_link_connection")) {
            port.setLocalLinkConnection((Map<String, Object>) v.get("local_link_connection"));
        }
        if (all || v.containsKey("physical_network")) {
            port.setPhysicalNetwork((String) v.get("physical_network"));
        }
        if (all || v.containsKey("portgroup_uuid")) {
            port.setPortgroupUuid((String) v.get("portgroup_uuid"));
        }
        if (all || v.containsKey("pxe_enabled")) {
            port.setPxeEnabled(v.get("pxe_enabled") == null || Boolean.TRUE.equals(v.get("pxe_enabled")));
        }
        if (all || v.containsKey("is_smartnic")) {
            port.setSmartnic(Boolean.TRUE.equals(v.get("is_smartnic")));
        }
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isObject() ? Json.toMap(n) : n.isTextual() ? n.textValue() : Json.toJava(n);
    }
}
