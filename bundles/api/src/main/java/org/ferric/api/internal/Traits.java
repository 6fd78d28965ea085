package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ironic's trait schema: {@code CUSTOM_[A-Z0-9_]+} or one of os-traits' standard names (we accept
 * the standard namespaces rather than carry os-traits' list), 1 to 255 characters, at most 50 per node.
 */
final class Traits {
    static final int MAX_PER_NODE = 50;
    private static final Pattern CUSTOM = Pattern.compile("^CUSTOM_[A-Z0-9_]+$");
    private static final Pattern STANDARD = Pattern.compile(
            "^(HW|COMPUTE|STORAGE|MISC|OWNER|HW_CPU|HW_GPU|HW_NIC|COMPUTE_NET)_[A-Z0-9_]+$");

    private Traits() {
    }

    static boolean isValid(String trait) {
        return trait != null && !trait.isEmpty() && trait.length() <= 255
                && (CUSTOM.matcher(trait).matches() || STANDARD.matcher(trait).matches());
    }

    /** @throws ApiError 400 with jsonschema's message for the first invalid trait */
    static String check(String trait) {
        if (!isValid(trait)) {
            String repr = trait == null ? "None" : PyRepr.ofString(trait);
            String cause = trait != null && trait.length() > 255 ? repr + " is too long"
                    : repr + " does not match '^CUSTOM_[A-Z0-9_]+$'";
            throw ApiError.badRequest("Schema error for trait: " + repr
                    + " is not valid under any of the given schemas. Possible root cause: " + cause);
        }
        return trait;
    }

    static List<String> checkAll(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw ApiError.badRequest("Schema error for " + what + ": " + PyRepr.of(Json.toTree(value)) + " is not of type 'array'");
        }
        List<String> traits = new ArrayList<>();
        for (Object t : list) {
            if (!(t instanceof String s)) {
                throw ApiError.badRequest("Schema error for trait: " + PyRepr.of(Json.toTree(t)) + " is not of type 'string'");
            }
            traits.add(check(s));
        }
        return traits;
    }
}
