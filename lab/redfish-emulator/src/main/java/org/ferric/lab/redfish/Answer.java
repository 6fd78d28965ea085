package org.ferric.lab.redfish;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What a route answers: a status, an optional JSON body, extra headers. */
record Answer(int status, JsonNode body, Map<String, String> headers) {

    static Answer ok(JsonNode body) {
        return new Answer(200, body, new LinkedHashMap<>());
    }

    static Answer noContent() {
        return new Answer(204, null, new LinkedHashMap<>());
    }

    /** 202 with the task monitor to poll, as the Redfish spec's asynchronous operations. */
    static Answer accepted(String monitor, JsonNode task) {
        Answer a = new Answer(202, task, new LinkedHashMap<>());
        a.headers.put("Location", monitor);
        a.headers.put("Retry-After", "1");
        return a;
    }

    static Answer error(RedfishError e) {
        return new Answer(e.status, e.body(), new LinkedHashMap<>());
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
