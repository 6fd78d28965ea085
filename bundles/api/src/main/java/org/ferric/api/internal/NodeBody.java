package org.ferric.api.internal;

import static org.ferric.api.internal.Schema.Property.of;
import static org.ferric.api.internal.Schema.Type.BOOLEAN;
import static org.ferric.api.internal.Schema.Type.NULL;
import static org.ferric.api.internal.Schema.Type.OBJECT;
import static org.ferric.api.internal.Schema.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ferric.db.api.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Node documents sent by clients (create body, patched node): Ironic's {@code node_schema()} plus
 * its extra validators, the version gate on new fields, name rules, and the copy into {@link Node}.
 */
final class NodeBody {
    static final int DESCRIPTION_MAX = 4096;

    /** Ironic's {@code PATCH_ALLOWED_FIELDS}, in its order (the 400 message lists them). */
    static final List<String> PATCH_ALLOWED = List.of("automated_clean", "bios_interface", "boot_interface",
            "chassis_uuid", "conductor_group", "console_interface", "deploy_interface", "description", "driver",
            "driver_info", "extra", "inspect_interface", "instance_info", "instance_uuid", "lessee", "maintenance",
            "management_interface", "name", "network_data", "network_interface", "owner", "power_interface",
            "properties", "protected", "protected_reason", "raid_interface", "rescue_interface", "resource_class",
            "retired", "retired_reason", "shard", "storage_interface", "vendor_interface");

    /** Names the node routes already use (Ironic's reserved words, in its order). */
    static final List<String> RESERVED_NAMES = List.of("maintenance", "management", "states", "vendor_passthru",
            "detail", "validate");

    private static final Set<String> BOOLEANS = Set.of("automated_clean", "console_enabled", "protected", "maintenance",
            "retired", "secure_boot");
    private static final List<String> UUIDS = List.of("chassis_uuid", "instance_uuid", "uuid");

    static final Schema CREATE;
    static final Schema PATCHED;

    static {
        Map<String, Schema.Property> p = new LinkedHashMap<>();
        Schema.Property text = of(STRING, NULL);
        Schema.Property flag = of(STRING, BOOLEAN, NULL);
        Schema.Property dict = of(OBJECT, NULL);
        p.put("automated_clean", flag);
        p.put("bios_interface", text);
        p.put("boot_interface", text);
        p.put("boot_mode", text);
        p.put("chassis_uuid", text);
        p.put("conductor_group", text);
        p.put("console_enabled", flag);
        p.put("console_interface", text);
        p.put("deploy_interface", text);
        p.put("description", text.maxLength(DESCRIPTION_MAX));
        p.put("driver", of(STRING));
        p.put("driver_info", dict);
        p.put("extra", dict);
        p.put("inspect_interface", text);
        p.put("instance_info", dict);
        p.put("instance_uuid", text);
        p.put("lessee", text);
        p.put("management_interface", text);
        p.put("maintenance", flag);
        p.put("name", text);
        p.put("network_data", dict);
        p.put("network_interface", text);
        p.put("owner", text);
        p.put("power_interface", text);
        p.put("properties", dict);
        p.put("raid_interface", text);
        p.put("rescue_interface", text);
        p.put("resource_class", text.maxLength(80));
        p.put("retired", flag);
        p.put("retired_reason", text);
        p.put("secure_boot", flag);
        p.put("shard", text);
        p.put("storage_interface", text);
        p.put("uuid", text);
        p.put("vendor_interface", text);
        CREATE = new Schema("node", p, List.of("driver"));
        p.put("protected", flag);
        p.put("protected_reason", text);
        PATCHED = new Schema("patch", p, List.of("driver"));
    }

    private static final Pattern LOGICAL_NAME = Pattern.compile("^[A-Z0-9-._~]+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSTNAME_SAFE = Pattern.compile(
            "^[a-z0-9]([a-z0-9\\-]{0,61}[a-z0-9])?(\\.[a-z0-9\\-_]{0,62}[a-z0-9])*\\.?$");

    private NodeBody() {
    }

    /**
     * Validates a document against the schema and Ironic's extra validators, returning the values
     * to store (booleans given as strings are converted).
     */
    static Map<String, Object> validate(Schema schema, ObjectNode doc) {
        schema.validate(doc);
        Map<String, Object> values = new LinkedHashMap<>();
        doc.fields().forEachRemaining(e -> values.put(e.getKey(), toValue(e.getKey(), e.getValue())));
        for (String u : UUIDS) {
            Object v = values.get(u);
            if (v instanceof String s) {
                Args.uuid(u, s);
            }
        }
        return values;
    }

    private static Object toValue(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (BOOLEANS.contains(field)) {
            return v.isBoolean() ? v.booleanValue() : Args.bool(field, v.asText());
        }
        if (v.isObject()) {
            return Json.toMap(v);
        }
        return v.textValue();
    }

    /** Ironic's {@code reject_fields_in_newer_versions}: a create naming a newer field is refused (406). */
    static void rejectNewerFields(ObjectNode body, ApiVersion version) {
        for (String field : NodeField.disallowedAt(version)) {
            JsonNode v = body.get(field);
            if ("conductor_group".equals(field)) {
                // Ironic compares with "" here, so even an explicit null is refused.
                if (v != null && !(v.isTextual() && v.textValue().isEmpty())) {
                    throw ApiError.notAcceptable();
                }
            } else if (v != null && !v.isNull()) {
                throw ApiError.notAcceptable();
            }
        }
    }

    /** Ironic's {@code reject_patch_in_newer_versions}. */
    static void rejectNewerFields(JsonPatch patch, ApiVersion version) {
        for (String field : NodeField.disallowedAt(version)) {
            if (!patch.values("/" + field).isEmpty()) {
                throw ApiError.notAcceptable();
            }
        }
    }

    /**
     * Ironic's {@code _check_names_acceptable}.
     *
     * @param errorPrefix text before the quoted name in the 400 message
     */
    static void checkNames(List<String> names, ApiVersion version, String errorPrefix) {
        if (!version.atLeast(5)) {
            throw ApiError.notAcceptable();
        }
        for (String name : names) {
            if (!isValidNodeName(name, version)) {
                throw ApiError.badRequest(errorPrefix + "'" + name + "'");
            }
            if (RESERVED_NAMES.contains(name)) {
                throw ApiError.badRequest("The word \"" + name + "\" is reserved and can not be used as a node name. "
                        + "Reserved words are: " + String.join(", ", RESERVED_NAMES) + ".");
            }
        }
    }

    /** RFC 3986 unreserved characters from 1.10, the older hostname rule before; never UUID-like. */
    static boolean isValidNodeName(String name, ApiVersion version) {
        return isValidLogicalName(name, version) && !Args.isUuidLike(name);
    }

    static boolean isValidLogicalName(String name, ApiVersion version) {
        if (name == null || name.length() > 255) {
            return false;
        }
        return (version.atLeast(10) ? LOGICAL_NAME : HOSTNAME_SAFE).matcher(name).matches();
    }

    /** Copies validated values into the node; absent keys are left alone. */
    static void applyTo(Node node, Map<String, Object> values) {
        values.forEach((name, value) -> {
            NodeField f = NodeField.byName(name);
            if (f != null && f.setter != null) {
                f.setter.accept(node, value);
            }
        });
    }
}
