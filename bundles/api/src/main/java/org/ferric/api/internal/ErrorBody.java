package org.ferric.api.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Ironic's error document: {@code {"error_message": "<JSON text>"}}, the inner document encoded a
 * second time. {@code versioned} says whether the answer carries the version headers: errors raised
 * before routing (406 version, unknown path, wrong method) do not, as in Ironic.
 */
public record ErrorBody(int status, boolean versioned, ObjectNode json) {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request", 404, "Not Found", 405, "Method Not Allowed", 406, "Not Acceptable",
            409, "Conflict", 415, "Unsupported Media Type", 500, "Internal Server Error", 503, "Service Unavailable");

    @JsonValue
    public ObjectNode json() {
        return json;
    }

    /** An API error: faultcode Client for 4xx, Server for 5xx. */
    public static ErrorBody fault(int status, String message) {
        String inner = "{\"faultcode\": " + quote(status < 500 ? "Client" : "Server")
                + ", \"faultstring\": " + quote(message) + ", \"debuginfo\": null}";
        return new ErrorBody(status, true, wrap(inner));
    }

    /** A plain HTTP error in webob's shape, raised before any API code ran. */
    public static ErrorBody http(int status, String description) {
        String inner = "{\"code\": " + status + ", \"title\": " + quote(TITLES.getOrDefault(status, "Error"))
                + ", \"description\": " + quote(description) + "}";
        return new ErrorBody(status, false, wrap(inner));
    }

    public static String title(int status) {
        return TITLES.getOrDefault(status, "Error");
    }

    private static ObjectNode wrap(String inner) {
        ObjectNode outer = Json.object();
        outer.put("error_message", inner);
        return outer;
    }

    /** JSON string literal escaped like Python's json.dumps (ASCII only), as clients decode it twice. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String json = Json.write(TextNode.valueOf(s));
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
