package org.ferric.agent.internal;

import java.util.List;
import java.util.Map;

/** Reading command parameters, which arrive as JSON objects. */
final class Params {
    private Params() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> params, String key, boolean required) {
        Object v = params.get(key);
        if (v == null) {
            if (required) {
                throw AgentError.invalidParams("Missing parameter: " + key);
            }
            return null;
        }
        if (!(v instanceof Map)) {
            throw AgentError.invalidParams("Parameter " + key + " must be an object");
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> params, String key) {
        Object v = params.get(key);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }

    static String string(Map<String, Object> params, String key) {
        Object v = params.get(key);
        return v == null ? null : v.toString();
    }
}
