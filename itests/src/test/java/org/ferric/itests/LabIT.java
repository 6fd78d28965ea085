package org.ferric.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.ferric.db.api.DbApi;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real deploy without hardware: the virtual lab's servers (ipmi_sim BMCs and the Redfish emulator,
 * whose power-on starts the real deploy agent with a file as its disk) driven through Ferric's API,
 * three nodes per driver at once: enroll, manage, inspect (properties and ports from the agent's
 * inventory), provide (cleaning erases the disk), deploy a raw and a qcow2 image (the disk then holds
 * exactly the image's bytes), rescue, undeploy; a corrupt image fails the deploy; an agent that stops
 * heartbeating times the deploy out.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LabIT {
    private static final Duration STEP = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMAGE_BYTES = (6 << 20) + 12345; // not a whole number of the agent's buffers
    private static final String CONDUCTOR_CFG = "etc/org.ferric.conductor.cfg";
    /** Long enough for a booting agent on a busy 2-core machine; a heartbeat restarts the count. */
    private static final int CALLBACK_TIMEOUT = 40;

    @Inject
    @Filter(timeout = 120_000)
    private DbApi db;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = new ArrayList<>(List.of(FerricDistribution.options()));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "deploy.callback.timeout", String.valueOf(CALLBACK_TIMEOUT)));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "check.provision.state.interval", "2"));
        // ipmi_sim needs none of Ironic's 5 s pause between two commands to one BMC (real BMCs do).
        options.add(editConfigurationFilePut("etc/org.ferric.driver.ipmi.cfg", "min.command.interval", "0.2"));
        options.add(systemProperty(VirtualLabs.FILE_PROPERTY).value(VirtualLabs.start(3)));
        return options.toArray(new Option[0]);
    }

    /** One image on a lab's image server: its bytes as they must land on the disk, and how the API names it. */
    record Image(String url, String disk_format, String sha256, byte[] content) {
        Map<String, Object> instanceInfo() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("image_source", url);
            info.put("image_disk_format", disk_format);
            info.put("image_os_hash_algo", "sha256");
            info.put("image_os_hash_value", sha256);
            return info;
        }
    }

    @Test
    public void threeNodesPerDriverGoThroughTheWholeLifeAtOnce() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("\"redfish\"")
                && a.body().toString().contains("\"ipmi\""), Duration.ofSeconds(120));
        JsonNode labs = JSON.readTree(Path.of(System.getProperty(VirtualLabs.FILE_PROPERTY)).toFile()).get("labs");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (JsonNode lab : labs) {
                Image raw = rawImage(lab);
                Image qcow2 = qcow2Image(lab, raw);
                Image corrupt = new Image(raw.url(), "raw", sha256("not the image".getBytes()), raw.content());
                List<JsonNode> nodes = new ArrayList<>();
                lab.get("nodes").forEach(nodes::add);
                for (int i = 0; i < nodes.size(); i++) {
                    JsonNode node = nodes.get(i);
                    int index = i;
                    running.add(pool.submit(() -> {
                        lifecycle(node, raw, qcow2);
                        switch (index) {
                            case 0 -> corruptImageFailsTheDeploy(node, corrupt);
                            case 1 -> silentAgentTimesTheDeployOut(node, raw);
                            default -> rescueAndUnrescue(node, raw);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : running) {
                f.get(15, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void lifecycle(JsonNode labNode, Image raw, Image qcow2) throws Exception {
        String uuid = labNode.get("uuid").asText();
        Path disk = Path.of(labNode.get("disk").asText());
        Http.Answer created = http.post("/v1/nodes", JSON.convertValue(labNode.get("enrolment"), Map.class));
        assertEquals(created.raw().body(), 201, created.status());

        provision(uuid, "manage", "manageable");
        JsonNode inspected = provision(uuid, "inspect", "manageable");
        assertTrue(inspected.toString(), inspected.get("properties").get("cpus").asInt() > 0);
        assertTrue(inspected.toString(), inspected.get("properties").get("memory_mb").asInt() > 0);
        assertEquals(inspected.toString(), "x86_64", inspected.get("properties").get("cpu_arch").asText());
        assertEquals(inspected.toString(), "power off", inspected.get("power_state").asText());
        TreeSet<String> macs = new TreeSet<>();
        labNode.get("macs").forEach(m -> macs.add(m.asText()));
        TreeSet<String> ports = new TreeSet<>();
        http.get("/v1/ports?node=" + uuid).body().get("ports").forEach(p -> ports.add(p.get("address").asText()));
        assertEquals("ports come from the agent's inventory", macs, ports);

        scribble(disk);
        provision(uuid, "provide", "available");
        assertErased(disk);

        for (Image image : List.of(raw, qcow2)) {
            setInstanceInfo(uuid, image.instanceInfo());
            JsonNode active = provision(uuid, "active", "active");
            assertEquals("power on", active.get("power_state").asText());
            assertHolds(disk, image.content());
            assertTrue("the instance boots from disk, not the agent: " + uuid, !agentRunning(uuid));
            provision(uuid, "deleted", "available");
            assertErased(disk);
        }
    }

    private void corruptImageFailsTheDeploy(JsonNode labNode, Image corrupt) throws Exception {
        String uuid = labNode.get("uuid").asText();
        setInstanceInfo(uuid, corrupt.instanceInfo());
        JsonNode failed = provision(uuid, "active", "deploy failed");
        String error = failed.get("last_error").asText();
        assertTrue(error, error.startsWith("Deploy step deploy.write_image failed on node " + uuid + "."));
        assertTrue(error, error.contains("Image failed to verify against checksum") && error.contains("sha256:" + corrupt.sha256()));
        provision(uuid, "deleted", "available");
        assertErased(Path.of(labNode.get("disk").asText()));
    }

    private void silentAgentTimesTheDeployOut(JsonNode labNode, Image raw) throws Exception {
        String uuid = labNode.get("uuid").asText();
        setInstanceInfo(uuid, raw.instanceInfo());
        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "active")).status());
        // Stop the agent dead as soon as its process exists, before its JVM is up (as a ramdisk that hangs
        // while booting): the conductor never hears from it and must give up by itself.
        ProcessHandle agent = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (agent == null && System.nanoTime() < deadline) {
            agent = agentOf(uuid).orElse(null);
            if (agent == null) {
                Thread.sleep(5);
            }
        }
        assertTrue("no agent process for " + uuid, agent != null);
        new ProcessBuilder("kill", "-STOP", Long.toString(agent.pid())).start().waitFor();
        try {
            JsonNode failed = settles(uuid, "deploy failed", Duration.ofSeconds(CALLBACK_TIMEOUT + 60));
            assertEquals("Timeout reached while waiting for callback for node " + uuid, failed.get("last_error").asText());
            assertEquals("the silent node is powered off, its agent with it", "power off", failed.get("power_state").asText());
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(agent.pid())).start().waitFor();
        }
    }

    private void rescueAndUnrescue(JsonNode labNode, Image raw) throws Exception {
        String uuid = labNode.get("uuid").asText();
        setInstanceInfo(uuid, raw.instanceInfo());
        provision(uuid, "active", "active");
        Http.Answer a = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "rescue", "rescue_password", "s3cret-rescue"));
        assertEquals(a.raw().body(), 202, a.status());
        settles(uuid, "rescue", STEP);
        Path password = Path.of(labNode.get("dir").asText(), "ipa-rescue-config", "ipa-rescue-password");
        assertTrue("the agent set the rescue password: " + password, Files.isRegularFile(password));
        assertTrue(!Files.readString(password).contains("s3cret-rescue"));
        JsonNode back = provision(uuid, "unrescue", "active");
        assertEquals("power on", back.get("power_state").asText());
        assertHolds(Path.of(labNode.get("disk").asText()), raw.content());
        provision(uuid, "deleted", "available");
    }

    // ---- API helpers ----

    private JsonNode provision(String uuid, String target, String expected) throws Exception {
        Http.Answer a = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", target));
        assertEquals(a.raw().body(), 202, a.status());
        return settles(uuid, expected, STEP);
    }

    private JsonNode settles(String uuid, String state, Duration timeout) throws Exception {
        Http.Answer a = http.await("/v1/nodes/" + uuid, n -> n.status() == 200 && n.body().get("reservation").isNull()
                && (state.equals(n.body().get("provision_state").asText()) || n.body().get("provision_state").asText().endsWith("failed")
                        && !state.endsWith("failed")), timeout);
        assertEquals(uuid + ": " + a.body().get("last_error"), state, a.body().get("provision_state").asText());
        return a.body();
    }

    private void setInstanceInfo(String uuid, Map<String, Object> info) throws Exception {
        Http.Answer a = http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "add", "path", "/instance_info", "value", info)));
        assertEquals(a.raw().body(), 200, a.status());
    }

    // ---- the lab's disks and agents ----

    private static void scribble(Path disk) throws IOException {
        byte[] junk = new byte[1 << 20];
        new Random(7).nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.seek(0);
            f.write(junk);
            f.seek(f.length() - junk.length);
            f.write(junk);
        }
    }

    private static void assertErased(Path disk) throws IOException {
        assertHolds(disk, new byte[0]);
    }

    /** The disk starts with exactly these bytes and holds only zeros after them. */
    private static void assertHolds(Path disk, byte[] content) throws IOException {
        byte[] all = Files.readAllBytes(disk);
        assertTrue(disk + " is smaller than the image", all.length >= content.length);
        assertArrayEquals(disk + " does not start with the image", content, java.util.Arrays.copyOf(all, content.length));
        for (int i = content.length; i < all.length; i++) {
            if (all[i] != 0) {
                throw new AssertionError(disk + " has a non-zero byte at " + i + " after the image's " + content.length);
            }
        }
    }

    private static java.util.Optional<ProcessHandle> agentOf(String uuid) {
        // The JVM itself, not the shell the lab's power-on runs it from.
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)
                && p.info().commandLine().map(c -> c.contains("ferric-agent") && c.contains(uuid)).orElse(false)).findFirst();
    }

    private static boolean agentRunning(String uuid) {
        return agentOf(uuid).isPresent();
    }

    // ---- images ----

    private static Image rawImage(JsonNode lab) throws Exception {
        byte[] bytes = new byte[IMAGE_BYTES];
        new Random(lab.get("bmc").asText().hashCode()).nextBytes(bytes);
        Path file = Path.of(lab.get("image_dir").asText(), "disk.raw");
        Files.write(file, bytes);
        return new Image(lab.get("image_url").asText() + "/disk.raw", "raw", sha256(bytes), bytes);
    }

    private static Image qcow2Image(JsonNode lab, Image raw) throws Exception {
        Path dir = Path.of(lab.get("image_dir").asText());
        Process p = new ProcessBuilder("qemu-img", "convert", "-f", "raw", "-O", "qcow2", dir.resolve("disk.raw").toString(),
                dir.resolve("disk.qcow2").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals("qemu-img convert (apt-get install qemu-utils): " + out, 0, p.waitFor());
        byte[] qcow2 = Files.readAllBytes(dir.resolve("disk.qcow2"));
        return new Image(lab.get("image_url").asText() + "/disk.qcow2", "qcow2", sha256(qcow2), raw.content());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
