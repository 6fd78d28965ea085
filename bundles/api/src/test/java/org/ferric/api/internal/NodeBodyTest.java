package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ferric.db.api.Node;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class NodeBodyTest {
    private static final ApiVersion V1_10 = new ApiVersion(1, 10);

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    @Test
    void unknownPropertiesAreRefusedWithJsonschemasMessage() {
        ObjectNode body = (ObjectNode) Samples.load("error_400_schema_additional_property").get("request").get("body");
        ApiError e = assertThrows(ApiError.class, () -> NodeBody.validate(NodeBody.CREATE, body));
        assertEquals(Samples.faultstring("error_400_schema_additional_property"), e.getMessage());
    }

    @Test
    void wrongTypesAndMissingDriverAreRefused() throws Exception {
        assertEquals("Schema error for node: 5 is not of type 'string', 'null'",
                assertThrows(ApiError.class, () -> NodeBody.validate(NodeBody.CREATE, json("{\"driver\": \"d\", \"name\": 5}"))).getMessage());
        assertEquals("Schema error for node: 'driver' is a required property",
                assertThrows(ApiError.class, () -> NodeBody.validate(NodeBody.CREATE, json("{}"))).getMessage());
        assertEquals("Schema error for node: 'x' is not of type 'object', 'null'",
                assertThrows(ApiError.class, () -> NodeBody.validate(NodeBody.CREATE, json("{\"driver\": \"d\", \"extra\": \"x\"}"))).getMessage());
        assertTrue(assertThrows(ApiError.class, () -> NodeBody.validate(NodeBody.CREATE, json("{\"driver\": \"d\", \"maintenance\": \"maybe\"}")))
                .getMessage().startsWith("Invalid maintenance: Unrecognized value 'maybe'"));
        assertEquals("Expected UUID for uuid: nope",
                assertThrows(ApiError.class, () -> NodeBody.validate(NodeBody.CREATE, json("{\"driver\": \"d\", \"uuid\": \"nope\"}"))).getMessage());
    }

    @Test
    void validValuesReachTheNode() throws Exception {
        Map<String, Object> values = NodeBody.validate(NodeBody.CREATE,
                json("{\"driver\": \"fake-hardware\", \"maintenance\": \"true\", \"extra\": {\"rack\": \"r1\"}, \"conductor_group\": \"GrP\"}"));
        Node n = new Node();
        NodeBody.applyTo(n, values);
        assertTrue(n.isMaintenance());
        assertEquals("fake-hardware", n.getDriver());
        assertEquals(Map.of("rack", "r1"), n.getExtra());
        assertEquals("grp", n.getConductorGroup());
    }

    @Test
    void nameRulesFollowTheVersion() {
        assertTrue(NodeBody.isValidNodeName("node-1.rack_2~x", V1_10));
        assertFalse(NodeBody.isValidNodeName("bad name!", V1_10));
        assertFalse(NodeBody.isValidNodeName("47571b0a-9dc2-4d8b-90f8-58b453a37b2d", V1_10));
        assertFalse(NodeBody.isValidNodeName("a".repeat(256), V1_10));
        assertTrue(NodeBody.isValidNodeName("node-1", new ApiVersion(1, 5)));
        assertFalse(NodeBody.isValidNodeName("node_1", new ApiVersion(1, 9)), "before 1.10 names are hostnames");
        assertEquals("Cannot create node with invalid name 'bad name!'", assertThrows(ApiError.class,
                () -> NodeBody.checkNames(List.of("bad name!"), ApiVersion.MAX, "Cannot create node with invalid name ")).getMessage());
        assertEquals(406, assertThrows(ApiError.class,
                () -> NodeBody.checkNames(List.of("n"), new ApiVersion(1, 4), "x")).status());
        assertTrue(assertThrows(ApiError.class, () -> NodeBody.checkNames(List.of("detail"), ApiVersion.MAX, "x"))
                .getMessage().startsWith("The word \"detail\" is reserved"));
    }

    @Test
    void fieldsNewerThanTheVersionAreNotAcceptable() throws Exception {
        ApiError e = assertThrows(ApiError.class, () -> NodeBody.rejectNewerFields(json("{\"driver\": \"d\", \"name\": \"x\"}"), ApiVersion.MIN));
        assertEquals(406, e.status());
        assertEquals("Request not acceptable.", e.getMessage());
        NodeBody.rejectNewerFields(json("{\"driver\": \"d\", \"name\": null}"), ApiVersion.MIN);
        NodeBody.rejectNewerFields(json("{\"driver\": \"d\", \"shard\": \"s\"}"), ApiVersion.MAX);
        assertThrows(ApiError.class, () -> NodeBody.rejectNewerFields(json("{\"driver\": \"d\", \"shard\": \"s\"}"), new ApiVersion(1, 81)));
    }
}
