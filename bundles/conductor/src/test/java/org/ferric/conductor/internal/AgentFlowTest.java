package org.ferric.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Node;
import org.ferric.db.api.PortQuery;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.InterfaceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The conductor's half of the agent protocol, against a scripted agent on loopback (the real agent
 * runs in the integration tests): which commands go out, what each heartbeat moves on, and how an
 * agent failure reads.
 */
class AgentFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryDb db = new InMemoryDb();
    private final DriverRegistry drivers = new DriverRegistry();
    private final ScriptedAgent agent = new ScriptedAgent();
    private ConductorService conductor;

    @BeforeEach
    void start() throws IOException {
        agent.start();
        drivers.addHardwareType(new AgentHardware(new TestDriver(), new AgentDriverInterfaces()));
        conductor = new ConductorService(db, drivers, ConductorServiceTest.config(Map.of("host", "c1",
                "node_locked_retry_interval", 0.01, "automated_clean", false,
                // the test runs the timeout pass itself; a 1 s callback timeout only counts then
                "check_provision_state_interval", 0, "deploy_callback_timeout", 1)));
    }

    @AfterEach
    void stop() {
        conductor.stop();
        agent.stop();
    }

    @Test
    void deployWritesTheImageThroughTheAgentAndBootsTheInstance() throws Exception {
        String uuid = available();
        // At the agent's first heartbeat write_image goes out, async.
        Node writing = deployUntilWriting(uuid, Map.of("image_source", "http://images/disk.qcow2?x=1",
                "image_os_hash_algo", "sha256", "image_os_hash_value", "ab12", "image_disk_format", "qcow2"));
        assertEquals("wait call-back", writing.getProvisionState());
        assertEquals("write_image", writing.getDeployStep().get("step"));
        Map<?, ?> imageInfo = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) agent.last("deploy.execute_deploy_step").get("step")).get("args"))
                .get("image_info");
        assertEquals("disk.qcow2", imageInfo.get("id"));
        assertEquals(List.of("http://images/disk.qcow2?x=1"), imageInfo.get("urls"));
        assertEquals("ab12", imageInfo.get("os_hash_value"));
        assertEquals("qcow2", imageInfo.get("disk_format"));

        Instant touched = writing.getProvisionUpdatedAt();
        Thread.sleep(20);
        heartbeat(uuid); // still running: nothing moves, but the node is alive
        Node still = waitFor(uuid, n -> n.getReservation() == null && n.getProvisionUpdatedAt().isAfter(touched));
        assertEquals("wait call-back", still.getProvisionState());
        assertEquals(1, agent.count("deploy.execute_deploy_step"));

        agent.finishLast("SUCCEEDED", null);
        heartbeat(uuid);
        Node active = waitFor(uuid, settledIn("active"));
        assertEquals("power on", active.getPowerState());
        assertEquals(Map.of(), active.getDeployStep());
        assertNull(active.getDriverInternalInfo().get(AgentCallbacks.TOKEN_KEY), "the agent's token dies with it");
        assertTrue(agent.names().contains("standby.sync"), agent.names().toString());
    }

    @Test
    void aFailedAgentStepFailsTheDeployWithTheAgentsWords() throws Exception {
        String uuid = available();
        deployUntilWriting(uuid, Map.of("image_source", "http://images/raw.img", "image_checksum", "abc"));
        agent.finishLast("FAILED", Map.of("type", "ImageChecksumError", "code", 500, "message", "Error verifying image checksum",
                "details", "image checksum: md5:abc; verification checksum: md5:def"));
        heartbeat(uuid);
        Node failed = waitFor(uuid, settledIn("deploy failed"));
        assertEquals("Deploy step deploy.write_image failed on node " + uuid
                + ". image checksum: md5:abc; verification checksum: md5:def", failed.getLastError());
        assertEquals("power off", failed.getPowerState(), "Ironic powers a node off after a failed deploy");
        assertNull(failed.getDriverInternalInfo().get(AgentCallbacks.TOKEN_KEY));
    }

    @Test
    void anAgentThatFallsSilentTimesTheDeployOutAndIsPoweredOff() throws Exception {
        String uuid = available();
        deployUntilWriting(uuid, Map.of("image_source", "http://images/raw.img", "image_checksum", "abc"));
        Thread.sleep(700);
        heartbeat(uuid); // the step still runs: no state change, only the heartbeat keeps the node alive
        waitFor(uuid, n -> n.getReservation() == null);
        Thread.sleep(500); // 1.2 s after the step began, 0.5 s after the heartbeat
        conductor.periodic().checkWaitTimeouts();
        assertEquals("wait call-back", db.getNodeByUuid(uuid).orElseThrow().getProvisionState(), "a heartbeat 0.5 s ago");
        Thread.sleep(1100); // then silence
        conductor.periodic().checkWaitTimeouts();
        Node failed = waitFor(uuid, settledIn("deploy failed"));
        assertEquals("Timeout reached while waiting for callback for node " + uuid, failed.getLastError());
        assertEquals("power off", failed.getPowerState());
        assertNull(failed.getDriverInternalInfo().get(AgentCallbacks.TOKEN_KEY));
    }

    @Test
    void abortingCleaningPowersTheAgentOff() throws Exception {
        String uuid = manageable();
        assertEquals("power on", provideUntilCleanWait(uuid).getPowerState());
        conductor.doProvisioningAction(uuid, "abort", Map.of());
        Node aborted = waitFor(uuid, n -> "clean failed".equals(n.getProvisionState()) && n.getReservation() == null
                && "power off".equals(n.getPowerState()));
        assertEquals("Clean operation aborted for node " + uuid + ".", aborted.getLastError());
    }

    @Test
    void deployWithoutAnImageIsRefusedBeforeAnythingMoves() throws Exception {
        String uuid = available();
        ConductorException e = assertThrows(ConductorException.class, () -> conductor.doProvisioningAction(uuid, "active", Map.of()));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("Missing are: ['instance_info.image_source']"), e.getMessage());
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        assertEquals("available", n.getProvisionState());
        assertNull(n.getReservation());
    }

    @Test
    void cleaningRunsTheStepsTheAgentReportsInPriorityOrder() throws Exception {
        String uuid = manageable();
        provideUntilCleanWait(uuid);

        // A vendor's hardware manager on the agent adds a step between IPA's two.
        agent.cleanSteps = List.of(Map.of("step", "erase_devices", "priority", 10, "interface", "deploy"),
                Map.of("step", "erase_devices_metadata", "priority", 99, "interface", "deploy"),
                Map.of("step", "update_acme_firmware", "priority", 50, "interface", "deploy"),
                Map.of("step", "burn_in_cpu", "priority", 0, "interface", "deploy"),
                // not the deploy interface's: ignored, as Ironic does (no agent-based management interface)
                Map.of("step", "reset_acme_bmc", "priority", 70, "interface", "management"));
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            heartbeat(uuid);
            int expected = i + 1;
            waitFor(uuid, n -> agent.count("clean.execute_clean_step") == expected && n.getReservation() == null);
            ran.add((String) ((Map<?, ?>) agent.last("clean.execute_clean_step").get("step")).get("step"));
            agent.finishLast("SUCCEEDED", null);
        }
        assertEquals(List.of("erase_devices_metadata", "update_acme_firmware", "erase_devices"), ran);
        assertEquals(1, agent.count("clean.get_clean_steps"));
        heartbeat(uuid);
        Node available = waitFor(uuid, settledIn("available"));
        assertEquals("power off", available.getPowerState());
        assertEquals(Map.of(), available.getCleanStep());
    }

    @Test
    void anAgentWithNoCleanStepIsPoweredOffAndTheNodeBecomesAvailable() throws Exception {
        String uuid = manageable();
        provideUntilCleanWait(uuid);
        agent.cleanSteps = List.of(Map.of("step", "erase_devices", "priority", 0, "interface", "deploy"));
        heartbeat(uuid);
        Node available = waitFor(uuid, settledIn("available"));
        assertEquals("power off", available.getPowerState());
        assertEquals(0, agent.count("clean.execute_clean_step"));
    }

    @Test
    void inspectionRecordsTheAgentsInventory() throws Exception {
        String uuid = manageable();
        Node wanted = db.getNodeByUuid(uuid).orElseThrow();
        wanted.setInspectInterface("agent");
        conductor.updateNode(wanted, false);
        conductor.doProvisioningAction(uuid, "inspect", Map.of());
        waitFor(uuid, settledIn("inspect wait"));
        heartbeat(uuid);
        Node inspected = waitFor(uuid, settledIn("manageable"));
        assertEquals(4, ((Number) inspected.getProperties().get("cpus")).intValue());
        assertEquals("x86_64", inspected.getProperties().get("cpu_arch"));
        assertEquals("power off", inspected.getPowerState());
        assertEquals(List.of("52:54:00:12:34:56"), db.listPorts(new PortQuery(uuid, null, 100, null, "id", true)).stream().map(p -> p.getAddress()).toList());
    }

    // ---- helpers ----

    private String manageable() throws InterruptedException {
        Node n = new Node();
        n.setDriver("agent-test");
        String uuid = conductor.createNode(n).getUuid();
        conductor.doProvisioningAction(uuid, "manage", Map.of());
        waitFor(uuid, settledIn("manageable"));
        return uuid;
    }

    private String available() throws InterruptedException {
        String uuid = manageable();
        conductor.doProvisioningAction(uuid, "provide", Map.of());
        waitFor(uuid, settledIn("available"));
        return uuid;
    }

    /** Deploys with this instance_info until the agent's first heartbeat has sent write_image. */
    private Node deployUntilWriting(String uuid, Map<String, Object> instanceInfo) throws InterruptedException {
        Node wanted = db.getNodeByUuid(uuid).orElseThrow();
        wanted.setInstanceInfo(new LinkedHashMap<>(instanceInfo));
        conductor.updateNode(wanted, false);
        conductor.doProvisioningAction(uuid, "active", Map.of());
        waitFor(uuid, settledIn("wait call-back"));
        heartbeat(uuid);
        return waitFor(uuid, n -> agent.names().contains("deploy.execute_deploy_step") && n.getReservation() == null);
    }

    /** Provides with automated cleaning until the node waits for its agent. */
    private Node provideUntilCleanWait(String uuid) throws InterruptedException {
        Node wanted = db.getNodeByUuid(uuid).orElseThrow();
        wanted.setAutomatedClean(true);
        conductor.updateNode(wanted, false);
        conductor.doProvisioningAction(uuid, "provide", Map.of());
        return waitFor(uuid, settledIn("clean wait"));
    }

    private void heartbeat(String uuid) {
        String token = (String) conductor.nodeWithAgentToken(uuid).getDriverInternalInfo().get(AgentCallbacks.TOKEN_KEY);
        if ("******".equals(token)) {
            token = (String) db.getNodeByUuid(uuid).orElseThrow().getDriverInternalInfo().get(AgentCallbacks.TOKEN_KEY);
        }
        conductor.heartbeat(uuid, agent.url(), "10.0.0", token, null, null, null);
    }

    private Node waitFor(String uuid, Predicate<Node> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Node n = db.getNodeByUuid(uuid).orElseThrow();
            if (condition.test(n)) {
                return n;
            }
            Thread.sleep(5);
        }
        Node n = db.getNodeByUuid(uuid).orElseThrow();
        throw new AssertionError("node never reached the condition: " + n.getProvisionState() + " / " + n.getLastError()
                + " / agent saw " + agent.names());
    }

    private static Predicate<Node> settledIn(String state) {
        return n -> state.equals(n.getProvisionState()) && n.getReservation() == null;
    }

    /** The test driver's power, boot and management with the conductor's agent interfaces. */
    private static final class AgentHardware implements HardwareType {
        private final Map<InterfaceType, List<DriverInterface>> ifaces = new EnumMap<>(InterfaceType.class);

        AgentHardware(TestDriver base, AgentDriverInterfaces agent) {
            for (InterfaceType t : List.of(InterfaceType.POWER, InterfaceType.MANAGEMENT, InterfaceType.BOOT, InterfaceType.NETWORK)) {
                ifaces.put(t, List.copyOf(base.interfaces(t)));
            }
            ifaces.put(InterfaceType.DEPLOY, List.of(agent.direct()));
            ifaces.put(InterfaceType.INSPECT, List.of(agent.inspect()));
            ifaces.put(InterfaceType.RESCUE, List.of(agent.rescue()));
        }

        @Override
        public String name() {
            return "agent-test";
        }

        @Override
        public List<? extends DriverInterface> interfaces(InterfaceType type) {
            return ifaces.getOrDefault(type, List.of());
        }
    }

    /** IPA's command API with scripted answers: async commands stay RUNNING until the test ends them. */
    private static final class ScriptedAgent {
        private final List<Map<String, Object>> commands = new CopyOnWriteArrayList<>();
        volatile List<Map<String, Object>> cleanSteps = List.of();
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/commands/", this::handle);
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> names() {
            return commands.stream().map(c -> (String) c.get("name")).toList();
        }

        long count(String name) {
            return names().stream().filter(name::equals).count();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> last(String name) {
            for (int i = commands.size() - 1; i >= 0; i--) {
                if (name.equals(commands.get(i).get("name"))) {
                    return (Map<String, Object>) commands.get(i).get("command_params");
                }
            }
            throw new AssertionError("no " + name);
        }

        void finishLast(String status, Map<String, Object> error) {
            Map<String, Object> c = commands.get(commands.size() - 1);
            c.put("command_status", status);
            c.put("command_error", error);
        }

        @SuppressWarnings("unchecked")
        private void handle(HttpExchange exchange) throws IOException {
            Object answer;
            if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
                String name = (String) body.get("name");
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", "cmd-" + commands.size());
                c.put("name", name);
                c.put("command_name", name.substring(name.indexOf('.') + 1));
                c.put("command_params", body.get("params"));
                c.put("command_status", name.contains("execute_") ? "RUNNING" : "SUCCEEDED");
                c.put("command_error", null);
                c.put("command_result", switch (name) {
                    case "clean.get_clean_steps" -> Map.of("clean_steps", Map.of("GenericHardwareManager", cleanSteps),
                            "hardware_manager_version", Map.of("GenericHardwareManager", "1.2"));
                    case "inventory.get_inventory" -> Map.of("inventory", Map.of("cpu", Map.of("count", 4, "architecture", "x86_64"),
                            "memory", Map.of("physical_mb", 2048), "disks", List.of(Map.of("name", "/dev/sda", "size", 64L << 30)),
                            "interfaces", List.of(Map.of("name", "eth0", "mac_address", "52:54:00:12:34:56"))));
                    default -> null;
                });
                commands.add(c);
                answer = c;
            } else {
                answer = Map.of("commands", commands);
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
