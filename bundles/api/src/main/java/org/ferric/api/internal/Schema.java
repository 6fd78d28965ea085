package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The small part of JSON Schema Ironic's bodies use (types, required, additionalProperties,
 * maxLength), with jsonschema's messages prefixed "Schema error for &lt;name&gt;: ".
 */
final class Schema {
    enum Type { STRING, INTEGER, BOOLEAN, ARRAY, NULL, OBJECT }

    record Property(Set<Type> types, int maxLength) {
        static Property of(Type... types) {
            return new Property(Set.of(types), -1);
        }

        Property maxLength(int max) {
            return new Property(types, max);
        }
    }

    private final String name;
    private final Map<String, Property> properties;
    private final List<String> required;

    Schema(String name, Map<String, Property> properties, List<String> required) {
        this.name = name;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.required = List.copyOf(required);
    }

    Map<String, Property> properties() {
        return properties;
    }

    String name() {
        return name;
    }

    List<String> required() {
        return required;
    }

    /** The same properties with nothing required: for checking the fields a patch changed. */
    Schema optional() {
        return new Schema(name, properties, List.of());
    }

    Schema named(String otherName) {
        return new Schema(otherName, properties, required);
    }

    void validate(JsonNode doc) {
        if (!doc.isObject()) {
            throw error(PyRepr.of(doc) + " is not of type 'object'");
        }
        for (Map.Entry<String, Property> p : properties.entrySet()) {
            JsonNode value = doc.get(p.getKey());
            if (value == null) {
                continue;
            }
            Property prop = p.getValue();
            if (!matches(value, prop.types())) {
                throw error(PyRepr.of(value) + " is not of type " + typeList(prop.types()));
            }
            if (prop.maxLength() >= 0 && value.isTextual() && value.textValue().codePointCount(0, value.textValue().length()) > prop.maxLength()) {
                throw error(PyRepr.of(value) + " is too long");
            }
        }
        for (String r : required) {
            if (!doc.has(r)) {
                throw error("'" + r + "' is a required property");
            }
        }
        List<String> extra = new ArrayList<>();
        doc.fieldNames().forEachRemaining(k -> {
            if (!properties.containsKey(k)) {
                extra.add(k);
            }
        });
        if (!extra.isEmpty()) {
            throw error(additionalPropertiesMessage(extra));
        }
    }

    static String additionalPropertiesMessage(List<String> extra) {
        List<String> sorted = new ArrayList<>(extra);
        Collections.sort(sorted);
        List<String> quoted = new ArrayList<>();
        sorted.forEach(e -> quoted.add(PyRepr.ofString(e)));
        return "Additional properties are not allowed (" + String.join(", ", quoted)
                + (sorted.size() == 1 ? " was" : " were") + " unexpected)";
    }

    private ApiError error(String message) {
        return ApiError.badRequest("Schema error for " + name + ": " + message);
    }

    private static boolean matches(JsonNode v, Set<Type> types) {
        return (v.isNull() && types.contains(Type.NULL)) || (v.isTextual() && types.contains(Type.STRING))
                || (v.isBoolean() && types.contains(Type.BOOLEAN)) || (v.isObject() && types.contains(Type.OBJECT))
                || (v.isIntegralNumber() && types.contains(Type.INTEGER)) || (v.isArray() && types.contains(Type.ARRAY));
    }

    /** jsonschema lists the allowed types in the schema's order; ours is string, boolean, object, null. */
    private static String typeList(Set<Type> types) {
        List<String> names = new ArrayList<>();
        for (Type t : List.of(Type.STRING, Type.INTEGER, Type.BOOLEAN, Type.ARRAY, Type.OBJECT, Type.NULL)) {
            if (types.contains(t)) {
                names.add("'" + t.name().toLowerCase(java.util.Locale.ROOT) + "'");
            }
        }
        if (types.equals(Set.of(Type.NULL, Type.OBJECT))) {
            return "'object', 'null'";
        }
        return String.join(", ", names);
    }
}
