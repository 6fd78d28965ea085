package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a Redfish error body ({@code error.@Message.ExtendedInfo[].Message}, else
 * {@code error.message}) into one readable sentence for {@code last_error}.
 */
final class RedfishError {
    private RedfishError() {
    }

    static String describe(JsonNode body, String rawBody) {
        List<String> parts = new ArrayList<>();
        if (body != null) {
            JsonNode error = body.path("error");
            for (JsonNode info : error.path("@Message.ExtendedInfo")) {
                String m = info.path("Message").asText("");
                if (!m.isBlank()) {
                    String id = info.path("MessageId").asText("");
                    parts.add(id.isBlank() ? m : m + " (" + id + ")");
                }
            }
            if (parts.isEmpty() && !error.path("message").asText("").isBlank()) {
                parts.add(error.path("message").asText());
            }
            // Task bodies carry their outcome in Messages.
            for (JsonNode info : body.path("Messages")) {
                if (!info.path("Message").asText("").isBlank()) {
                    parts.add(info.path("Message").asText());
                }
            }
        }
        if (parts.isEmpty() && rawBody != null && !rawBody.isBlank()) {
            String text = rawBody.strip().replaceAll("\\s+", " ");
            parts.add(text.length() > 200 ? text.substring(0, 200) + "..." : text);
        }
        return parts.isEmpty() ? "no details given" : String.join("; ", parts);
    }
}
