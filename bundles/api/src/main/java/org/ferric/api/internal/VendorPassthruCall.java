package org.ferric.api.internal;

import java.util.Map;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.ferric.conductor.rpc.VendorResult;

import com.fasterxml.jackson.databind.JsonNode;

/** Ironic's vendor passthru answers: 202 (async) or 200 with the method's JSON, or an attachment. */
final class VendorPassthruCall {
    private VendorPassthruCall() {
    }

    static String method(MultivaluedMap<String, String> query) {
        NodesResource.rejectUnexpected(query, java.util.Set.of("method"));
        String method = query.getFirst("method");
        if (method == null || method.isBlank()) {
            throw ApiError.badRequest("Missing mandatory parameter: method");
        }
        return method;
    }

    static Map<String, Object> data(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        JsonNode doc = Json.parseBody(body);
        if (!doc.isObject()) {
            throw ApiError.badRequest("Expected a JSON object as the vendor passthru data, got " + PyRepr.of(doc));
        }
        return Json.toMap(doc);
    }

    static Response answer(VendorResult result) {
        if (result.async()) {
            return Response.status(202).build();
        }
        if (result.attach()) {
            return Response.ok(String.valueOf(result.value()), "application/octet-stream")
                    .header("Content-Disposition", "attachment").build();
        }
        return Response.ok(Json.toTree(result.value())).build();
    }
}
