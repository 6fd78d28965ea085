package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Ironic's argument validators ({@code ironic.common.args}) with their messages. */
final class Args {
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");
    private static final Pattern UUID_LIKE = Pattern.compile(
            "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");
    private static final Pattern MAC = Pattern.compile("^([0-9a-fA-F]{2})([:-][0-9a-fA-F]{2}){5}$");

    private Args() {
    }

    static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(v)) {
            return Boolean.FALSE;
        }
        throw ApiError.badRequest("Invalid " + name + ": Unrecognized value '" + value
                + "', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    }

    static Integer integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Expected an integer for " + name + ": " + value);
        }
    }

    static String uuid(String name, String value) {
        if (value != null && !isUuidLike(value)) {
            throw ApiError.badRequest("Expected UUID for " + name + ": " + value);
        }
        return value;
    }

    static boolean isUuidLike(String value) {
        return value != null && UUID_LIKE.matcher(value.replace("urn:uuid:", "").replace("{", "").replace("}", "")).matches();
    }

    /** Comma separated, trimmed, lower-cased, de-duplicated, order kept. */
    static List<String> stringList(String value) {
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String v : value.split(",")) {
            String n = v.strip().toLowerCase(Locale.ROOT);
            if (!n.isEmpty() && !items.contains(n)) {
                items.add(n);
            }
        }
        return items;
    }

    /** A MAC address normalised to lower case with colons, or null if it is none. */
    static String normalizeMac(String value) {
        if (value == null || !MAC.matcher(value).matches()) {
            return null;
        }
        return value.replace('-', ':').toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str()} of an optional value, as Ironic's messages print it. */
    static String py(Object value) {
        return value == null ? "None" : value.toString();
    }
}
