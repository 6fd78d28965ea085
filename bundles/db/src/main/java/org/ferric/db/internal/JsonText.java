package org.ferric.db.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.DbException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON documents (driver_info, properties, a conductor's drivers, ...) as text columns. Numbers come
 * back as Jackson reads them: Integer if they fit, else Long or BigInteger; Double for fractions.
 * Error messages never quote the document, because driver_info holds BMC passwords.
 */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<ArrayList<String>> STRINGS = new TypeReference<>() { };

    private JsonText() {
    }

    static String ofMap(Map<String, Object> map) {
        return write(map == null ? Map.of() : map);
    }

    static Map<String, Object> toMap(String json) {
        // Most stored documents are empty; a parser for each was a tenth of a node list's time.
        if (json == null || json.isBlank() || json.equals("{}")) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new DbException("Stored JSON document is corrupt (" + e.getOriginalMessage() + ")");
        }
    }

    static String ofList(List<String> list) {
        return write(list == null ? List.of() : list);
    }

    static List<String> toList(String json) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new DbException("Stored JSON list is corrupt (" + e.getOriginalMessage() + ")");
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be stored as JSON: " + e.getOriginalMessage());
        }
    }
}
