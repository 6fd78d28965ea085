package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * The booted redfish driver against the lab's Redfish BMC, over Ferric's REST API: enroll,
 * manage, power on and off, inspect (properties and two ports from the BMC's enabled NICs).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RedfishIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Filter(timeout = 120_000)
    private DbApi db;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = new ArrayList<>(List.of(FerricDistribution.options()));
        options.add(systemProperty(RedfishLab.URL_PROPERTY).value(RedfishLab.start()));
        return options.toArray(new Option[0]);
    }

    private static String bmcUrl() {
        return System.getProperty(RedfishLab.URL_PROPERTY);
    }

    /** What the BMC itself says, read past Ferric. */
    private static JsonNode bmc(String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString((RedfishLab.USER + ":" + RedfishLab.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bmcUrl() + path))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    private JsonNode settles(String uuid, String state) throws Exception {
        return http.await("/v1/nodes/" + uuid, a -> a.status() == 200 && state.equals(a.body().get("provision_state").asText())
                && a.body().get("reservation").isNull(), SETTLE).body();
    }

    private void power(String uuid, String target) throws Exception {
        Http.Answer a = http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", target));
        assertEquals(a.raw().body(), 202, a.status());
        http.await("/v1/nodes/" + uuid, n -> target.equals(n.body().get("power_state").asText())
                && n.body().get("target_power_state").isNull(), SETTLE);
    }

    @Test
    public void manageThenPowerAndInspectARedfishNode() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("\"redfish\""), Duration.ofSeconds(120));
        Http.Answer created = http.post("/v1/nodes", Map.of("driver", "redfish", "name", "redfish-0", "driver_info",
                Map.of("redfish_address", bmcUrl(), "redfish_system_id", "/redfish/v1/Systems/1",
                        "redfish_username", RedfishLab.USER, "redfish_password", RedfishLab.PASSWORD,
                        "redfish_auth_type", "session")));
        assertEquals(created.raw().body(), 201, created.status());
        String uuid = created.body().get("uuid").asText();
        assertEquals("******", created.body().get("driver_info").get("redfish_password").asText());

        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "manage")).status());
        settles(uuid, "manageable");

        power(uuid, "power on");
        assertEquals("On", bmc("/redfish/v1/Systems/1").get("PowerState").asText());
        power(uuid, "power off");
        assertEquals("Off", bmc("/redfish/v1/Systems/1").get("PowerState").asText());
        assertEquals("Off", bmc("/redfish/v1/Systems/2").get("PowerState").asText());

        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "inspect")).status());
        JsonNode node = settles(uuid, "manageable");
        assertTrue(node.toString(), node.get("last_error").isNull());
        JsonNode props = node.get("properties");
        assertEquals(props.toString(), 16, props.get("cpus").asInt());
        assertEquals(props.toString(), "x86_64", props.get("cpu_arch").asText());
        assertEquals(props.toString(), 32768, props.get("memory_mb").asInt());
        assertEquals(props.toString(), 99, props.get("local_gb").asInt());
        JsonNode ports = http.get("/v1/ports?node=" + uuid).body().get("ports");
        Set<String> macs = new TreeSet<>();
        ports.forEach(p -> macs.add(p.get("address").asText()));
        assertEquals(ports.toString(), Set.of("52:54:00:00:01:01", "52:54:00:00:01:02"), macs);
    }
}
