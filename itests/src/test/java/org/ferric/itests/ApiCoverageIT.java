package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.ferric.db.api.DbApi;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole API v1 through real clients: the differential check against Ironic's recorded answers
 * ({@code ironic-reference/}), openstacksdk's baremetal proxy, the {@code baremetal} CLI, and bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ApiCoverageIT {
    private static final String[] REFERENCE_FILES = { "capture_samples.py", "check_samples.py", "sdk_drive.py" };

    @Inject
    @Filter(timeout = 120_000)
    private DbApi db;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);
    private final String endpoint = "http://127.0.0.1:" + FerricDistribution.HTTP_PORT;

    @Configuration
    public Option[] config() {
        return FerricDistribution.options();
    }

    @Before
    public void apiIsUp() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fake-hardware"), Duration.ofSeconds(120));
    }

    @Test
    public void a_answersMatchIronicsRecordedSamples() throws Exception {
        Path dir = referenceDir();
        Path captured = Files.createTempDirectory("ferric-samples");
        String capture = python(dir.resolve("capture_samples.py").toString(), "--endpoint", endpoint, "--out", captured.toString());
        String check = python(dir.resolve("check_samples.py").toString(), dir.resolve("samples").toString(), captured.toString());
        assertTrue(capture + check, check.contains("differences outside the allow-list: 0"));
    }

    @Test
    public void b_openstacksdkDrivesEveryResourceGroup() throws Exception {
        // Fails rather than skips: .ci/run installs python3-openstacksdk, so a missing one is a broken setup.
        assertTrue("Debian's python3-openstacksdk must be installed (.ci/run installs it)",
                new File("/usr/lib/python3/dist-packages/openstack").isDirectory());
        String out = python(referenceDir().resolve("sdk_drive.py").toString(), endpoint);
        assertTrue(out, out.contains("all resource groups OK"));
    }

    @Test
    public void c_baremetalCliDrivesTheNewResources() throws Exception {
        assertTrue("Debian's python3-ironicclient must be installed (.ci/run installs it)", BaremetalCli.installed());
        BaremetalCli cli = new BaremetalCli(FerricDistribution.HTTP_PORT);
        String chassis = cli.ok("chassis", "create", "--description", "cli chassis", "-f", "value", "-c", "uuid").strip();
        String node = cli.ok("node", "create", "--driver", "fake-hardware", "--name", "cli-cov", "--chassis-uuid", chassis,
                "-f", "value", "-c", "uuid").strip();
        cli.ok("node", "add", "trait", node, "CUSTOM_CLI");
        assertTrue(cli.ok("node", "trait", "list", node, "-f", "value").contains("CUSTOM_CLI"));
        cli.ok("node", "maintenance", "set", node, "--reason", "cli");
        assertTrue(cli.ok("node", "show", node, "-f", "value", "-c", "maintenance_reason").contains("cli"));
        cli.ok("node", "maintenance", "unset", node);
        cli.ok("node", "boot", "device", "set", node, "disk");
        assertTrue(cli.ok("node", "boot", "device", "show", node, "-f", "value").contains("disk"));
        cli.ok("port", "group", "create", "--node", node, "--name", "cli-pg", "--address", "52:54:00:dd:00:01");
        assertTrue(cli.ok("port", "group", "list", "-f", "value").contains("cli-pg"));
        cli.ok("volume", "connector", "create", "--node", node, "--type", "iqn", "--connector-id", "iqn.2024-01.org.ferric:cli");
        assertTrue(cli.ok("volume", "connector", "list", "--node", node, "-f", "value").contains("iqn.2024-01.org.ferric:cli"));
        cli.ok("deploy", "template", "create", "CUSTOM_CLI_TPL", "--steps",
                "[{\"interface\": \"bios\", \"step\": \"apply_configuration\", \"args\": {}, \"priority\": 10}]");
        assertTrue(cli.ok("deploy", "template", "list", "-f", "value").contains("CUSTOM_CLI_TPL"));
        assertTrue(cli.ok("conductor", "list", "-f", "value").contains("True"));
        cli.ok("node", "vif", "attach", node, "vif-cli-1");
        assertTrue(cli.ok("node", "vif", "list", node, "-f", "value").contains("vif-cli-1"));
        cli.ok("node", "vif", "detach", node, "vif-cli-1");
        assertTrue(cli.ok("node", "passthru", "list", node, "-f", "value").contains("echo"));
        cli.ok("node", "delete", node);
    }

    @Test
    public void d_badInputIsRefusedWithAMessageAndChangesNothing() throws Exception {
        Http.Answer node = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "bad-input"));
        String uuid = node.body().get("uuid").asText();
        Map<String, Integer> before = sizes();
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] { http.put("/v1/nodes/" + uuid + "/traits/lowercase_bad", null), 400, "CUSTOM_" });
        cases.add(new Object[] { http.post("/v1/portgroups", Map.of("node_uuid", uuid, "address", "nope")), 400, "MAC" });
        cases.add(new Object[] { http.post("/v1/portgroups", Map.of("node_uuid", uuid, "colour", "red")), 400, "colour" });
        cases.add(new Object[] { http.post("/v1/chassis", Map.of("description", 5)), 400, "is not of type" });
        cases.add(new Object[] { http.post("/v1/volume/connectors", Map.of("node_uuid", uuid, "type", "floppy",
                "connector_id", "x")), 400, "floppy" });
        cases.add(new Object[] { http.post("/v1/deploy_templates", Map.of("name", "lower", "steps", List.of())), 400, "lower" });
        cases.add(new Object[] { http.post("/v1/allocations", Map.of("resource_class", "x", "traits", List.of("bad"))), 400, "bad" });
        cases.add(new Object[] { http.get("/v1/portgroups?limit=-1"), 400, "Limit" });
        cases.add(new Object[] { http.get("/v1/portgroups?marker=" + uuid), 404, uuid });
        cases.add(new Object[] { http.get("/v1/chassis/not-a-uuid"), 400, "not-a-uuid" });
        cases.add(new Object[] { new Http(FerricDistribution.HTTP_PORT, "1.20").get("/v1/portgroups"), 404, "" });
        cases.add(new Object[] { http.put("/v1/nodes/" + uuid + "/states/boot_mode", Map.of("target", "floppy")), 400, "floppy" });
        // every resource group: unknown fields, wrong types, bad MAC/UUID/name, read-only paths, limits, markers
        String unknown = "00000000-0000-0000-0000-00000000abcd";
        cases.add(new Object[] { http.post("/v1/nodes", Map.of("driver", "fake-hardware", "colour", "red")), 400, "colour" });
        cases.add(new Object[] { http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "no spaces")), 400, "no spaces" });
        cases.add(new Object[] { http.post("/v1/nodes", Map.of("driver", "fake-hardware", "uuid", "not-a-uuid")), 400, "not-a-uuid" });
        cases.add(new Object[] { http.post("/v1/nodes", Map.of("driver", "fake-hardware", "maintenance", "perhaps")), 400, "perhaps" });
        cases.add(new Object[] { http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "replace", "path", "/uuid", "value", unknown))),
                400, "Cannot patch /uuid" });
        cases.add(new Object[] { http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "replace", "path", "/provision_state",
                "value", "active"))), 400, "/provision_state" });
        // longer than the database keeps (Derby's VARCHAR): refused whole, never a 500
        cases.add(new Object[] { http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "add", "path", "/extra/blob",
                "value", "x".repeat(40_000)))), 400, "is too long" });
        cases.add(new Object[] { http.put("/v1/nodes/" + uuid + "/maintenance", Map.of("reason", "r".repeat(40_000))),
                400, "maintenance_reason" });
        cases.add(new Object[] { http.get("/v1/nodes?limit=-5"), 400, "Limit" });
        cases.add(new Object[] { http.get("/v1/nodes?limit=ten"), 400, "limit" });
        cases.add(new Object[] { http.get("/v1/nodes?marker=" + unknown), 404, unknown });
        cases.add(new Object[] { http.get("/v1/nodes?sharded=perhaps"), 400, "perhaps" });
        cases.add(new Object[] { http.post("/v1/ports", Map.of("node_uuid", uuid, "address", "52:54:00:zz:00:01")), 400, "MAC" });
        cases.add(new Object[] { http.post("/v1/ports", Map.of("node_uuid", unknown, "address", "52:54:00:ee:00:01")), 400, unknown });
        cases.add(new Object[] { http.post("/v1/ports", Map.of("node_uuid", uuid, "address", "52:54:00:ee:00:02", "pxe_enabled",
                "sometimes")), 400, "sometimes" });
        cases.add(new Object[] { http.get("/v1/ports?marker=" + unknown), 404, unknown });
        cases.add(new Object[] { http.get("/v1/ports?limit=0"), 400, "Limit" });
        cases.add(new Object[] { http.get("/v1/ports?portgroup=" + unknown), 404, unknown });
        cases.add(new Object[] { http.get("/v1/ports?portgroup=" + unknown + "&node=" + uuid), 403, "not permitted" });
        cases.add(new Object[] { new Http(FerricDistribution.HTTP_PORT, "1.81").get("/v1/ports?shard=a"), 406, "1.82" });
        cases.add(new Object[] { http.post("/v1/chassis", Map.of("colour", "red")), 400, "colour" });
        cases.add(new Object[] { http.get("/v1/chassis?marker=" + unknown), 404, unknown });
        cases.add(new Object[] { http.get("/v1/chassis?limit=-1"), 400, "Limit" });
        cases.add(new Object[] { http.post("/v1/portgroups", Map.of("node_uuid", uuid, "name", "bad name")), 400, "bad name" });
        cases.add(new Object[] { http.post("/v1/portgroups", Map.of("node_uuid", "not-a-node!")), 400, "not-a-node!" });
        cases.add(new Object[] { http.post("/v1/volume/targets", Map.of("node_uuid", uuid, "volume_type", "iscsi", "volume_id", "v1",
                "boot_index", "first")), 400, "is not of type" });
        cases.add(new Object[] { http.post("/v1/volume/connectors", Map.of("node_uuid", uuid, "type", "iqn")), 400, "connector_id" });
        cases.add(new Object[] { http.get("/v1/volume/connectors?marker=" + unknown), 404, unknown });
        cases.add(new Object[] { http.get("/v1/volume/targets?limit=-1"), 400, "Limit" });
        cases.add(new Object[] { http.post("/v1/deploy_templates", Map.of("name", "CUSTOM_T", "steps", "deploy")), 400, "is not of type" });
        cases.add(new Object[] { http.post("/v1/deploy_templates", Map.of("name", "CUSTOM_T", "steps", List.of(), "colour", 1)), 400, "colour" });
        cases.add(new Object[] { http.get("/v1/deploy_templates?marker=" + unknown), 404, unknown });
        cases.add(new Object[] { http.post("/v1/allocations", Map.of("resource_class", "x", "colour", "red")), 400, "colour" });
        cases.add(new Object[] { http.post("/v1/allocations", Map.of("resource_class", 5)), 400, "is not of type" });
        cases.add(new Object[] { http.post("/v1/allocations", Map.of("resource_class", "x", "uuid", "not-a-uuid")), 400, "not-a-uuid" });
        cases.add(new Object[] { http.get("/v1/allocations?marker=" + unknown), 404, unknown });
        cases.add(new Object[] { http.get("/v1/conductors/no-such-host"), 404, "no-such-host" });
        cases.add(new Object[] { http.get("/v1/conductors?limit=-1"), 400, "Limit" });
        cases.add(new Object[] { http.get("/v1/drivers?type=bogus"), 400, "classic" });
        cases.add(new Object[] { http.get("/v1/drivers?detail=perhaps"), 400, "perhaps" });
        cases.add(new Object[] { http.get("/v1/drivers?fields=colour"), 400, "colour" });
        cases.add(new Object[] { http.get("/v1/drivers/no-such-driver"), 404, "no-such-driver" });
        cases.add(new Object[] { http.put("/v1/nodes/" + uuid + "/management/indicators/led", Map.of("state", "on")), 400, "Malformed" });
        cases.add(new Object[] { http.put("/v1/nodes/" + uuid + "/management/indicators/led@system", Map.of("state", "purple")),
                400, "purple" });
        cases.add(new Object[] { new Http(FerricDistribution.HTTP_PORT, "1.99").get("/v1/nodes"), 406, "1.99" });
        cases.add(new Object[] { new Http(FerricDistribution.HTTP_PORT, "2.1").get("/v1/chassis"), 406, "2.1" });
        cases.add(new Object[] { new Http(FerricDistribution.HTTP_PORT, "one.two").get("/v1/ports"), 406, "Invalid value" });
        for (Object[] c : cases) {
            Http.Answer a = (Http.Answer) c[0];
            assertEquals(a.raw().body(), (int) c[1], a.status());
            assertTrue(a.raw().body(), a.raw().body().contains((String) c[2]));
        }
        assertEquals(before, sizes());
        assertEquals(0, http.get("/v1/nodes/" + uuid + "/traits").body().get("traits").size());
        Http.Answer after = http.get("/v1/nodes/" + uuid);
        assertEquals("bad-input", after.body().get("name").asText());
        assertEquals("enroll", after.body().get("provision_state").asText());
        assertFalse(after.body().get("extra").has("blob"));
        assertFalse(after.body().get("maintenance").asBoolean());
        assertEquals("on", http.get("/v1/nodes/" + uuid + "/management/indicators/led@system").body().get("state").asText());
        assertEquals(200, http.get("/v1/nodes?limit=99999999999999999999").status());
        http.delete("/v1/nodes/" + uuid);
    }

    @Test
    public void e_indicatorsDriverFieldsPortsOfAPortgroupAndShards() throws Exception {
        String node = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "gaps", "shard", "gaps-a"))
                .body().get("uuid").asText();

        // indicators (1.63), Ironic's IndicatorController on the fake driver's LEDs
        Http.Answer list = http.get("/v1/nodes/gaps/management/indicators");
        assertEquals(list.raw().body(), 200, list.status());
        JsonNode indicators = list.body().get("indicators");
        assertEquals(2, indicators.size());
        assertEquals("led-0@chassis", indicators.get(0).get("name").asText());
        assertEquals("chassis", indicators.get(0).get("component").asText());
        assertTrue(indicators.get(0).get("readonly").asBoolean());
        assertEquals("led@system", indicators.get(1).get("name").asText());
        assertEquals("[\"blinking\",\"off\",\"on\"]", indicators.get(1).get("states").toString());
        assertTrue(indicators.get(1).get("links").get(0).get("href").asText()
                .endsWith("/v1/nodes/gaps/management/indicators/led@system"));
        assertEquals("on", http.get("/v1/nodes/gaps/management/indicators/led@system").body().get("state").asText());
        assertEquals(204, http.put("/v1/nodes/" + node + "/management/indicators/led@system", Map.of("state", "blinking")).status());
        assertEquals("blinking", http.get("/v1/nodes/gaps/management/indicators/led@system").body().get("state").asText());
        assertEquals("blinking", http.get("/v1/nodes/gaps/management/indicators/system/led").body().get("state").asText());
        Http.Answer readonly = http.put("/v1/nodes/gaps/management/indicators/led-0@chassis", Map.of("state", "off"));
        assertEquals(400, readonly.status());
        assertTrue(readonly.raw().body(), readonly.raw().body().contains("read-only"));
        assertTrue(http.get("/v1/nodes/gaps/management/indicators/led@disk").raw().body().contains("Invalid component disk"));
        assertEquals(406, new Http(FerricDistribution.HTTP_PORT, "1.62").get("/v1/nodes/gaps/management/indicators").status());

        // drivers: fields (1.77) on list and get, type and detail
        JsonNode named = http.get("/v1/drivers?fields=name").body().get("drivers");
        assertTrue(named.size() > 0);
        named.forEach(d -> assertEquals(d.toString(), 2, d.size()));
        JsonNode fake = http.get("/v1/drivers/fake-hardware?fields=name,default_power_interface").body();
        assertEquals("fake", fake.get("default_power_interface").asText());
        assertEquals(3, fake.size());
        assertEquals(400, http.get("/v1/drivers?fields=default_power_interface").status());
        assertEquals(400, http.get("/v1/drivers?fields=name&detail=True").status());
        assertEquals(406, new Http(FerricDistribution.HTTP_PORT, "1.76").get("/v1/drivers?fields=name").status());
        assertEquals(0, http.get("/v1/drivers?type=classic").body().get("drivers").size());
        assertTrue(http.get("/v1/drivers?type=dynamic&detail=True").body().get("drivers").get(0).has("default_power_interface"));

        // ports of a portgroup (1.24)
        String pg = http.post("/v1/portgroups", Map.of("node_uuid", node, "name", "gaps-pg", "address", "52:54:00:ee:10:00"))
                .body().get("uuid").asText();
        Http.Answer grouped = http.post("/v1/ports", Map.of("node_uuid", node, "address", "52:54:00:ee:10:01", "portgroup_uuid", pg));
        assertEquals(grouped.raw().body(), 201, grouped.status());
        http.post("/v1/ports", Map.of("node_uuid", node, "address", "52:54:00:ee:10:02"));
        for (String path : List.of("/v1/ports?portgroup=gaps-pg", "/v1/ports?portgroup=" + pg, "/v1/portgroups/gaps-pg/ports",
                "/v1/portgroups/" + pg + "/ports/detail")) {
            JsonNode ports = http.get(path).body().get("ports");
            assertEquals(path + ": " + ports, 1, ports.size());
            assertEquals("52:54:00:ee:10:01", ports.get(0).get("address").asText());
        }
        assertTrue(http.get("/v1/portgroups/gaps-pg/ports/detail").body().get("ports").get(0).has("extra"));
        assertEquals(404, new Http(FerricDistribution.HTTP_PORT, "1.23").get("/v1/portgroups/gaps-pg/ports").status());

        // several shards, sharded, ports by shard, and the shard counts
        String b = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "gaps-b", "shard", "gaps-b")).body().get("uuid").asText();
        String none = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "gaps-none")).body().get("uuid").asText();
        assertEquals(List.of("gaps", "gaps-b"), names(http.get("/v1/nodes?shard=gaps-a,gaps-b,gaps-z")));
        assertEquals(List.of("gaps-b"), names(http.get("/v1/nodes?shard=gaps-b&sharded=true")));
        assertTrue(names(http.get("/v1/nodes?sharded=false")).contains("gaps-none"));
        assertTrue(!names(http.get("/v1/nodes?sharded=false")).contains("gaps"));
        assertEquals(List.of("gaps"), names(http.get("/v1/nodes?sharded=true")).stream().filter(n -> n.equals("gaps")).toList());
        assertEquals(2, http.get("/v1/ports?shard=gaps-a").body().get("ports").size());
        assertEquals(0, http.get("/v1/ports?shard=gaps-b").body().get("ports").size());
        JsonNode shards = http.get("/v1/shards").body().get("shards");
        Map<String, Integer> counts = new java.util.HashMap<>();
        shards.forEach(sh -> counts.put(sh.get("name").asText(), sh.get("count").asInt()));
        assertEquals(shards.toString(), Integer.valueOf(1), counts.get("gaps-a"));
        assertEquals(shards.toString(), Integer.valueOf(1), counts.get("gaps-b"));
        assertTrue(shards.toString(), counts.get("None") >= 1);

        http.delete("/v1/ports/" + grouped.body().get("uuid").asText());
        http.get("/v1/ports?node=" + node).body().get("ports").forEach(p -> {
            try {
                http.delete("/v1/ports/" + p.get("uuid").asText());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(204, http.delete("/v1/portgroups/" + pg).status());
        for (String n : List.of(node, b, none)) {
            assertEquals(204, http.delete("/v1/nodes/" + n).status());
        }
    }

    /** How many of each resource exist: bad input must leave every count as it was. */
    private Map<String, Integer> sizes() throws Exception {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (String c : List.of("nodes", "ports", "portgroups", "chassis", "volume/connectors", "volume/targets",
                "deploy_templates", "allocations")) {
            JsonNode body = http.get("/v1/" + c + "?limit=1000").body();
            sizes.put(c, body.get(c.substring(c.lastIndexOf('/') + 1)).size());
        }
        return sizes;
    }

    private static List<String> names(Http.Answer nodes) {
        List<String> names = new ArrayList<>();
        nodes.body().get("nodes").forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    /** The reference files, copied out of the test bundle so python can run them. */
    private static Path referenceDir() throws Exception {
        Path dir = Files.createTempDirectory("ironic-reference");
        for (String f : REFERENCE_FILES) {
            try (InputStream in = ApiCoverageIT.class.getResourceAsStream("/ironic-reference/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path samples = Files.createDirectories(dir.resolve("samples"));
        try (InputStream index = ApiCoverageIT.class.getResourceAsStream("/ironic-reference/samples.index")) {
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!name.isBlank()) {
                    try (InputStream in = ApiCoverageIT.class.getResourceAsStream("/ironic-reference/samples/" + name.strip())) {
                        Files.copy(in, samples.resolve(name.strip()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return dir;
    }

    private static String python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        File out = File.createTempFile("python", ".out");
        pb.redirectOutput(out);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish in 300 s");
        }
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        out.delete();
        return "exit " + p.exitValue() + "\n" + text;
    }
}
