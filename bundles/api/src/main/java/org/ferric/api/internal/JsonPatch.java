package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 as Ironic accepts it: only {@code add}, {@code replace} and {@code remove}, paths of
 * plain words, applied one operation at a time so an error names the operation (python-jsonpatch's
 * messages). Written on Jackson trees instead of a library because the restricted schema and the
 * exact messages are most of the work.
 */
final class JsonPatch {
    private static final Set<String> OPS = Set.of("add", "replace", "remove");
    private static final Set<String> KEYS = Set.of("op", "path", "value");
    private static final Pattern PATH = Pattern.compile("^(/[\\w-]+)+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String PATH_REPR = "'^(/[\\\\w-]+)+$'";

    private final List<ObjectNode> ops;

    private JsonPatch(List<ObjectNode> ops) {
        this.ops = ops;
    }

    /** Checks the body against Ironic's patch schema (400 "Schema error for patch: ..."). */
    static JsonPatch parse(JsonNode body) {
        if (!body.isArray()) {
            throw schemaError(PyRepr.of(body) + " is not of type 'array'");
        }
        List<ObjectNode> ops = new ArrayList<>();
        for (JsonNode item : body) {
            if (!item.isObject()) {
                throw schemaError(PyRepr.of(item) + " is not of type 'object'");
            }
            List<String> extra = new ArrayList<>();
            item.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    extra.add(k);
                }
            });
            if (!extra.isEmpty()) {
                throw schemaError(Schema.additionalPropertiesMessage(extra));
            }
            for (String required : List.of("op", "path")) {
                if (!item.has(required)) {
                    throw schemaError("'" + required + "' is a required property");
                }
            }
            JsonNode path = item.get("path");
            if (!path.isTextual()) {
                throw schemaError(PyRepr.of(path) + " is not of type 'string'");
            }
            if (!PATH.matcher(path.textValue()).matches()) {
                throw schemaError(PyRepr.of(path) + " does not match " + PATH_REPR);
            }
            JsonNode op = item.get("op");
            if (!op.isTextual()) {
                throw schemaError(PyRepr.of(op) + " is not of type 'string'");
            }
            if (!OPS.contains(op.textValue())) {
                throw schemaError(PyRepr.of(op) + " is not one of ['add', 'replace', 'remove']");
            }
            ops.add((ObjectNode) item);
        }
        return new JsonPatch(ops);
    }

    private static ApiError schemaError(String message) {
        return ApiError.badRequest("Schema error for patch: " + message);
    }

    List<ObjectNode> operations() {
        return ops;
    }

    /** Ironic's {@code patch_validate_allowed_fields}: only these top-level fields may change. */
    void checkAllowed(List<String> allowed) {
        for (ObjectNode op : ops) {
            String path = op.get("path").textValue();
            if (!allowed.contains(path.split("/")[1])) {
                throw ApiError.badRequest("Cannot patch " + path + ". Only the following can be updated: "
                        + String.join(", ", allowed));
            }
        }
    }

    /** The values set at exactly {@code path} by non-remove operations (Ironic's {@code get_patch_values}). */
    List<JsonNode> values(String path) {
        List<JsonNode> values = new ArrayList<>();
        for (ObjectNode op : ops) {
            if (op.get("path").textValue().equals(path) && !"remove".equals(op.get("op").textValue())) {
                values.add(op.has("value") ? op.get("value") : Json.MAPPER.nullNode());
            }
        }
        return values;
    }

    /** Whether the patch is exactly the given single operation. */
    boolean isOnly(String opName, String path) {
        return ops.size() == 1 && ops.get(0).size() == 2 && opName.equals(ops.get(0).get("op").textValue())
                && path.equals(ops.get(0).get("path").textValue());
    }

    /** Applies the patch to a copy of {@code doc}. */
    ObjectNode apply(ObjectNode doc) {
        for (ObjectNode op : ops) {
            String path = op.get("path").textValue();
            if ("add".equals(op.get("op").textValue()) && path.indexOf('/', 1) < 0 && !doc.has(path.substring(1))) {
                throw ApiError.badRequest("Adding a new attribute (" + path + ") to the root of the resource is not allowed");
            }
        }
        ObjectNode result = doc.deepCopy();
        for (ObjectNode op : ops) {
            try {
                applyOne(result, op);
            } catch (PatchConflict e) {
                throw ApiError.badRequest("Couldn't apply patch '" + PyRepr.of(op) + "'. Reason: " + e.getMessage());
            }
        }
        return result;
    }

    private static final class PatchConflict extends Exception {
        private static final long serialVersionUID = 1L;

        PatchConflict(String message) {
            super(message, null, false, false);
        }
    }

    private static void applyOne(ObjectNode doc, ObjectNode op) throws PatchConflict {
        String name = op.get("op").textValue();
        if (!"remove".equals(name) && !op.has("value")) {
            throw new PatchConflict("The operation does not contain a 'value' member");
        }
        String[] parts = op.get("path").textValue().substring(1).split("/", -1);
        JsonNode parent = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = step(parent, parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode value = op.get("value");
        if (parent instanceof ObjectNode obj) {
            switch (name) {
                case "add" -> obj.set(last, value.deepCopy());
                case "replace" -> {
                    if (!obj.has(last)) {
                        throw new PatchConflict("can't replace a non-existent object '" + last + "'");
                    }
                    obj.set(last, value.deepCopy());
                }
                default -> {
                    if (!obj.has(last)) {
                        throw new PatchConflict("can't remove a non-existent object '" + last + "'");
                    }
                    obj.remove(last);
                }
            }
        } else if (parent instanceof ArrayNode array) {
            if ("add".equals(name) && "-".equals(last)) {
                array.add(value.deepCopy());
                return;
            }
            int index = index(last);
            switch (name) {
                case "add" -> {
                    if (index > array.size()) {
                        throw new PatchConflict("can't insert outside of list");
                    }
                    array.insert(index, value.deepCopy());
                }
                case "replace" -> {
                    if (index >= array.size()) {
                        throw new PatchConflict("can't replace outside of list");
                    }
                    array.set(index, value.deepCopy());
                }
                default -> {
                    if (index >= array.size()) {
                        throw new PatchConflict("can't remove a non-existent object '" + last + "'");
                    }
                    array.remove(index);
                }
            }
        } else {
            throw new PatchConflict("invalid document type " + typeName(parent));
        }
    }

    private static JsonNode step(JsonNode node, String part) throws PatchConflict {
        if (node instanceof ObjectNode obj) {
            if (!obj.has(part)) {
                throw new PatchConflict("member '" + part + "' not found in " + PyRepr.of(obj));
            }
            return obj.get(part);
        }
        if (node instanceof ArrayNode array) {
            int index = index(part);
            if (index >= array.size()) {
                throw new PatchConflict("index '" + part + "' is out of bounds");
            }
            return array.get(index);
        }
        throw new PatchConflict("Document '" + PyRepr.of(node) + "' does not support indexing, must be mapping/sequence "
                + "or support __getitem__");
    }

    private static int index(String part) throws PatchConflict {
        if (!part.matches("0|[1-9][0-9]*")) {
            throw new PatchConflict("'" + part + "' is not a valid sequence index");
        }
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new PatchConflict("index '" + part + "' is out of bounds");
        }
    }

    private static String typeName(JsonNode node) {
        if (node == null || node.isNull()) {
            return "<class 'NoneType'>";
        }
        if (node.isTextual()) {
            return "<class 'str'>";
        }
        if (node.isBoolean()) {
            return "<class 'bool'>";
        }
        return node.isIntegralNumber() ? "<class 'int'>" : "<class 'float'>";
    }

    static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
