package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.DuplicateEntryException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ErrorBodyTest {

    @Test
    void faultIsEncodedTwice() throws Exception {
        ErrorBody body = ErrorBody.fault(400, "Limit must be positive");
        String inner = body.json().get("error_message").textValue();
        assertEquals("{\"faultcode\": \"Client\", \"faultstring\": \"Limit must be positive\", \"debuginfo\": null}", inner);
        JsonNode decoded = Json.MAPPER.readTree(inner);
        assertEquals("Client", decoded.get("faultcode").textValue());
        assertTrue(decoded.get("debuginfo").isNull());
        assertTrue(body.versioned());
    }

    @Test
    void serverErrorsAreServerFaults() throws Exception {
        JsonNode decoded = Json.MAPPER.readTree(ErrorBody.fault(500, "x").json().get("error_message").textValue());
        assertEquals("Server", decoded.get("faultcode").textValue());
    }

    @Test
    void routingErrorsHaveWebobsShapeExactlyAsRecorded() {
        ErrorBody body = ErrorBody.http(404, "");
        assertEquals(Samples.responseBody("error_404_unknown_resource"), body.json());
        assertFalse(body.versioned());
        assertEquals(Samples.responseBody("error_406_version_invalid"),
                ErrorBody.http(406, "Invalid value for X-OpenStack-Ironic-API-Version header").json());
    }

    @Test
    void quotesAndNonAsciiSurviveTheDoubleEncoding() throws Exception {
        String message = "Node \"nöde\" can't\nbe";
        String inner = ErrorBody.fault(409, message).json().get("error_message").textValue();
        assertTrue(inner.contains("\\u00f6"));
        assertEquals(message, Json.MAPPER.readTree(inner).get("faultstring").textValue());
    }

    @Test
    void mapperKeepsConductorStatusAndHidesUnexpectedFailures() throws Exception {
        ErrorBody conflict = ErrorMapper.toBody(ConductorException.nodeLocked("n1", "h1"));
        assertEquals(409, conflict.status());
        ErrorBody duplicate = ErrorMapper.toBody(new DuplicateEntryException("name", "sample-node-1"));
        assertEquals(409, duplicate.status());
        assertEquals("A node with name sample-node-1 already exists.",
                Json.MAPPER.readTree(duplicate.json().get("error_message").textValue()).get("faultstring").textValue());
        ErrorBody crash = ErrorMapper.toBody(new IllegalStateException("secret internals at line 42"));
        assertEquals(500, crash.status());
        assertFalse(crash.json().toString().contains("secret internals"));
        assertEquals(400, ErrorMapper.toBody(ApiError.badRequest("x")).status());
    }

    @Test
    void malformedJsonIsTheClientsFault() {
        ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> Json.parseBody("{not json"));
        assertEquals(400, e.status());
        org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> Json.parseBody("driver=fake-hardware"));
    }
}
