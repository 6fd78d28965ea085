package org.ferric.api.internal;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ironic's collection paging: {@code limit} (default and cap {@code max_limit}), {@code sort_dir},
 * and the {@code next} link that appears whenever a page is full, even if nothing follows.
 */
final class Paging {
    private Paging() {
    }

    static int limit(String raw, int maxLimit) {
        BigInteger limit = parseLimit(raw);
        if (limit == null) {
            return maxLimit;
        }
        if (limit.signum() <= 0) {
            throw ApiError.badRequest("Limit must be positive");
        }
        return limit.min(BigInteger.valueOf(maxLimit)).intValue();
    }

    /** Python's int has no bound: a limit beyond any int is still a number, capped to max_limit as Ironic does. */
    static BigInteger parseLimit(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigInteger(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Expected an integer for limit: " + raw);
        }
    }

    /** @return true for ascending */
    static boolean ascending(String sortDir) {
        if (sortDir == null || sortDir.equals("asc")) {
            return true;
        }
        if (sortDir.equals("desc")) {
            return false;
        }
        throw ApiError.badRequest("Invalid sort direction: " + sortDir + ". Acceptable values are 'asc' or 'desc'");
    }

    /**
     * The next link, or null if the page is not full. Ironic writes the parameters unencoded, in
     * the order given, with {@code fields} last and then {@code limit} and {@code marker}.
     *
     * @param resourceUrl e.g. {@code nodes} or {@code nodes/detail}
     */
    static String next(Links links, String resourceUrl, int count, int limit, Map<String, String> parameters,
            List<String> fields, String lastUuid) {
        if (count == 0 || count != limit) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>(parameters);
        if (fields != null && !fields.isEmpty()) {
            params.put("fields", String.join(",", fields));
        }
        StringBuilder q = new StringBuilder("?");
        params.forEach((k, v) -> q.append(k).append('=').append(v).append('&'));
        q.append("limit=").append(limit).append("&marker=").append(lastUuid);
        return links.url(resourceUrl, q.toString());
    }

    /** Python's spelling of a boolean in a query string. */
    static String py(boolean b) {
        return b ? "True" : "False";
    }
}
