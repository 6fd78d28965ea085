package org.ferric.agent.internal;

import static org.ferric.agent.internal.TestServers.await;
import static org.ferric.agent.internal.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.ferric.agent.it.vendor.AcmeHardwareManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as the lab will run it: {@code java -jar ferric-agent.jar} with a vendor's
 * extension bundle, against the fake API; it looks up, heartbeats, offers the vendor's step and
 * exits on {@code standby.power_off}.
 */
class AgentJarIT {
    @TempDir
    Path dir;

    /** A vendor bundle: the manager class, a DS descriptor, and a manifest importing only the SPI. */
    private Path vendorBundle() throws Exception {
        Path jar = dir.resolve("extensions").resolve("acme.jar");
        Files.createDirectories(jar.getParent());
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "com.acme.ferric.agent");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.ferric.agent.spi;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/acme.xml");
        String cls = AcmeHardwareManager.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.putNextEntry(new JarEntry("OSGI-INF/acme.xml"));
            out.write(("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"acme\">"
                    + "<implementation class=\"" + AcmeHardwareManager.class.getName() + "\"/>"
                    + "<service><provide interface=\"org.ferric.agent.spi.HardwareManager\"/></service></scr:component>")
                    .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(cls));
            out.write(AcmeHardwareManager.class.getClassLoader().getResourceAsStream(cls).readAllBytes());
        }
        return jar;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJarRunsTheAgentWithAVendorsHardwareManager() throws Exception {
        Path agentJar = Path.of(System.getProperty("ferric.agent.jar"));
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[4 << 20]);
        Path extensions = vendorBundle().getParent();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (var ironic = new TestServers.FakeIronic()) {
            Process agent = new ProcessBuilder("java", "-jar", agentJar.toString(), "--api-url", ironic.url().toString(),
                    "--listen", "127.0.0.1:" + port, "--mac", "52:54:00:aa:bb:01", "--disk", disk.toString(),
                    "--extensions", extensions.toString(), "--heartbeat-interval", "0.2",
                    "--framework-storage", dir.resolve("felix").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
            try {
                await("heartbeats from the jar", () -> ironic.requests("/v1/heartbeat/").size() >= 2);
                assertEquals("http://127.0.0.1:" + port, ironic.requests("/v1/heartbeat/").get(0).json().get("callback_url"));
                String commands = "http://127.0.0.1:" + port + "/v1/commands/?wait=true&agent_token=" + ironic.token;

                var steps = post(commands, Map.of("name", "clean.get_clean_steps", "params", Map.of("node", Map.of(), "ports", List.of())));
                var byManager = (Map<String, Object>) steps.map("command_result").get("clean_steps");
                assertEquals(List.of("AcmeHardwareManager", "GenericHardwareManager"), List.copyOf(byManager.keySet()));
                assertEquals(Map.of("AcmeHardwareManager", "1.0", "GenericHardwareManager", "1.2"),
                        steps.map("command_result").get("hardware_manager_version"));

                var run = post(commands, Map.of("name", "clean.execute_clean_step", "params", Map.of("node", Map.of(), "ports", List.of(),
                        "step", Map.of("step", "acme_update_firmware", "interface", "management", "priority", 0, "args", Map.of("version", "2.7")))));
                assertEquals("SUCCEEDED", run.body().get("command_status"), String.valueOf(run.body()));
                assertEquals(Map.of("firmware", "2.7"), run.map("command_result").get("clean_result"));

                var off = post(commands, Map.of("name", "standby.power_off", "params", Map.of()));
                assertEquals("SUCCEEDED", off.body().get("command_status"));
                assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "the agent exits after power_off");
                assertEquals(0, agent.exitValue());
            } finally {
                agent.destroyForcibly();
                System.out.println(Files.readString(dir.resolve("agent.log")));
            }
        }
    }
}
