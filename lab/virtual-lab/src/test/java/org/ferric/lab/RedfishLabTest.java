package org.ferric.lab;

import static org.ferric.lab.LabTests.assertAgentUp;
import static org.ferric.lab.LabTests.assertGone;
import static org.ferric.lab.LabTests.assertNoAgentFor;
import static org.ferric.lab.LabTests.await;
import static org.ferric.lab.LabTests.console;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;

/** A 2-node lab behind the Redfish emulator, driven over HTTP as a Redfish client does. */
class RedfishLabTest {
    @TempDir
    Path dir;
    VirtualLab lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    /** A request with the enrolment's credentials to the node's BMC; path relative to its System. */
    private static int redfish(LabNode n, String method, String path, String body) throws Exception {
        Map<?, ?> info = (Map<?, ?>) n.enrolment().get("driver_info");
        String auth = info.get("redfish_username") + ":" + info.get("redfish_password");
        HttpResponse<String> r = LabTests.HTTP.send(HttpRequest.newBuilder(URI.create(info.get("redfish_address") + path.replace("{system}",
                info.get("redfish_system_id").toString())))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + ": " + r.statusCode() + " " + r.body());
        return r.statusCode();
    }

    private static void reset(LabNode n, String type) throws Exception {
        assertEquals(204, redfish(n, "POST", "{system}/Actions/ComputerSystem.Reset", "{\"ResetType\": \"" + type + "\"}"));
    }

    private static void bootOverride(LabNode n, String target, String enabled) throws Exception {
        redfish(n, "PATCH", "{system}", "{\"Boot\": {\"BootSourceOverrideTarget\": \"" + target + "\", \"BootSourceOverrideEnabled\": \"" + enabled + "\"}}");
    }

    private static void cd(LabNode n, String image) throws Exception {
        String manager = "/redfish/v1/Managers/" + ((Map<?, ?>) n.enrolment().get("driver_info")).get("redfish_system_id").toString().replaceAll(".*/", "");
        if (image == null) {
            redfish(n, "POST", manager + "/VirtualMedia/Cd/Actions/VirtualMedia.EjectMedia", "{}");
        } else {
            redfish(n, "POST", manager + "/VirtualMedia/Cd/Actions/VirtualMedia.InsertMedia", "{\"Image\": \"" + image + "\"}");
        }
    }

    @Test
    void theRamdiskBootsFromNetworkOrVirtualCdAndPowerOffKillsIt() throws Exception {
        lab = VirtualLab.start(LabTests.options("redfish", dir));
        LabNode n = lab.nodes().get(0);
        LabNode other = lab.nodes().get(1);
        assertEquals("redfish", n.driver());
        assertFalse(n.powerOn());
        assertEquals("none", n.bootDevice());

        // No override: the server's own order, the network first.
        reset(n, "On");
        long pid = assertAgentUp(n);
        assertFalse(other.agentRunning());
        reset(n, "ForceOff");
        assertGone(pid);
        assertFalse(n.agentRunning());

        // Hdd: the instance boots, no agent.
        bootOverride(n, "Hdd", "Continuous");
        assertEquals("disk", n.bootDevice());
        reset(n, "On");
        assertTrue(n.powerOn());
        assertNoAgentFor(n, Duration.ofMillis(1500));
        assertTrue(console(n).contains("boot: disk"), console(n));
        reset(n, "ForceOff");

        // The deploy ISO as a virtual CD, once: the ramdisk; the override is consumed by that boot.
        String iso = ((Map<?, ?>) n.enrolment().get("driver_info")).get("redfish_deploy_iso").toString();
        cd(n, iso);
        bootOverride(n, "Cd", "Once");
        assertEquals("cdrom", n.bootDevice());
        reset(n, "On");
        pid = assertAgentUp(n);
        assertEquals("none", n.bootDevice());
        assertTrue(console(n).contains("boot: virtual CD " + iso), console(n));

        // A restart to a CD without media: the running agent dies, nothing boots.
        cd(n, null);
        bootOverride(n, "Cd", "Once");
        reset(n, "ForceRestart");
        assertGone(pid);
        assertTrue(n.powerOn());
        assertNoAgentFor(n, Duration.ofMillis(1000));

        // Pxe, then the agent powers the machine off by itself: the BMC reports Off.
        bootOverride(n, "Pxe", "Once");
        reset(n, "ForceRestart");
        pid = assertAgentUp(n);
        assertEquals("SUCCEEDED", LabTests.command(n, "standby.power_off").get("command_status"));
        await("the BMC to report the power off", Duration.ofSeconds(20), () -> !n.powerOn());
        assertGone(pid);
        assertTrue(console(n).contains("the agent exited with code 0: power off"), console(n));

        // close() with one agent running and one frozen leaves nothing behind.
        reset(other, "On");
        long otherPid = assertAgentUp(other);
        bootOverride(n, "Pxe", "Continuous");
        reset(n, "On");
        pid = assertAgentUp(n);
        n.freezeAgent();
        lab.close();
        assertFalse(Processes.alive(otherPid));
        assertFalse(Processes.alive(pid));
        assertEquals(List.of(), LabTests.processesOf(dir));
    }

    @Test
    void enrolmentNamesTheSystemAndTheDeployIsoOnTheImageServer() throws Exception {
        lab = VirtualLab.start(LabTests.options("redfish", dir));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) VirtualLab.JSON.readValue(lab.enrolmentJson(),
                new TypeReference<Map<String, Object>>() {
                }).get("nodes");
        assertEquals(2, nodes.size());
        assertEquals(lab.imageServer().url() + "\n", Files.readString(dir.resolve("images.url")));
        for (int i = 0; i < 2; i++) {
            Map<String, Object> node = nodes.get(i);
            LabTests.assertEnrolmentShape(node, "redfish", "redfish-virtual-media",
                    Set.of("redfish_address", "redfish_system_id", "redfish_username", "redfish_password", "redfish_deploy_iso"));
            assertEquals("lab-redfish-" + i, node.get("name"));
            Map<?, ?> info = (Map<?, ?>) node.get("driver_info");
            assertEquals(lab.redfish().orElseThrow().url(), info.get("redfish_address"));
            assertEquals("/redfish/v1/Systems/" + (i + 1), info.get("redfish_system_id"));
            assertEquals(lab.imageUrl(VirtualLab.DEPLOY_ISO), info.get("redfish_deploy_iso"));
            HttpResponse<byte[]> iso = LabTests.HTTP.send(HttpRequest.newBuilder(URI.create(info.get("redfish_deploy_iso").toString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, iso.statusCode());
            assertEquals("CD001", new String(iso.body(), 16 * 2048 + 1, 5, StandardCharsets.US_ASCII));
            // the emulator's system shows the node's NICs and disk
            var system = lab.redfish().orElseThrow().system(Integer.toString(i + 1));
            assertEquals(lab.nodes().get(i).macs(), system.hardware().nics().stream().map(nic -> nic.mac()).toList());
            assertEquals(Files.size(lab.nodes().get(i).disk()), system.hardware().disks().get(0).capacityBytes());
        }
    }
}
