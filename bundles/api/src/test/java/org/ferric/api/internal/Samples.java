package org.ferric.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

/** Recorded answers of the real Ironic 21.4 (copied from the shared samples). */
final class Samples {
    private Samples() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name + ".json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode responseBody(String name) {
        return load(name).get("response").get("body");
    }

    static String faultstring(String name) {
        return load(name).get("response").get("error_message_decoded").get("faultstring").textValue();
    }
}
