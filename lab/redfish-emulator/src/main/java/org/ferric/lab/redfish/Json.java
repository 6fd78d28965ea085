package org.ferric.lab.redfish;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one ObjectMapper and a few builders for Redfish's link objects. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"@odata.id": path}}. */
    static ObjectNode link(String path) {
        return object().put("@odata.id", path);
    }

    static ObjectNode resource(String path, String type, String id, String name) {
        ObjectNode n = object();
        n.put("@odata.id", path);
        n.put("@odata.type", type);
        n.put("Id", id);
        n.put("Name", name);
        return n;
    }

    static ObjectNode collection(String path, String type, String name, Iterable<String> members) {
        ObjectNode n = object();
        n.put("@odata.id", path);
        n.put("@odata.type", type);
        n.put("Name", name);
        var array = n.putArray("Members");
        members.forEach(m -> array.add(link(m)));
        n.put("Members@odata.count", array.size());
        return n;
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw RedfishError.malformed(e.getMessage());
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode fromMap(Map<String, ?> map) {
        return MAPPER.valueToTree(map);
    }
}
