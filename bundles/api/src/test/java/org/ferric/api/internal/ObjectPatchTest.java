package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.StoredObject;
import org.junit.jupiter.api.Test;

/** JSON Patch on portgroups, volume targets, deploy templates and allocations: what may change, and how it is checked. */
class ObjectPatchTest {
    private static final ApiVersion LATEST = ApiVersion.MAX;

    private static StoredObject object(ObjectKind kind, Object... pairs) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", 7L);
        f.put("uuid", "9f6ab2a8-6f06-4b4f-9d1c-2e8b6c9d1f00");
        f.put("created_at", Instant.parse("2026-11-25T22:12:00Z"));
        for (int i = 0; i < pairs.length; i += 2) {
            f.put((String) pairs[i], pairs[i + 1]);
        }
        return new StoredObject(kind, f);
    }

    private static StoredObject portgroup() {
        return object(ObjectKind.PORTGROUP, "name", "pg-1", "node_uuid", "1be26c0b-03f2-4d2e-ae87-c02d7f33c123",
                "mode", "active-backup", "extra", Map.of("a", 1), "standalone_ports_supported", true);
    }

    private static Map<String, Object> patch(ObjectType type, StoredObject o, ApiVersion version, String json) {
        try {
            return new ObjectApi(type, null, new ApiSettings()).patch(o, JsonPatch.parse(Json.MAPPER.readTree(json)), version);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ApiError refused(ObjectType type, StoredObject o, ApiVersion version, String json) {
        return assertThrows(ApiError.class, () -> patch(type, o, version, json));
    }

    @Test
    void onlyTheChangedFieldsComeBack() {
        assertEquals(Map.of("name", "pg-2"), patch(ObjectType.PORTGROUP, portgroup(), LATEST,
                "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"pg-2\"}]"));
        assertEquals(Map.of("extra", Map.of("a", 1, "b", "x")), patch(ObjectType.PORTGROUP, portgroup(), LATEST,
                "[{\"op\": \"add\", \"path\": \"/extra/b\", \"value\": \"x\"}]"));
        Map<String, Object> removed = patch(ObjectType.PORTGROUP, portgroup(), LATEST,
                "[{\"op\": \"remove\", \"path\": \"/name\"}]");
        assertTrue(removed.containsKey("name") && removed.get("name") == null, removed.toString());
        assertEquals(Map.of(), patch(ObjectType.PORTGROUP, portgroup(), LATEST,
                "[{\"op\": \"replace\", \"path\": \"/mode\", \"value\": \"active-backup\"}]"));
    }

    @Test
    void readOnlyPathsAreRefusedNamingWhatMayChange() {
        for (String path : List.of("/uuid", "/id", "/created_at", "/updated_at", "/internal_info", "/links")) {
            ApiError e = refused(ObjectType.PORTGROUP, portgroup(), LATEST,
                    "[{\"op\": \"replace\", \"path\": \"" + path + "\", \"value\": \"x\"}]");
            assertEquals(400, e.status());
            assertEquals("Cannot patch " + path + ". Only the following can be updated: address, extra, mode, name, "
                    + "node_uuid, properties, standalone_ports_supported", e.getMessage());
        }
        ApiError e = refused(ObjectType.ALLOCATION, object(ObjectKind.ALLOCATION, "state", "allocating"), LATEST,
                "[{\"op\": \"replace\", \"path\": \"/resource_class\", \"value\": \"gold\"}]");
        assertEquals("Cannot patch /resource_class. Only the following can be updated: extra, name, owner", e.getMessage());
        assertEquals(400, refused(ObjectType.ALLOCATION, object(ObjectKind.ALLOCATION), LATEST,
                "[{\"op\": \"add\", \"path\": \"/state\", \"value\": \"active\"}]").status());
    }

    @Test
    void requiredFieldsCannotBeRemoved() {
        ApiError e = refused(ObjectType.PORTGROUP, portgroup(), LATEST, "[{\"op\": \"remove\", \"path\": \"/node_uuid\"}]");
        assertEquals(400, e.status());
        assertEquals("Schema error for portgroup: 'node_uuid' is a required property", e.getMessage());
        StoredObject template = object(ObjectKind.DEPLOY_TEMPLATE, "name", "CUSTOM_T", "steps", List.of());
        assertEquals("Schema error for deploy_template: 'name' is a required property",
                refused(ObjectType.DEPLOY_TEMPLATE, template, LATEST, "[{\"op\": \"remove\", \"path\": \"/name\"}]").getMessage());
    }

    @Test
    void wrongTypesAreRefusedBySchema() {
        ApiError mode = refused(ObjectType.PORTGROUP, portgroup(), LATEST,
                "[{\"op\": \"replace\", \"path\": \"/mode\", \"value\": 5}]");
        assertEquals(400, mode.status());
        // jsonschema's message, as Ironic shows it: the value and the types allowed.
        assertEquals("Schema error for portgroup: 5 is not of type 'string', 'null'", mode.getMessage());
        StoredObject target = object(ObjectKind.VOLUME_TARGET, "boot_index", 0, "node_uuid", "n", "volume_id", "v",
                "volume_type", "iscsi");
        assertEquals(400, refused(ObjectType.VOLUME_TARGET, target, LATEST,
                "[{\"op\": \"replace\", \"path\": \"/boot_index\", \"value\": \"first\"}]").status());
        StoredObject template = object(ObjectKind.DEPLOY_TEMPLATE, "name", "CUSTOM_T", "steps", List.of());
        assertEquals(400, refused(ObjectType.DEPLOY_TEMPLATE, template, LATEST,
                "[{\"op\": \"replace\", \"path\": \"/steps\", \"value\": \"deploy\"}]").status());
        assertEquals(400, refused(ObjectType.PORTGROUP, portgroup(), LATEST,
                "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"" + "n".repeat(256) + "\"}]").status());
        assertEquals(400, refused(ObjectType.ALLOCATION, object(ObjectKind.ALLOCATION), LATEST,
                "[{\"op\": \"add\", \"path\": \"/extra\", \"value\": [1]}]").status());
    }

    @Test
    void fieldsNewerThanTheVersionAreNotAcceptable() {
        assertEquals(406, refused(ObjectType.PORTGROUP, portgroup(), ApiVersion.negotiate("1.25"),
                "[{\"op\": \"replace\", \"path\": \"/mode\", \"value\": \"802.3ad\"}]").status());
        assertEquals(406, refused(ObjectType.ALLOCATION, object(ObjectKind.ALLOCATION), ApiVersion.negotiate("1.59"),
                "[{\"op\": \"add\", \"path\": \"/owner\", \"value\": \"p\"}]").status());
        assertEquals(Map.of("owner", "p"), patch(ObjectType.ALLOCATION, object(ObjectKind.ALLOCATION),
                ApiVersion.negotiate("1.60"), "[{\"op\": \"add\", \"path\": \"/owner\", \"value\": \"p\"}]"));
    }

    @Test
    void malformedPatchesAreRefused() {
        for (String body : List.of("{\"op\": \"replace\"}", "[{\"op\": \"move\", \"path\": \"/name\", \"from\": \"/mode\"}]",
                "[{\"op\": \"replace\", \"path\": \"name\", \"value\": 1}]", "[{\"op\": \"replace\", \"value\": 1}]")) {
            ApiError e = assertThrows(ApiError.class, () -> patch(ObjectType.PORTGROUP, portgroup(), LATEST, body));
            assertEquals(400, e.status(), body);
        }
    }
}
