package org.ferric.api.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ferric.db.api.Node;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * A node as one request at one microversion sees it (Ironic's {@code node_convert_with_links} and
 * {@code node_sanitize}): fields newer than the version hidden, secrets masked, links on the
 * client's base URL.
 */
final class NodeRenderer {
    /** Fields of a non-detailed list item (Ironic's {@code _DEFAULT_RETURN_FIELDS}), in the order the next link names them. */
    static final List<String> LIST_FIELDS = List.of("instance_uuid", "maintenance", "power_state", "provision_state", "uuid", "name");

    private static final String AVAILABLE = "available";
    private static final String INSPECT_WAIT = "inspect wait";

    private final ApiVersion version;
    private final Links links;
    private final Function<Node, String> conductorOf;
    private boolean wholeSeconds;

    /** @param conductorOf the conductor serving a node, or null if none does */
    NodeRenderer(ApiVersion version, Links links, Function<Node, String> conductorOf) {
        this.version = version;
        this.links = links;
        this.conductorOf = conductorOf;
    }

    /** Ironic's create answer shows timestamps before the database round trip, without microseconds. */
    NodeRenderer wholeSeconds() {
        this.wholeSeconds = true;
        return this;
    }

    /**
     * Checks a {@code fields} parameter as Ironic does: 406 before 1.8 or for a field newer than
     * the version, 400 for an unknown one.
     */
    static void checkFields(List<String> fields, ApiVersion version) {
        if (fields == null) {
            return;
        }
        if (!version.atLeast(8)) {
            throw ApiError.notAcceptable();
        }
        List<String> disallowed = NodeField.disallowedAt(version);
        for (String f : fields) {
            if (disallowed.contains(f)) {
                throw ApiError.notAcceptable();
            }
        }
        for (String f : fields) {
            NodeField field = NodeField.byName(f);
            if (field == null || field == NodeField.CREATED_AT || field == NodeField.UPDATED_AT) {
                throw ApiError.badRequest("Field " + f + " is not a valid field.");
            }
        }
    }

    /** The fields of a full answer before the links, per minor version: {@code NodeField.values()} filtered once. */
    private static final NodeField[][] OWN_FIELDS = new NodeField[ApiVersion.MAX.minor() + 1][];
    /** The API-filled fields shown after the links, in that order. */
    private static final NodeField[] AFTER_LINKS = {NodeField.CONDUCTOR, NodeField.ALLOCATION_UUID, NodeField.CHASSIS_UUID};
    static {
        for (int minor = 0; minor < OWN_FIELDS.length; minor++) {
            OWN_FIELDS[minor] = ownFields(new ApiVersion(1, minor));
        }
    }

    private static NodeField[] ownFields(ApiVersion v) {
        List<NodeField> out = new ArrayList<>();
        for (NodeField f : NodeField.values()) {
            if (!f.apiFulfilled() && f.visibleAt(v)) {
                out.add(f);
            }
        }
        return out.toArray(new NodeField[0]);
    }

    /** @param fields the requested fields (already checked), or null for all */
    ObjectNode render(Node node, List<String> fields) {
        TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false);
        try {
            write(buffer, node, fields);
            return Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the node as one JSON object, field by field, without building a tree: lists of
     * detailed nodes are written this way, and a page of 1,000 is 2.4 MB.
     *
     * @param fields the requested fields (already checked), or null for all
     */
    void write(JsonGenerator out, Node node, List<String> fields) throws IOException {
        out.writeStartObject();
        if (fields == null) {
            int minor = version.minor();
            NodeField[] own = version.major() == 1 && minor >= 0 && minor < OWN_FIELDS.length
                    ? OWN_FIELDS[minor] : ownFields(version);
            for (NodeField f : own) {
                put(out, node, f);
            }
        } else {
            if (fields.contains("uuid")) {
                put(out, node, NodeField.UUID);
            }
            // A field named twice is shown once, where it is first named.
            for (String name : new LinkedHashSet<>(fields)) {
                NodeField f = NodeField.byName(name);
                if (f != null && f != NodeField.UUID && !f.apiFulfilled() && f.visibleAt(version)) {
                    put(out, node, f);
                }
            }
        }
        String uuid = node.getUuid();
        writeLinks(out, "links", uuid);
        for (NodeField f : AFTER_LINKS) {
            if (f.visibleAt(version) && (fields == null || fields.contains(f.api))) {
                put(out, node, f);
            }
        }
        if (fields == null) {
            writeLinks(out, "ports", uuid + "/ports");
            if (version.atLeast(14)) {
                writeLinks(out, "states", uuid + "/states");
            }
            if (version.atLeast(24)) {
                writeLinks(out, "portgroups", uuid + "/portgroups");
            }
            if (version.atLeast(32)) {
                writeLinks(out, "volume", uuid + "/volume");
            }
        }
        out.writeEndObject();
    }

    /** {@link Links#pair} of {@code nodes/<args>}, written in place. */
    private void writeLinks(JsonGenerator out, String name, String args) throws IOException {
        out.writeArrayFieldStart(name);
        out.writeStartObject();
        out.writeStringField("href", links.url("nodes", args));
        out.writeStringField("rel", "self");
        out.writeEndObject();
        out.writeStartObject();
        out.writeStringField("href", links.bookmark("nodes", args));
        out.writeStringField("rel", "bookmark");
        out.writeEndObject();
        out.writeEndArray();
    }

    /** {@code GET /v1/nodes/{id}/states}. */
    ObjectNode states(Node node) {
        ObjectNode out = Json.object();
        out.put("console_enabled", node.isConsoleEnabled());
        out.put("last_error", node.getLastError());
        out.put("power_state", node.getPowerState());
        out.put("provision_state", legacyProvisionState(node.getProvisionState()));
        out.put("target_power_state", node.getTargetPowerState());
        out.put("target_provision_state", node.getTargetProvisionState());
        out.put("provision_updated_at", time(node.getProvisionUpdatedAt()));
        if (version.atLeast(12)) {
            out.set("raid_config", Json.toTree(orEmpty(node.getRaidConfig())));
            out.set("target_raid_config", Json.toTree(orEmpty(node.getTargetRaidConfig())));
        }
        if (version.atLeast(75)) {
            out.put("boot_mode", node.getBootMode());
            if (node.getSecureBoot() == null) {
                out.putNull("secure_boot");
            } else {
                out.put("secure_boot", node.getSecureBoot());
            }
        }
        return out;
    }

    /**
     * The node as a patch applies to it: every patchable field, unmasked and regardless of the
     * version, as Ironic patches {@code rpc_node.as_dict()}.
     */
    static ObjectNode patchDocument(Node node) {
        ObjectNode out = Json.object();
        for (NodeField f : NodeField.values()) {
            if (f == NodeField.CONDUCTOR) {
                continue;
            }
            Object value = f.getter.apply(node);
            switch (f.kind) {
                case DICT -> out.set(f.api, Json.toTree(orEmpty(castMap(value))));
                case LIST -> out.set(f.api, Json.toTree(value == null ? List.of() : value));
                case TIME -> out.put(f.api, IsoTime.format((Instant) value));
                default -> out.set(f.api, Json.toTree(value));
            }
        }
        return out;
    }

    private void put(JsonGenerator out, Node node, NodeField f) throws IOException {
        out.writeFieldName(f.api);
        if (f == NodeField.CONDUCTOR) {
            out.writeString(conductorOf.apply(node));
            return;
        }
        Object value = f.getter.apply(node);
        switch (f) {
            case DRIVER_INFO -> writeDict(out, castMap(value), Secrets::maskDict);
            case INSTANCE_INFO -> writeDict(out, castMap(value), Secrets::maskInstanceInfo);
            case DRIVER_INTERNAL_INFO -> writeDict(out, castMap(value), Secrets::maskDriverInternalInfo);
            case PROVISION_STATE -> out.writeString(legacyProvisionState((String) value));
            default -> {
                switch (f.kind) {
                    case TEXT -> out.writeString((String) value);
                    case BOOL -> out.writeBoolean(Boolean.TRUE.equals(value));
                    case OPT_BOOL -> {
                        if (value == null) {
                            out.writeNull();
                        } else {
                            out.writeBoolean((Boolean) value);
                        }
                    }
                    case DICT -> writeDict(out, castMap(value), null);
                    case LIST -> {
                        out.writeStartArray();
                        if (value != null) {
                            for (Object v : (Collection<?>) value) {
                                out.writeString(String.valueOf(v));
                            }
                        }
                        out.writeEndArray();
                    }
                    case TIME -> out.writeString(time((Instant) value));
                    default -> throw new IllegalStateException(f.kind.name());
                }
            }
        }
    }

    /** A dict, masked first if it may hold secrets; most are empty, and those skip the masking copy. */
    private static void writeDict(JsonGenerator out, Map<String, Object> dict,
            Function<Map<String, Object>, ObjectNode> mask) throws IOException {
        if (dict == null || dict.isEmpty()) {
            out.writeStartObject();
            out.writeEndObject();
        } else if (mask != null) {
            out.writeTree(mask.apply(dict));
        } else {
            out.writeObject(dict);
        }
    }

    private String time(Instant t) {
        return IsoTime.format(wholeSeconds && t != null ? t.truncatedTo(ChronoUnit.SECONDS) : t);
    }

    /** Older clients know neither {@code available} (1.2: was NOSTATE, null) nor {@code inspect wait} (1.39). */
    String legacyProvisionState(String state) {
        if (AVAILABLE.equals(state) && !version.atLeast(2)) {
            return null;
        }
        if (INSPECT_WAIT.equals(state) && !version.atLeast(39)) {
            return "inspecting";
        }
        return state;
    }

    static List<String> names(Set<NodeField> fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.api));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }
}
