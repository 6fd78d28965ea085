package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * A vendor's driver, as a vendor makes it: {@code examples/acme-driver}, generated from the archetype
 * and built outside this reactor against the published {@code ferric-driver-api} (this module's pom
 * builds and installs it before the tests). An operator adds its features repository and installs it
 * from the Karaf console of a running Ferric, drives a node on it, and removes it again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VendorDriverIT {
    /** What the example's README tells the operator to type. */
    private static final String REPOSITORY = "mvn:com.acme/acme-driver/1.0.0-SNAPSHOT/xml/features";
    private static final String FEATURE = "acme-driver";
    private static final String DRIVER = "acme";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);
    private final List<String> created = new ArrayList<>();

    @Configuration
    public Option[] config() {
        String localRepository = System.getProperty("ferric.localRepository");
        if (localRepository == null || localRepository.isBlank()) {
            throw new IllegalStateException("ferric.localRepository must name the local repository the example was installed into");
        }
        List<Option> options = new ArrayList<>(Arrays.asList(FerricDistribution.options()));
        // Karaf resolves mvn: URLs in the local repository the build installed the vendor driver into,
        // and nowhere else: nothing is fetched from the network.
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""));
        return options.toArray(new Option[0]);
    }

    @After
    public void deleteNodes() throws Exception {
        for (String uuid : created) {
            http.delete("/v1/nodes/" + uuid);
        }
    }

    @Test
    public void anOperatorInstallsTheVendorDriverFromTheConsoleDrivesANodeAndRemovesIt() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && listsDriver(a, "fake-hardware"), Duration.ofSeconds(120));
        assertFalse("acme is not part of the distribution", listsDriver(http.get("/v1/drivers"), DRIVER));
        String fake = create("fake-hardware", Map.of());

        // Install, as the operator types it.
        console("feature:repo-add " + REPOSITORY);
        console("feature:install " + FEATURE);
        assertTrue(console("feature:list -i").contains(FEATURE));
        http.await("/v1/drivers", a -> a.status() == 200 && listsDriver(a, DRIVER), SETTLE);
        Http.Answer driver = http.get("/v1/drivers/" + DRIVER);
        assertEquals(driver.raw().body(), 200, driver.status());
        assertEquals("dynamic", driver.body().get("type").asText());

        // A node on it: enroll, manage (validates driver_info), power on, read the power state.
        String node = create(DRIVER, Map.of("acme_address", "192.0.2.10", "acme_username", "admin", "acme_password", "s3cret"));
        assertEquals("******", http.get("/v1/nodes/" + node).body().get("driver_info").get("acme_password").asText());
        Http.Answer validate = http.get("/v1/nodes/" + node + "/validate");
        assertEquals(validate.raw().body(), 200, validate.status());
        assertTrue(validate.raw().body(), validate.body().get("power").get("result").asBoolean());
        assertEquals(202, http.put("/v1/nodes/" + node + "/states/provision", Map.of("target", "manage")).status());
        awaitIdle(node, "provision_state", "manageable");
        assertEquals(202, http.put("/v1/nodes/" + node + "/states/power", Map.of("target", "power on")).status());
        awaitIdle(node, "power_state", "power on");
        Http.Answer states = http.get("/v1/nodes/" + node + "/states");
        assertEquals(states.raw().body(), 200, states.status());
        assertEquals("power on", states.body().get("power_state").asText());

        // Remove it: its node answers a clear 400, Ferric keeps serving everything else.
        console("feature:uninstall " + FEATURE);
        assertFalse(console("feature:list -i").contains(FEATURE));
        http.await("/v1/drivers", a -> a.status() == 200 && !listsDriver(a, DRIVER), SETTLE);
        assertEquals(404, http.get("/v1/drivers/" + DRIVER).status());
        Http.Answer refused = http.put("/v1/nodes/" + node + "/states/power", Map.of("target", "power off"));
        String body = refused.raw().body();
        assertEquals(body, 400, refused.status());
        assertTrue(body, refused.error().get("faultstring").asText()
                .startsWith("No valid host was found. Reason: No conductor service registered which supports driver acme "));
        assertFalse(body, body.contains("Exception"));
        Http.Answer read = http.get("/v1/nodes/" + node);
        assertEquals("the acme node is still readable", 200, read.status());
        assertEquals("power on", read.body().get("power_state").asText());

        assertEquals(200, http.get("/v1/nodes").status());
        assertEquals(202, http.put("/v1/nodes/" + fake + "/states/power", Map.of("target", "power on")).status());
        awaitIdle(fake, "power_state", "power on");
    }

    private void awaitIdle(String node, String field, String value) throws Exception {
        http.await("/v1/nodes/" + node, a -> a.status() == 200 && value.equals(a.body().get(field).asText())
                && a.body().get("reservation").isNull(), SETTLE);
    }

    private String create(String driver, Map<String, Object> driverInfo) throws Exception {
        Http.Answer answer = http.post("/v1/nodes", Map.of("driver", driver, "driver_info", driverInfo));
        assertEquals(answer.raw().body(), 201, answer.status());
        String uuid = answer.body().get("uuid").asText();
        created.add(uuid);
        return uuid;
    }

    private String console(String command) throws Exception {
        return KarafConsole.run(sessionFactory, command);
    }

    private static boolean listsDriver(Http.Answer drivers, String name) {
        for (var d : drivers.body().get("drivers")) {
            if (name.equals(d.get("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
