package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class JsonPatchTest {

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    private static ObjectNode doc() throws Exception {
        return (ObjectNode) json("{\"name\": \"n1\", \"extra\": {\"a\": 1}, \"properties\": {\"l\": [1, 2]}, \"uuid\": \"u\"}");
    }

    private static JsonNode recordedBody(String sample) {
        return Samples.load(sample).get("request").get("body");
    }

    @Test
    void addReplaceRemoveApplyInOrder() throws Exception {
        JsonPatch patch = JsonPatch.parse(json("[{\"op\": \"add\", \"path\": \"/extra/b\", \"value\": 2},"
                + "{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"n2\"},"
                + "{\"op\": \"remove\", \"path\": \"/extra/a\"},"
                + "{\"op\": \"add\", \"path\": \"/properties/l/-\", \"value\": 3},"
                + "{\"op\": \"add\", \"path\": \"/properties/l/0\", \"value\": 0}]"));
        ObjectNode before = doc();
        ObjectNode after = patch.apply(before);
        assertEquals(json("{\"name\": \"n2\", \"extra\": {\"b\": 2}, \"properties\": {\"l\": [0, 1, 2, 3]}, \"uuid\": \"u\"}"), after);
        assertEquals(doc(), before, "the original stays untouched");
    }

    @Test
    void removingSomethingMissingIsRefusedWithIronicsMessage() throws Exception {
        JsonPatch patch = JsonPatch.parse(recordedBody("error_400_patch_remove_missing"));
        ApiError e = assertThrows(ApiError.class, () -> patch.apply(doc()));
        assertEquals(400, e.status());
        assertEquals(Samples.faultstring("error_400_patch_remove_missing"), e.getMessage());
    }

    @Test
    void readOnlyFieldsAreRefusedWithIronicsMessage() {
        JsonPatch patch = JsonPatch.parse(recordedBody("error_400_patch_readonly_uuid"));
        ApiError e = assertThrows(ApiError.class, () -> patch.checkAllowed(NodeBody.PATCH_ALLOWED));
        assertEquals(Samples.faultstring("error_400_patch_readonly_uuid"), e.getMessage());
        for (String path : new String[] { "/id", "/created_at", "/provision_state", "/power_state", "/reservation" }) {
            JsonPatch p = JsonPatch.parse(Json.array().add(Json.object().put("op", "replace").put("path", path).put("value", "x")));
            assertEquals(400, assertThrows(ApiError.class, () -> p.checkAllowed(NodeBody.PATCH_ALLOWED)).status());
        }
    }

    @Test
    void aBodyThatIsNoListIsRefused() {
        ApiError e = assertThrows(ApiError.class, () -> JsonPatch.parse(recordedBody("error_400_patch_not_list")));
        assertEquals(Samples.faultstring("error_400_patch_not_list"), e.getMessage());
    }

    @Test
    void onlyIronicsOperationsAndPathsPass() throws Exception {
        assertEquals("Schema error for patch: 'move' is not one of ['add', 'replace', 'remove']",
                assertThrows(ApiError.class, () -> JsonPatch.parse(json("[{\"op\": \"move\", \"path\": \"/a\"}]"))).getMessage());
        assertEquals("Schema error for patch: Additional properties are not allowed ('from' was unexpected)",
                assertThrows(ApiError.class, () -> JsonPatch.parse(json("[{\"op\": \"move\", \"path\": \"/a\", \"from\": \"/b\"}]")))
                        .getMessage());
        assertThrows(ApiError.class, () -> JsonPatch.parse(json("[{\"op\": \"add\", \"path\": \"no-slash\", \"value\": 1}]")));
        assertEquals("Schema error for patch: 'path' is a required property",
                assertThrows(ApiError.class, () -> JsonPatch.parse(json("[{\"op\": \"add\"}]"))).getMessage());
    }

    @Test
    void newRootAttributesAndMissingParentsAreRefused() throws Exception {
        JsonPatch root = JsonPatch.parse(json("[{\"op\": \"add\", \"path\": \"/foo\", \"value\": 1}]"));
        assertEquals("Adding a new attribute (/foo) to the root of the resource is not allowed",
                assertThrows(ApiError.class, () -> root.apply(doc())).getMessage());
        JsonPatch deep = JsonPatch.parse(json("[{\"op\": \"add\", \"path\": \"/extra/x/y\", \"value\": 1}]"));
        assertTrue(assertThrows(ApiError.class, () -> deep.apply(doc())).getMessage().contains("member 'x' not found"));
        JsonPatch replace = JsonPatch.parse(json("[{\"op\": \"replace\", \"path\": \"/extra/zz\", \"value\": 1}]"));
        assertTrue(assertThrows(ApiError.class, () -> replace.apply(doc())).getMessage()
                .endsWith("Reason: can't replace a non-existent object 'zz'"));
        JsonPatch noValue = JsonPatch.parse(json("[{\"op\": \"add\", \"path\": \"/extra/v\"}]"));
        assertTrue(assertThrows(ApiError.class, () -> noValue.apply(doc())).getMessage()
                .endsWith("The operation does not contain a 'value' member"));
    }

    @Test
    void patchValuesFollowIronicsGetPatchValues() throws Exception {
        JsonPatch patch = JsonPatch.parse(json("[{\"op\": \"add\", \"path\": \"/name\", \"value\": \"a\"},"
                + "{\"op\": \"remove\", \"path\": \"/name\"}, {\"op\": \"replace\", \"path\": \"/name\", \"value\": \"b\"}]"));
        assertEquals(2, patch.values("/name").size());
        assertTrue(patch.values("/driver").isEmpty());
    }
}
