package org.ferric.lab.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What real BMCs do and the clients above do not exercise: ETags, tasks, fault hooks, delays. */
class EmulatorBehaviourTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private RedfishEmulator bmc;

    @BeforeEach
    void start() throws Exception {
        bmc = RedfishEmulator.start(1, "admin", "password");
    }

    @AfterEach
    void stop() {
        bmc.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bmc.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:password".getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void rootIsPublicAndTheRestNeedsCredentials() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(bmc.url() + "/redfish/v1/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode());
        assertEquals("/redfish/v1/SessionService/Sessions", json(root).at("/Links/Sessions/@odata.id").asText());
        HttpResponse<String> systems = http.send(HttpRequest.newBuilder(URI.create(bmc.url() + "/redfish/v1/Systems")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, systems.statusCode());
        assertEquals("Base.1.8.NoValidSession", json(systems).at("/error/@Message.ExtendedInfo/0/MessageId").asText());
    }

    @Test
    void staleEtagIsRefusedWith412() throws Exception {
        HttpResponse<String> got = send("GET", "/redfish/v1/Systems/1", null);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        String patch = "{\"Boot\": {\"BootSourceOverrideTarget\": \"Hdd\", \"BootSourceOverrideEnabled\": \"Continuous\"}}";
        assertEquals(204, send("PATCH", "/redfish/v1/Systems/1", patch, "If-Match", etag).statusCode());
        HttpResponse<String> stale = send("PATCH", "/redfish/v1/Systems/1", patch, "If-Match", etag);
        assertEquals(412, stale.statusCode());
        assertEquals("Base.1.8.PreconditionFailed", json(stale).at("/error/@Message.ExtendedInfo/0/MessageId").asText());
        // the strong form of the current tag matches too
        String current = send("GET", "/redfish/v1/Systems/1", null).headers().firstValue("ETag").orElseThrow().substring(2);
        assertEquals(204, send("PATCH", "/redfish/v1/Systems/1", patch, "If-Match", current).statusCode());
    }

    @Test
    void onceOverrideIsConsumedByTheNextBoot() throws Exception {
        send("PATCH", "/redfish/v1/Systems/1", "{\"Boot\": {\"BootSourceOverrideTarget\": \"Pxe\", \"BootSourceOverrideEnabled\": \"Once\"}}");
        assertEquals(204, send("POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", "{\"ResetType\": \"On\"}").statusCode());
        EmulatedSystem s = bmc.system("1");
        assertEquals("On", s.powerState());
        assertEquals("Disabled", s.bootEnabled());
        assertEquals("None", s.bootTarget());
        assertTrue(s.events().contains("boot Pxe"), s.events().toString());
        HttpResponse<String> bad = send("PATCH", "/redfish/v1/Systems/1", "{\"Boot\": {\"BootSourceOverrideTarget\": \"Tape\"}}");
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).at("/error/@Message.ExtendedInfo/0/Message").asText().contains("Tape"));
    }

    @Test
    void biosChangesRunAsTasksAndApplyAtTheNextBoot() throws Exception {
        bmc.faults().asyncTasks(Duration.ofMillis(300));
        HttpResponse<String> patched = send("PATCH", "/redfish/v1/Systems/1/Bios/Settings", "{\"Attributes\": {\"NumCores\": 4}}");
        assertEquals(202, patched.statusCode());
        String monitor = patched.headers().firstValue("Location").orElseThrow();
        assertEquals(202, send("GET", monitor, null).statusCode());
        assertTrue(bmc.system("1").pendingBios().isEmpty(), "not staged before the task completes");
        Thread.sleep(400);
        HttpResponse<String> done = send("GET", monitor, null);
        assertEquals(200, done.statusCode());
        assertEquals("Completed", json(done).get("TaskState").asText());
        assertEquals(4, bmc.system("1").pendingBios().get("NumCores"));
        send("POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", "{\"ResetType\": \"ForceRestart\"}");
        assertEquals(4, bmc.system("1").bios().get("NumCores"));
        bmc.faults().failTasks("Job failed: flash write error");
        monitor = send("POST", "/redfish/v1/Systems/1/Bios/Actions/Bios.ResetBios", "{}").headers().firstValue("Location").orElseThrow();
        Thread.sleep(400);
        JsonNode failed = json(send("GET", monitor, null));
        assertEquals("Exception", failed.get("TaskState").asText());
        assertEquals("Job failed: flash write error", failed.at("/Messages/0/Message").asText());
    }

    @Test
    void faultHooks() throws Exception {
        bmc.faults().failNext(2, 503);
        assertEquals(503, send("GET", "/redfish/v1/Systems/1", null).statusCode());
        assertEquals(503, send("GET", "/redfish/v1/Systems/1", null).statusCode());
        assertEquals(200, send("GET", "/redfish/v1/Systems/1", null).statusCode());
        bmc.faults().dropNext(1);
        // POST, because the JDK client silently retries a GET once on a closed connection
        assertThrows(IOException.class, () -> send("POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", "{\"ResetType\": \"On\"}"));
        assertEquals("Off", bmc.system("1").powerState());
        assertEquals(200, send("GET", "/redfish/v1/Systems/1", null).statusCode());
        bmc.faults().requireSession(true);
        assertEquals(401, send("GET", "/redfish/v1/Systems/1", null).statusCode());
        HttpResponse<String> login = send("POST", "/redfish/v1/SessionService/Sessions", "{\"UserName\": \"admin\", \"Password\": \"password\"}");
        assertEquals(201, login.statusCode());
        String token = login.headers().firstValue("X-Auth-Token").orElseThrow();
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(bmc.url() + "/redfish/v1/Systems/1"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withToken.statusCode());
        bmc.expireSessions();
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(bmc.url() + "/redfish/v1/Systems/1"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void powerListenersHearEveryStartAndStopWithWhatItBootsFrom() throws Exception {
        List<PowerTransition> heard = new CopyOnWriteArrayList<>();
        bmc.addPowerListener(heard::add);
        bmc.addPowerListener(t -> {
            throw new IllegalStateException("a broken listener");
        });
        String reset = "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset";
        assertEquals(204, send("POST", "/redfish/v1/Managers/1/VirtualMedia/Cd/Actions/VirtualMedia.InsertMedia",
                "{\"Image\": \"http://127.0.0.1:1/deploy.iso\"}").statusCode());
        send("PATCH", "/redfish/v1/Systems/1", "{\"Boot\": {\"BootSourceOverrideTarget\": \"Cd\", \"BootSourceOverrideEnabled\": \"Once\"}}");
        assertEquals(204, send("POST", reset, "{\"ResetType\": \"On\"}").statusCode(), "a failing listener does not fail the request");
        assertEquals(List.of(new PowerTransition("1", true, "Cd", "http://127.0.0.1:1/deploy.iso")), heard);
        assertEquals("None", bmc.system("1").bootTarget(), "the Once override was consumed by that start");

        send("POST", reset, "{\"ResetType\": \"On\"}"); // already on: no transition
        send("POST", reset, "{\"ResetType\": \"ForceRestart\"}");
        assertEquals(List.of(new PowerTransition("1", false, "None", null), new PowerTransition("1", true, "None", null)),
                heard.subList(1, heard.size()));

        send("PATCH", "/redfish/v1/Systems/1", "{\"Boot\": {\"BootSourceOverrideTarget\": \"Hdd\", \"BootSourceOverrideEnabled\": \"Continuous\"}}");
        send("POST", reset, "{\"ResetType\": \"GracefulShutdown\"}");
        send("POST", reset, "{\"ResetType\": \"PowerCycle\"}");
        assertEquals(List.of(new PowerTransition("1", false, "Hdd", null), new PowerTransition("1", true, "Hdd", null)),
                heard.subList(3, heard.size()));
        assertFalse(heard.get(4).virtualMediaInserted(), "the CD is not what Hdd boots from");
        assertTrue(bmc.system("1").events().stream().anyMatch(e -> e.startsWith("power listener failed: ")), bmc.system("1").events().toString());
    }

    @Test
    void slowPowerChangesReportTheTransition() throws Exception {
        bmc.faults().powerDelay(Duration.ofMillis(300));
        send("POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", "{\"ResetType\": \"On\"}");
        assertEquals("PoweringOn", bmc.system("1").powerState());
        Thread.sleep(350);
        assertEquals("On", bmc.system("1").powerState());
    }
}
