package org.ferric.lab;

import static org.ferric.lab.LabTests.assertAgentUp;
import static org.ferric.lab.LabTests.assertGone;
import static org.ferric.lab.LabTests.assertNoAgentFor;
import static org.ferric.lab.LabTests.await;
import static org.ferric.lab.LabTests.console;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A 2-node lab behind Debian's ipmi_sim, driven with the real {@code ipmitool -I lanplus -C 3}, as
 * Ferric's ipmi driver drives it. Fails when ipmi_sim or ipmitool is missing.
 */
class IpmiLabTest {
    @TempDir
    Path dir;
    VirtualLab lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    private static String ipmitool(LabNode n, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1",
                "-p", Integer.toString(n.bmcPort()), "-U", "admin", "-E", "-R", "3", "-N", "2"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("IPMI_PASSWORD", "password");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        assertFalse(out.contains("failed"), out); // ipmitool exits 0 on a refused bootdev (bmc.md, gotcha 2)
        return out;
    }

    @Test
    void powerOnBootsTheAgentFromTheNetworkOnlyAndPowerOffKillsIt() throws Exception {
        LabTests.requireTools("ipmi_sim", "ipmitool");
        lab = VirtualLab.start(LabTests.options("ipmi", dir));
        LabNode n = lab.nodes().get(0);
        LabNode other = lab.nodes().get(1);
        assertEquals("ipmi", n.driver());
        assertEquals("Chassis Power is off", ipmitool(n, "chassis", "power", "status"));
        assertEquals("none", n.bootDevice());
        assertFalse(n.agentRunning());

        // A fresh node boots the network: the ramdisk, the agent; it serves its API though no lookup succeeds.
        assertEquals("Chassis Power Control: Up/On", ipmitool(n, "chassis", "power", "on"));
        long pid = assertAgentUp(n);
        assertTrue(n.powerOn());
        assertTrue(console(n).contains("boot: network (none)"), console(n));
        assertFalse(other.agentRunning(), "only the node powered on runs an agent");

        // Frozen: no answer, though the BMC still says on. Thawed: answers again.
        n.freezeAgent();
        assertThrows(HttpTimeoutException.class, () -> LabTests.get(n.agentUrl() + "/v1/status", Duration.ofSeconds(1)));
        assertEquals("Chassis Power is on", ipmitool(n, "chassis", "power", "status"));
        n.thawAgent();
        assertEquals(200, LabTests.get(n.agentUrl() + "/v1/status", Duration.ofSeconds(10)).statusCode());

        ipmitool(n, "chassis", "power", "off");
        assertGone(pid);
        assertFalse(n.agentRunning());
        assertFalse(Files.exists(n.dir().resolve("agent.pid")));

        // Boot device disk: the instance boots, no agent.
        assertEquals("Set Boot Device to disk", ipmitool(n, "chassis", "bootdev", "disk"));
        assertEquals("disk", n.bootDevice());
        ipmitool(n, "chassis", "power", "on");
        assertTrue(n.powerOn());
        assertNoAgentFor(n, Duration.ofMillis(1500));
        assertTrue(console(n).contains("boot: disk, the instance on " + n.disk()), console(n));

        // PXE and a reset: the ramdisk again.
        ipmitool(n, "chassis", "bootdev", "pxe");
        assertEquals("pxe", n.bootDevice());
        assertEquals("Chassis Power Control: Reset", ipmitool(n, "chassis", "power", "reset"));
        long second = assertAgentUp(n);
        assertNotEquals(pid, second);

        // The agent powers the machine off by itself (standby.power_off): the BMC then says off.
        assertEquals("SUCCEEDED", LabTests.command(n, "standby.power_off").get("command_status"));
        await("the BMC to report the power off", Duration.ofSeconds(20), () -> !n.powerOn());
        assertEquals("Chassis Power is off", ipmitool(n, "chassis", "power", "status"));
        assertGone(second);
        assertTrue(console(n).contains("the agent exited with code 0: power off"), console(n));

        // A soft power-off (ACPI) ends the ramdisk too.
        ipmitool(other, "chassis", "power", "on");
        long otherPid = assertAgentUp(other);
        assertEquals("Chassis Power Control: Soft", ipmitool(other, "chassis", "power", "soft"));
        assertGone(otherPid);
        assertFalse(other.powerOn());

        // close() with an agent running (the other node) and a frozen one leaves nothing behind.
        ipmitool(other, "chassis", "power", "on");
        otherPid = assertAgentUp(other);
        ipmitool(n, "chassis", "power", "on");
        long third = assertAgentUp(n);
        n.freezeAgent();
        long t0 = System.nanoTime();
        lab.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertFalse(Processes.alive(otherPid));
        assertFalse(Processes.alive(third));
        assertEquals(List.of(), LabTests.processesOf(dir));
        assertTrue(closeMillis < 10_000, "close took " + closeMillis + " ms");
    }

    @Test
    void enrolmentHasEveryNodeWithItsIpmiAddressAndNoPorts() throws Exception {
        LabTests.requireTools("ipmi_sim", "ipmitool");
        lab = VirtualLab.start(LabTests.options("ipmi", dir).namePrefix("rack1-"));
        Map<String, Object> doc = VirtualLab.JSON.readValue(Files.readString(dir.resolve("enrolment.json")),
                new TypeReference<Map<String, Object>>() {
                });
        assertEquals(Set.of("nodes"), doc.keySet(), "nodes only: no ports, no chassis");
        assertEquals(doc, VirtualLab.JSON.readValue(lab.enrolmentJson(), new TypeReference<Map<String, Object>>() {
        }));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) doc.get("nodes");
        assertEquals(2, nodes.size());
        for (int i = 0; i < 2; i++) {
            Map<String, Object> node = nodes.get(i);
            LabNode n = lab.nodes().get(i);
            LabTests.assertEnrolmentShape(node, "ipmi", "pxe",
                    Set.of("ipmi_address", "ipmi_port", "ipmi_username", "ipmi_password", "ipmi_cipher_suite"));
            assertEquals("rack1-" + i, node.get("name"));
            assertEquals(n.uuid(), node.get("uuid"));
            assertEquals(n.enrolment(), node);
            Map<?, ?> info = (Map<?, ?>) node.get("driver_info");
            assertEquals("127.0.0.1", info.get("ipmi_address"));
            assertEquals(n.bmcPort(), info.get("ipmi_port"));
            // the credentials in the enrolment are the BMC's
            assertEquals("Chassis Power is off", ipmitool(n, "chassis", "power", "status"));
            assertEquals(8L << 20, Files.size(n.disk()));
        }
        assertNotEquals(lab.nodes().get(0).bmcPort(), lab.nodes().get(1).bmcPort());
        assertNotEquals(lab.nodes().get(0).agentPort(), lab.nodes().get(1).agentPort());
        List<String> macs = lab.nodes().stream().flatMap(n -> n.macs().stream()).toList();
        assertEquals(4, Set.copyOf(macs).size());

        // The same names give the same UUIDs and MACs: the lab's choice is fixed, not random.
        List<String> uuids = lab.nodes().stream().map(LabNode::uuid).toList();
        lab.close();
        lab = VirtualLab.start(LabTests.options("ipmi", dir).namePrefix("rack1-"));
        assertEquals(uuids, lab.nodes().stream().map(LabNode::uuid).toList());
        assertEquals(macs, lab.nodes().stream().flatMap(n -> n.macs().stream()).toList());
    }

    @Test
    void aLabKilledWithoutClosingIsCleanedUpByTheNextInTheSameDirectory() throws Exception {
        LabTests.requireTools("ipmi_sim", "ipmitool");
        lab = VirtualLab.start(LabTests.options("ipmi", dir).nodes(1));
        LabNode n = lab.nodes().get(0);
        long sim = ((IpmiNode) n).simPid();
        ipmitool(n, "chassis", "power", "on");
        long agent = assertAgentUp(n);
        // As if the lab's JVM died with SIGKILL and someone then wiped its directory: its processes live on.
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        VirtualLab next = VirtualLab.start(LabTests.options("ipmi", dir).nodes(1));
        assertFalse(Processes.alive(sim), "the ipmi_sim left behind was killed");
        assertFalse(Processes.alive(agent), "the agent left behind was killed");
        next.close();
        assertEquals(List.of(), LabTests.processesOf(dir));
    }
}
