package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kills the whole Karaf process (SIGKILL) in the middle of 50 deploys and starts it again: every
 * node must end in {@code deploy failed} or {@code active}, none locked, none lost. The
 * distribution runs as a real process here, not under Pax Exam, because the test kills it.
 */
public class KillRestartIT {
    private static final int PORT = 26385;
    private static final int NODES = 50;

    private UnpackedDistribution distribution;

    private void start() throws Exception {
        distribution.start();
        new Http(PORT).await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fault-injection"),
                Duration.ofSeconds(180));
    }

    @After
    public void stop() throws Exception {
        if (distribution != null && distribution.running()) {
            distribution.kill();
        }
    }

    @Test
    public void everyNodeEndsDeployedOrFailedAndUnlockedAfterAKill() throws Exception {
        distribution = new UnpackedDistribution("kill-test", PORT, 28101);
        // the test driver boots with the rest
        distribution.replace("etc/org.apache.karaf.features.cfg", "featuresBoot = \\", "featuresBoot = \\\n    ferric-driver-fault, \\");
        start();
        Http http = new Http(PORT);
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Map<String, Object> info = new HashMap<>(Map.of("fault_deploy", "slow", "fault_delay_ms", "4000"));
            Http.Answer created = http.post("/v1/nodes", Map.of("driver", "fault-injection", "name", "kill-" + i, "driver_info", info));
            assertEquals(created.raw().body(), 201, created.status());
            uuids.add(created.body().get("uuid").asText());
        }
        for (String verb : List.of("manage", "provide")) {
            for (String uuid : uuids) {
                assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", verb)).status());
            }
            String settled = "manage".equals(verb) ? "manageable" : "available";
            for (String uuid : uuids) {
                http.await("/v1/nodes/" + uuid, a -> settled.equals(a.body().get("provision_state").asText())
                        && a.body().get("reservation").isNull(), Duration.ofSeconds(60));
            }
        }
        // Half the nodes deploy quickly, so the kill finds both finished and running deploys.
        for (int i = 0; i < NODES; i += 2) {
            http.patch("/v1/nodes/" + uuids.get(i), List.of(Map.of("op", "replace", "path", "/driver_info/fault_delay_ms", "value", "10")));
        }
        for (String uuid : uuids) {
            assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "active")).status());
        }
        http.await("/v1/nodes/" + uuids.get(0), a -> "active".equals(a.body().get("provision_state").asText()), Duration.ofSeconds(30));
        // The last node is a slow one sent just now, so it is still deploying however slow the machine.
        JsonNode running = http.get("/v1/nodes/" + uuids.get(NODES - 1)).body();
        assertEquals("the kill must hit a running deploy", "deploying", running.get("provision_state").asText());

        distribution.kill();
        start();

        int active = 0;
        int failed = 0;
        for (String uuid : uuids) {
            JsonNode n = http.await("/v1/nodes/" + uuid, a -> a.status() == 200, Duration.ofSeconds(30)).body();
            String state = n.get("provision_state").asText();
            assertTrue(uuid + " is " + state, "active".equals(state) || "deploy failed".equals(state));
            assertTrue(uuid + " is still locked", n.get("reservation").isNull());
            if ("active".equals(state)) {
                active++;
            } else {
                failed++;
                assertTrue(n.get("last_error").asText(), n.get("last_error").asText().contains("restarted"));
            }
        }
        assertEquals(NODES, active + failed);
        assertTrue("some deploys finished before the kill", active > 0);
        assertTrue("some deploys were cut by the kill", failed > 0);
        assertEquals(NODES, http.get("/v1/nodes?limit=1000").body().get("nodes").size());
    }
}
