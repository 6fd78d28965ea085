package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

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
        assumeTrue("python3-openstacksdk is installed", new File("/usr/lib/python3/dist-packages/openstack").isDirectory());
        String out = python(referenceDir().resolve("sdk_drive.py").toString(), endpoint);
        assertTrue(out, out.contains("all resource groups OK"));
    }

    @Test
    public void c_baremetalCliDrivesTheNewResources() throws Exception {
        assumeTrue(BaremetalCli.installed());
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
        for (Object[] c : cases) {
            Http.Answer a = (Http.Answer) c[0];
            assertEquals(a.raw().body(), (int) c[1], a.status());
            assertTrue(a.raw().body(), a.raw().body().contains((String) c[2]));
        }
        assertEquals(0, http.get("/v1/portgroups").body().get("portgroups").size());
        assertEquals(0, http.get("/v1/nodes/" + uuid + "/traits").body().get("traits").size());
        assertEquals(0, http.get("/v1/allocations").body().get("allocations").size());
        http.delete("/v1/nodes/" + uuid);
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
