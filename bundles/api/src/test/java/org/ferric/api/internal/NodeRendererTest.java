package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.Node;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class NodeRendererTest {
    private static final Links LINKS = new Links("http://127.0.0.1:6385");

    static Node sampleNode() {
        Node n = new Node();
        n.setId(1L);
        n.setUuid("47571b0a-9dc2-4d8b-90f8-58b453a37b2d");
        n.setName("sample-node-1");
        n.setDriver("fake-hardware");
        n.setProperties(Map.of("cpus", 4));
        n.setExtra(Map.of("rack", "r1"));
        n.setProvisionState("enroll");
        n.setCreatedAt(Instant.parse("2026-11-25T22:49:12.004183Z"));
        for (String iface : List.of("bios", "boot", "console", "deploy", "inspect", "management", "power", "raid",
                "rescue", "vendor")) {
            NodeField.byName(iface + "_interface").setter.accept(n, "fake");
        }
        n.setNetworkInterface("noop");
        n.setStorageInterface("noop");
        return n;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void version11ShowsIronics22KeysInItsOrder() {
        ObjectNode out = new NodeRenderer(ApiVersion.MIN, LINKS, n -> "127.0.0.1").render(sampleNode(), null);
        JsonNode recorded = Samples.responseBody("node_get_default_version_1_1");
        assertEquals(keys(recorded), keys(out));
        assertEquals(22, out.size());
        assertEquals(recorded.get("links"), out.get("links"));
        assertEquals(recorded.get("ports"), out.get("ports"));
        assertEquals("2026-11-25T22:49:12.004183+00:00", out.get("created_at").textValue());
    }

    @Test
    void latestShowsIronics63KeysInItsOrder() {
        ObjectNode out = new NodeRenderer(ApiVersion.MAX, LINKS, n -> "127.0.0.1").wholeSeconds().render(sampleNode(), null);
        JsonNode recorded = Samples.responseBody("node_create_201");
        assertEquals(keys(recorded), keys(out));
        assertEquals(63, out.size());
        assertEquals("2026-11-25T22:49:12+00:00", out.get("created_at").textValue());
        for (String same : List.of("states", "portgroups", "volume", "conductor", "conductor_group", "traits",
                "clean_step", "network_interface", "shard", "protected")) {
            assertEquals(recorded.get(same), out.get(same), same);
        }
    }

    @Test
    void fieldsKeepUuidFirstThenTheRequestedOrderThenLinks() {
        ObjectNode out = new NodeRenderer(ApiVersion.MAX, LINKS, n -> null).render(sampleNode(),
                List.of("provision_state", "name", "uuid"));
        assertEquals(List.of("uuid", "provision_state", "name", "links"), keys(out));
        ObjectNode list = new NodeRenderer(ApiVersion.MAX, LINKS, n -> null).render(sampleNode(), NodeRenderer.LIST_FIELDS);
        assertEquals(keys(Samples.responseBody("nodes_list_limit2").get("nodes").get(0)), keys(list));
    }

    @Test
    void fieldsAreCheckedLikeIronic() {
        assertEquals(400, assertThrows(ApiError.class, () -> NodeRenderer.checkFields(List.of("bogus"), ApiVersion.MAX)).status());
        assertEquals("Field created_at is not a valid field.",
                assertThrows(ApiError.class, () -> NodeRenderer.checkFields(List.of("created_at"), ApiVersion.MAX)).getMessage());
        assertEquals(406, assertThrows(ApiError.class, () -> NodeRenderer.checkFields(List.of("uuid"), ApiVersion.MIN)).status());
        assertEquals(406, assertThrows(ApiError.class,
                () -> NodeRenderer.checkFields(List.of("shard"), new ApiVersion(1, 81))).status());
        NodeRenderer.checkFields(List.of("uuid", "conductor", "chassis_uuid"), ApiVersion.MAX);
    }

    @Test
    void passwordsAndConfigDrivesAreMaskedInEveryAnswer() {
        Node n = sampleNode();
        n.setDriverInfo(Map.of("ipmi_password", "s3cret", "ipmi_username", "admin", "nested", Map.of("redfish_password", "x")));
        n.setInstanceInfo(Map.of("configdrive", "H4sIAAAA", "image_source", "http://img"));
        n.setDriverInternalInfo(Map.of("agent_secret_token", "tok"));
        ObjectNode out = new NodeRenderer(ApiVersion.MAX, LINKS, x -> null).render(n, null);
        assertEquals("******", out.get("driver_info").get("ipmi_password").textValue());
        assertEquals("admin", out.get("driver_info").get("ipmi_username").textValue());
        assertEquals("******", out.get("driver_info").get("nested").get("redfish_password").textValue());
        assertEquals("******", out.get("instance_info").get("configdrive").textValue());
        assertEquals("http://img", out.get("instance_info").get("image_source").textValue());
        assertEquals("******", out.get("driver_internal_info").get("agent_secret_token").textValue());
        assertTrue(!out.toString().contains("s3cret"));
        // The patch document is what a PATCH applies to, so it must keep the real values.
        assertEquals("s3cret", NodeRenderer.patchDocument(n).get("driver_info").get("ipmi_password").textValue());
    }

    @Test
    void oldClientsSeeOldStateNames() {
        Node n = sampleNode();
        n.setProvisionState("available");
        assertTrue(new NodeRenderer(ApiVersion.MIN, LINKS, x -> null).render(n, null).get("provision_state").isNull());
        assertEquals("available", new NodeRenderer(new ApiVersion(1, 2), LINKS, x -> null).render(n, null)
                .get("provision_state").textValue());
        n.setProvisionState("inspect wait");
        assertEquals("inspecting", new NodeRenderer(new ApiVersion(1, 38), LINKS, x -> null).states(n)
                .get("provision_state").textValue());
    }

    @Test
    void isoTimeIsPythonsIsoformat() {
        assertEquals("2026-11-25T22:49:12+00:00", IsoTime.format(Instant.parse("2026-11-25T22:49:12Z")));
        assertEquals("2026-11-25T22:49:12.562930+00:00", IsoTime.format(Instant.parse("2026-11-25T22:49:12.56293012Z")));
        assertEquals("2026-11-25T22:49:12.000001+00:00", IsoTime.format(Instant.parse("2026-11-25T22:49:12.000001999Z")));
        assertEquals("2026-11-25T22:49:12+00:00", IsoTime.format(Instant.parse("2026-11-25T22:49:12.000000999Z")));
        assertNull(IsoTime.format(null));
    }

    @Test
    void handMadeIsoTimeEqualsTheFormattersForAnyInstant() {
        List<Instant> samples = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2024-02-29T00:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2000-01-01T09:05:07.010203Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-15T12:00:00Z")));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            samples.add(Instant.ofEpochSecond(random.nextLong() % 253_402_300_800L, random.nextInt(1_000_000_000)));
        }
        for (Instant t : samples) {
            assertEquals(IsoTime.viaFormatter(t), IsoTime.format(t), t.toString());
        }
    }
}
