package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    private Process karaf;
    private Path home;

    private Path unpack() throws Exception {
        Path dir = Path.of("target", "kill-test").toAbsolutePath();
        if (Files.exists(dir)) {
            // A previous run's database would still hold its nodes.
            run(dir.getParent(), "rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        run(dir, "tar", "xzf", new File(System.getProperty("ferric.assembly")).getAbsolutePath(), "-C", dir.toString());
        try (var entries = Files.list(dir)) {
            Path h = entries.filter(p -> p.getFileName().toString().startsWith("ferric-assembly-")).findFirst().orElseThrow();
            // Own ports, and the test driver booted with the rest.
            Files.writeString(h.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + PORT + "\n");
            replace(h.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = 28101");
            // The distribution boots without JMX (no management feature, no management.cfg); should
            // it come back, its RMI ports must not clash with a running Ferric either.
            Path management = h.resolve("etc/org.apache.karaf.management.cfg");
            if (Files.exists(management)) {
                replace(management, "rmiRegistryPort = 1099", "rmiRegistryPort = 21099");
                replace(management, "rmiServerPort = 44444", "rmiServerPort = 24444");
            }
            replace(h.resolve("etc/org.apache.karaf.features.cfg"), "featuresBoot = \\", "featuresBoot = \\\n    ferric-driver-fault, \\");
            return h;
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(file, s.replace(from, to));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(String.join(" ", command), 0, p.waitFor());
    }

    private void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectOutput(home.resolve("console.out").toFile()).redirectErrorStream(true);
        pb.environment().put("EXTRA_JAVA_OPTS", "-Djdk.util.zip.disableZip64ExtraFieldValidation=true -Duser.timezone=UTC");
        karaf = pb.start();
        new Http(PORT).await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fault-injection"),
                Duration.ofSeconds(180));
    }

    private void kill() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(karaf.descendants().toList());
        all.add(karaf.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        assertTrue("karaf died", karaf.waitFor(30, TimeUnit.SECONDS));
        for (ProcessHandle h : all) {
            h.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @After
    public void stop() throws Exception {
        if (karaf != null && karaf.isAlive()) {
            kill();
        }
    }

    @Test
    public void everyNodeEndsDeployedOrFailedAndUnlockedAfterAKill() throws Exception {
        home = unpack();
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

        kill();
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
