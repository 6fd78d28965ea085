package org.ferric.agent.internal;

import static org.ferric.agent.internal.TestServers.get;
import static org.ferric.agent.internal.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ferric.agent.spi.HardwareManager;
import org.ferric.agent.spi.HardwareSupport;
import org.ferric.agent.spi.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command API over real HTTP, with IPA's JSON shapes. */
class CommandApiTest {
    @TempDir
    Path dir;
    Agent agent;
    String base;
    final HardwareManagers managers = new HardwareManagers();
    final CountDownLatch release = new CountDownLatch(1);

    /** A vendor manager: one slow step, and erase_devices_metadata taken over with a higher support level. */
    final HardwareManager vendor = new HardwareManager() {
        @Override
        public String name() {
            return "AcmeHardwareManager";
        }

        @Override
        public String version() {
            return "3.1";
        }

        @Override
        public int hardwareSupport() {
            return HardwareSupport.MAINLINE;
        }

        @Override
        public List<Step> cleanSteps() {
            return List.of(Step.of("acme_reset_bmc", "management", 0, r -> {
                release.await(10, TimeUnit.SECONDS);
                return Map.of("reset", true, "args", r.args());
            }), Step.of("erase_devices_metadata", "deploy", 99, r -> "acme wiped"));
        }
    };

    @BeforeEach
    void start() throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[4 << 20]);
        agent = new Agent(TestServers.settings(null, List.of("52:54:00:00:00:01"), List.of(disk), null, null), managers,
                TestServers.HTTP, TestServers.JSON, code -> { });
        base = "http://127.0.0.1:" + agent.start().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        agent.stop();
    }

    @Test
    void statusAndRoot() throws Exception {
        var status = get(base + "/v1/status");
        assertEquals(200, status.status());
        assertTrue(((Number) status.body().get("started_at")).doubleValue() > 0);
        assertTrue(status.body().get("version").toString().startsWith("ferric-agent"));
        assertEquals("v1", get(base + "/").map("default_version").get("id"));
        assertEquals(200, get(base + "/status").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void syncCommandAnswersInThePost() throws Exception {
        var r = post(base + "/v1/commands/?wait=false", Map.of("name", "clean.get_clean_steps", "params", Map.of("node", Map.of(), "ports", List.of())));
        assertEquals(200, r.status());
        assertEquals("get_clean_steps", r.body().get("command_name"));
        assertEquals("SUCCEEDED", r.body().get("command_status"));
        assertEquals(null, r.body().get("command_error"));
        var steps = (Map<String, List<Map<String, Object>>>) r.map("command_result").get("clean_steps");
        assertEquals(List.of("erase_devices", "erase_devices_metadata"), steps.get("GenericHardwareManager").stream().map(s -> s.get("step")).toList());
        assertEquals(Map.of("step", "erase_devices_metadata", "priority", 99, "interface", "deploy", "reboot_requested", false, "abortable", true),
                steps.get("GenericHardwareManager").get(1));
        assertEquals(Map.of("GenericHardwareManager", "1.2"), r.map("command_result").get("hardware_manager_version"));
    }

    @Test
    void asyncCommandRunsInTheBackgroundAndIsPolled() throws Exception {
        managers.add(vendor);
        Map<String, Object> step = Map.of("step", "acme_reset_bmc", "interface", "management", "priority", 0, "args", Map.of("hard", true));
        var r = post(base + "/v1/commands/", Map.of("name", "clean.execute_clean_step", "params", Map.of("step", step, "node", Map.of(), "ports", List.of())));
        assertEquals(200, r.status());
        assertEquals("RUNNING", r.body().get("command_status"));
        String id = (String) r.body().get("id");

        var busy = post(base + "/v1/commands/", Map.of("name", "standby.sync", "params", Map.of()));
        assertEquals(409, busy.status());
        assertEquals("Client", busy.body().get("faultcode"));
        assertEquals("Agent is busy: executing command execute_clean_step", busy.body().get("faultstring"));

        release.countDown();
        var done = get(base + "/v1/commands/" + id + "?wait=true");
        assertEquals("SUCCEEDED", done.body().get("command_status"));
        assertEquals("execute_clean_step", done.body().get("command_name"));
        assertEquals(Map.of("clean_result", Map.of("reset", true, "args", Map.of("hard", true)), "clean_step", step), done.body().get("command_result"));
        @SuppressWarnings("unchecked")
        var list = (List<Map<String, Object>>) get(base + "/v1/commands/").body().get("commands");
        assertEquals(List.of(id), list.stream().map(c -> c.get("id")).toList());
    }

    @Test
    void waitTrueBlocksUntilTheAsyncCommandEnds() throws Exception {
        var r = post(base + "/v1/commands/?wait=true", Map.of("name", "clean.execute_clean_step", "params",
                Map.of("step", Map.of("step", "erase_devices_metadata", "interface", "deploy", "priority", 99), "node", Map.of(), "ports", List.of())));
        assertEquals("SUCCEEDED", r.body().get("command_status"));
        assertTrue(r.map("command_result").get("clean_result").toString().contains("bytes_zeroed"));
    }

    @Test
    void theManagerWithTheHigherSupportLevelRunsAStepBothOffer() throws Exception {
        managers.add(vendor);
        var r = post(base + "/v1/commands/?wait=true", Map.of("name", "clean.execute_clean_step", "params",
                Map.of("step", Map.of("step", "erase_devices_metadata", "interface", "deploy", "priority", 99), "node", Map.of(), "ports", List.of())));
        assertEquals("acme wiped", r.map("command_result").get("clean_result"));
    }

    @Test
    void unknownStepAndVersionMismatchFailTheCommand() throws Exception {
        var unknown = post(base + "/v1/commands/?wait=true", Map.of("name", "clean.execute_clean_step", "params",
                Map.of("step", Map.of("step", "no_such_step", "interface", "deploy", "priority", 1), "node", Map.of(), "ports", List.of())));
        assertEquals("FAILED", unknown.body().get("command_status"));
        assertEquals("CleaningError", unknown.map("command_error").get("type"));
        assertEquals("Error performing clean_step no_such_step: No HardwareManager found to handle method: Could not find method: no_such_step",
                unknown.map("command_error").get("details"));

        var mismatch = post(base + "/v1/commands/?wait=true", Map.of("name", "clean.execute_clean_step", "params",
                Map.of("step", Map.of("step", "erase_devices_metadata", "interface", "deploy", "priority", 99), "node", Map.of(), "ports", List.of(),
                        "clean_version", Map.of("GenericHardwareManager", "0.9"))));
        assertEquals("VERSION_MISMATCH", mismatch.body().get("command_status"));
    }

    @Test
    void badRequestsAreRefusedAsTheReferenceAgentDoes() throws Exception {
        assertEquals(404, post(base + "/v1/commands/", Map.of("name", "nosuch.thing", "params", Map.of())).status());
        var unknown = post(base + "/v1/commands/", Map.of("name", "clean.nothing", "params", Map.of()));
        assertEquals(400, unknown.status());
        assertEquals("Invalid command: Unknown command: nothing", unknown.body().get("faultstring"));
        assertEquals(400, post(base + "/v1/commands/", Map.of("name", "clean.get_clean_steps")).status());
        assertEquals(400, post(base + "/v1/commands/", Map.of("name", "noextension", "params", Map.of())).status());
        assertEquals(404, get(base + "/v1/commands/does-not-exist").status());
    }

    @Test
    void partitionUuidsOfAnMbrDisk() throws Exception {
        byte[] mbr = new byte[512];
        mbr[440] = 0x78; mbr[441] = 0x56; mbr[442] = 0x34; mbr[443] = 0x12;
        mbr[510] = 0x55; mbr[511] = (byte) 0xaa;
        try (var ch = java.nio.channels.FileChannel.open(dir.resolve("disk.img"), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(mbr), 0);
        }
        var r = post(base + "/v1/commands/?wait=true", Map.of("name", "standby.get_partition_uuids", "params", Map.of()));
        assertEquals(Map.of("root uuid", "0x12345678"), r.body().get("command_result"));
        assertEquals("SUCCEEDED", post(base + "/v1/commands/", Map.of("name", "standby.sync", "params", Map.of())).body().get("command_status"));
    }

    @Test
    void systemLogsAreABase64TarGz() throws Exception {
        var r = post(base + "/v1/commands/?wait=true", Map.of("name", "log.collect_system_logs", "params", Map.of()));
        assertEquals("SUCCEEDED", r.body().get("command_status"));
        byte[] tgz = java.util.Base64.getDecoder().decode((String) r.map("command_result").get("system_logs"));
        Path f = dir.resolve("logs.tgz");
        Files.write(f, tgz);
        String listing = Exec.check(List.of("tar", "-tzf", f.toString()), java.time.Duration.ofSeconds(30)).out();
        assertTrue(listing.contains("./ferric-agent.log"), listing);
        assertTrue(listing.contains("./inventory.json"), listing);
        assertTrue(listing.contains("./dmesg"), listing);
    }
}
