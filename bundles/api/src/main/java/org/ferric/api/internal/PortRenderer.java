package org.ferric.api.internal;

import java.util.List;
import java.util.Map;

import org.ferric.db.api.Port;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A port at one microversion (Ironic's port {@code convert_with_links} and {@code hide_fields_in_newer_versions}). */
final class PortRenderer {
    /** Fields of a non-detailed list item. */
    static final List<String> LIST_FIELDS = List.of("uuid", "address");
    /** Every field in output order, with the microversion that introduced it. */
    static final Map<String, Integer> FIELDS = orderedFields();

    private final ApiVersion version;
    private final Links links;

    PortRenderer(ApiVersion version, Links links) {
        this.version = version;
        this.links = links;
    }

    private static Map<String, Integer> orderedFields() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("uuid", 1);
        m.put("created_at", 1);
        m.put("updated_at", 1);
        m.put("address", 1);
        m.put("extra", 1);
        m.put("internal_info", 18);
        m.put("is_smartnic", 53);
        m.put("local_link_connection", 19);
        m.put("physical_network", 34);
        m.put("pxe_enabled", 19);
        m.put("node_uuid", 1);
        m.put("links", 1);
        m.put("portgroup_uuid", 24);
        return java.util.Collections.unmodifiableMap(m);
    }

    static void checkFields(List<String> fields, ApiVersion version) {
        if (fields == null) {
            return;
        }
        if (!version.atLeast(8)) {
            throw ApiError.notAcceptable();
        }
        for (String f : fields) {
            Integer min = FIELDS.get(f);
            if (min != null && !version.atLeast(min)) {
                throw ApiError.notAcceptable();
            }
        }
        List<String> invalid = new java.util.ArrayList<>();
        for (String f : fields) {
            if (!FIELDS.containsKey(f)) {
                invalid.add(f);
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiError.badRequest("Field(s) \"" + String.join(", ", invalid) + "\" are not valid");
        }
    }

    ObjectNode render(Port port, List<String> fields) {
        return render(port, fields, false);
    }

    ObjectNode render(Port port, List<String> fields, boolean wholeSeconds) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, Integer> e : FIELDS.entrySet()) {
            String name = e.getKey();
            if (!version.atLeast(e.getValue()) || (fields != null && !fields.contains(name) && !"links".equals(name))) {
                continue;
            }
            switch (name) {
                case "uuid" -> out.put(name, port.getUuid());
                case "created_at" -> out.put(name, IsoTime.format(wholeSeconds && port.getCreatedAt() != null
                        ? port.getCreatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : port.getCreatedAt()));
                case "updated_at" -> out.put(name, IsoTime.format(port.getUpdatedAt()));
                case "address" -> out.put(name, port.getAddress());
                case "extra" -> out.set(name, Json.toTree(port.getExtra() == null ? Map.of() : port.getExtra()));
                case "internal_info" -> out.set(name, Json.toTree(port.getInternalInfo() == null ? Map.of() : port.getInternalInfo()));
                case "is_smartnic" -> out.put(name, port.isSmartnic());
                case "local_link_connection" -> out.set(name,
                        Json.toTree(port.getLocalLinkConnection() == null ? Map.of() : port.getLocalLinkConnection()));
                case "physical_network" -> out.put(name, port.getPhysicalNetwork());
                case "pxe_enabled" -> out.put(name, port.isPxeEnabled());
                case "node_uuid" -> out.put(name, port.getNodeUuid());
                case "links" -> out.set(name, links.pair("ports", port.getUuid()));
                case "portgroup_uuid" -> out.put(name, port.getPortgroupUuid());
                default -> throw new IllegalStateException(name);
            }
        }
        return out;
    }

    /** The port as a patch applies to it. */
    static ObjectNode patchDocument(Port port) {
        return new PortRenderer(ApiVersion.MAX, new Links("")).render(port, null);
    }
}
