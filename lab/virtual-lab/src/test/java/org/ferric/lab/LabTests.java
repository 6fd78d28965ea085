package org.ferric.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.type.TypeReference;

/** What the lab tests share: the agent jar, a refusing API, HTTP, polling and the "nothing left" check. */
final class LabTests {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** An agent's JVM starts in a second or two; a loaded 2-core machine is slower. */
    static final Duration AGENT_START = Duration.ofSeconds(60);

    private LabTests() {
    }

    /** The executable jar of bundles/agent, which the build makes before this module. Fails, never skips. */
    static Path agentJar() {
        String p = System.getProperty("ferric.agent.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            fail("no agent jar at " + p + ": build bundles/agent first (mvn -pl lab/virtual-lab -am verify)");
        }
        return Path.of(p);
    }

    static void requireTools(String... tools) {
        for (String t : tools) {
            if (!Processes.onPath(t)) {
                fail(t + " is not installed: apt-get install -y openipmi ipmitool");
            }
        }
    }

    /** An API URL where nothing listens: the agents' lookups fail and they keep serving their command API. */
    static String refusingApiUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    static VirtualLab.Options options(String bmc, Path dir) throws IOException {
        return new VirtualLab.Options().nodes(2).bmc(bmc).apiUrl(refusingApiUrl()).agentJar(agentJar()).dir(dir)
                .diskSizeBytes(8L << 20).heartbeatIntervalSeconds(1);
    }

    static HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A command to the agent; before a lookup it needs no token. */
    static Map<String, Object> command(LabNode n, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(n.agentUrl() + "/v1/commands/?wait=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"params\": {}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return VirtualLab.JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Processes.sleep(50);
        }
    }

    /** The node's agent comes up and answers; returns its pid, checked to be the agent for this node. */
    static long assertAgentUp(LabNode n) {
        assertTrue(n.awaitAgent(AGENT_START), n.name() + ": no agent answering on " + n.agentUrl() + "; " + tail(n.agentLog()));
        assertTrue(n.agentRunning());
        long pid = n.agentPid().orElseThrow();
        String cmd = Processes.cmdline(pid);
        assertTrue(cmd.contains(" -jar " + agentJar().toAbsolutePath()), cmd);
        assertTrue(cmd.contains("--node-uuid " + n.uuid()), cmd);
        for (String mac : n.macs()) {
            assertTrue(cmd.contains("--mac " + mac), cmd);
        }
        assertTrue(cmd.contains("--disk " + n.disk()) && cmd.contains("--lookup-timeout 0")
                && cmd.contains("--listen 127.0.0.1:" + n.agentPort()) && cmd.contains("--advertise-host 127.0.0.1"), cmd);
        return pid;
    }

    /** No agent for a while: what a boot from disk, or from nothing, leaves. */
    static void assertNoAgentFor(LabNode n, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            assertFalse(n.agentRunning(), n.name() + " started an agent");
            Processes.sleep(100);
        }
    }

    static void assertGone(long pid) {
        await("process " + pid + " to end", Duration.ofSeconds(10), () -> !Processes.alive(pid));
    }

    static String console(LabNode n) {
        try {
            return Files.exists(n.consoleLog()) ? Files.readString(n.consoleLog()) : "";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every live process of the lab: started in its directory or naming it on its command line. */
    static List<String> processesOf(Path labDir) {
        String d = labDir.toString();
        return Processes.others().stream().filter(pid -> Processes.alive(pid)
                && (Processes.cmdline(pid).contains(d) || Processes.cwd(pid).map(c -> c.startsWith(labDir)).orElse(false)))
                .map(pid -> pid + " " + Processes.cmdline(pid)).toList();
    }

    /** The keys every enrolled node has, as `baremetal create` takes them; no ports. */
    static void assertEnrolmentShape(Map<String, Object> node, String driver, String bootInterface, Set<String> driverInfoKeys) {
        assertEquals(Set.of("uuid", "name", "driver", "driver_info", "deploy_interface", "boot_interface", "inspect_interface",
                "rescue_interface", "properties"), node.keySet());
        assertEquals(driver, node.get("driver"));
        assertEquals("direct", node.get("deploy_interface"));
        assertEquals(bootInterface, node.get("boot_interface"));
        assertEquals("agent", node.get("inspect_interface"));
        assertEquals("agent", node.get("rescue_interface"));
        assertEquals(Map.of(), node.get("properties"));
        assertEquals(driverInfoKeys, ((Map<?, ?>) node.get("driver_info")).keySet());
    }
}
