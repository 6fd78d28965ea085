package org.ferric.lab.redfish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** One HTTP request, read in full, with its path split into segments below {@code /redfish/v1}. */
final class Request {
    final String method;
    final String path;
    /** segments after /redfish/v1, e.g. [Systems, 1, Bios]; null for paths outside /redfish/v1 */
    final List<String> segments;
    private final HttpExchange exchange;
    private final byte[] body;

    Request(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String raw = exchange.getRequestURI().getPath();
        while (raw.length() > 1 && raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        this.path = raw;
        this.body = exchange.getRequestBody().readAllBytes();
        if (raw.equals("/redfish/v1")) {
            segments = List.of();
        } else if (raw.startsWith("/redfish/v1/")) {
            segments = new ArrayList<>(Arrays.asList(raw.substring("/redfish/v1/".length()).split("/")));
        } else {
            segments = null;
        }
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    JsonNode json() {
        return Json.parse(body);
    }

    boolean is(String m, int segmentCount) {
        return method.equals(m) && segments != null && segments.size() == segmentCount;
    }

    String segment(int i) {
        return segments.size() > i ? segments.get(i) : null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
