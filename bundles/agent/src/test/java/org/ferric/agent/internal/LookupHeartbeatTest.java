package org.ferric.agent.internal;

import static org.ferric.agent.internal.TestServers.await;
import static org.ferric.agent.internal.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup and heartbeats against a fake bare-metal API that records the exact requests. */
class LookupHeartbeatTest {
    @TempDir
    Path dir;
    TestServers.FakeIronic ironic;
    Agent agent;
    int port;

    private void start(AgentSettings settings) throws Exception {
        agent = new Agent(settings, new HardwareManagers(), TestServers.HTTP, TestServers.JSON, code -> { });
        port = agent.start().getPort();
    }

    private AgentSettings settings(Duration heartbeat) throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[1 << 20]);
        return TestServers.settings(ironic.url(), List.of("52:54:00:00:00:01", "52:54:00:00:00:02"), List.of(disk), null, heartbeat);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
        ironic.close();
    }

    @Test
    void looksUpUntilFoundThenHeartbeatsWithCallbackUrlVersionAndToken() throws Exception {
        ironic = new TestServers.FakeIronic();
        ironic.failLookups.set(2);
        start(settings(Duration.ofMillis(100)));
        await("three heartbeats", () -> ironic.requests("/v1/heartbeat/").size() >= 3);

        List<TestServers.Request> lookups = ironic.requests("/v1/lookup");
        assertEquals(3, lookups.size(), "two refusals, then found");
        for (var l : lookups) {
            assertEquals("GET", l.method());
            assertEquals("addresses=52:54:00:00:00:01,52:54:00:00:00:02", URLDecoder.decode(l.query(), StandardCharsets.UTF_8));
            assertEquals("1.62", l.headers().get("X-OpenStack-Ironic-API-Version"));
        }
        var hb = ironic.requests("/v1/heartbeat/").get(0);
        assertEquals("POST", hb.method());
        assertEquals("/v1/heartbeat/" + ironic.nodeUuid, hb.path());
        assertEquals("1.62", hb.headers().get("X-OpenStack-Ironic-API-Version"));
        Map<String, Object> body = hb.json();
        assertEquals("http://127.0.0.1:" + port, body.get("callback_url"));
        assertEquals(ironic.token, body.get("agent_token"));
        assertTrue(body.get("agent_version").toString().startsWith("ferric-agent "));
        assertEquals(3, body.size());
        assertEquals(ironic.nodeUuid, agent.nodeUuid());
    }

    @Test
    void commandsNeedTheTokenOnceTheLookupGaveOne() throws Exception {
        ironic = new TestServers.FakeIronic();
        start(settings(Duration.ofSeconds(60)));
        await("the lookup", () -> agent.token() != null && agent.nodeUuid() != null);
        String url = "http://127.0.0.1:" + port + "/v1/commands/";
        Map<String, Object> cmd = Map.of("name", "standby.sync", "params", Map.of());
        var refused = post(url, cmd);
        assertEquals(401, refused.status());
        assertEquals("401 Unauthorized: Token invalid.", refused.body().get("faultstring"));
        assertEquals(401, post(url + "?agent_token=wrong", cmd).status());
        assertEquals(200, post(url + "?agent_token=" + ironic.token, cmd).status());
    }

    @Test
    void aTokenGivenOutBeforeIsReplacedByOneGivenOutOfBand() throws Exception {
        ironic = new TestServers.FakeIronic();
        ironic.token = "******";
        AgentSettings s = settings(Duration.ofMillis(100));
        String oob = "o".repeat(43);
        s = new AgentSettings(s.apiUrl(), s.listen(), s.advertiseHost(), s.macs(), s.disks(), s.profile(), "1be26c0b-03f2-4d2e-ae87-c02d7f33c123", oob,
                s.heartbeatInterval(), s.lookupTimeout(), s.lookupInterval(), s.workDir(), s.inspectionCallbackUrl(), s.powerOffCommand(), s.rebootCommand());
        start(s);
        await("a heartbeat", () -> !ironic.requests("/v1/heartbeat/").isEmpty());
        assertEquals(oob, ironic.requests("/v1/heartbeat/").get(0).json().get("agent_token"));
        assertTrue(URLDecoder.decode(ironic.requests("/v1/lookup").get(0).query(), StandardCharsets.UTF_8)
                .endsWith("&node_uuid=1be26c0b-03f2-4d2e-ae87-c02d7f33c123"));
    }

    @Test
    void theIntervalFollowsTheHeartbeatTimeoutOfTheLookup() throws Exception {
        ironic = new TestServers.FakeIronic();
        ironic.heartbeatTimeout = 1;
        start(settings(null));
        await("a first heartbeat", () -> !ironic.requests("/v1/heartbeat/").isEmpty());
        long t0 = System.nanoTime();
        await("two more heartbeats", () -> ironic.requests("/v1/heartbeat/").size() >= 3);
        // 30–60 % of 1 s each: two intervals take at least 0.6 s.
        assertTrue(System.nanoTime() - t0 >= 550_000_000L);
    }

    @Test
    void anAsyncCommandThatEndsTriggersAHeartbeat() throws Exception {
        ironic = new TestServers.FakeIronic();
        start(settings(Duration.ofSeconds(600)));
        await("a first heartbeat", () -> ironic.requests("/v1/heartbeat/").size() == 1);
        var r = post("http://127.0.0.1:" + port + "/v1/commands/?wait=true&agent_token=" + ironic.token, Map.of("name", "clean.execute_clean_step",
                "params", Map.of("step", Map.of("step", "erase_devices_metadata", "interface", "deploy", "priority", 99), "node", Map.of(), "ports", List.of())));
        assertEquals("SUCCEEDED", r.body().get("command_status"));
        await("the heartbeat after the command", () -> ironic.requests("/v1/heartbeat/").size() == 2);
    }
}
