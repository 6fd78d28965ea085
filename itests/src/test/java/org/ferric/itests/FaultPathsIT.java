package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.NodeHistory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every provision path on the fault-injection driver, in the real distribution: each ends in the
 * right state with the reason in last_error and a history event, and no lock is left behind.
 * Timeouts and periodic checks are shortened to seconds so that waits time out during the test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultPathsIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String CONDUCTOR_CFG = "etc/org.ferric.conductor.cfg";

    @Inject
    @Filter(timeout = 120_000)
    private DbApi db;

    @Inject
    private FeaturesService features;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(FerricDistribution.options()));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "deploy.callback.timeout", "3"));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "clean.callback.timeout", "3"));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "check.provision.state.interval", "1"));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "sync.power.state.interval", "1"));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "power.state.sync.max.retries", "2"));
        options.add(editConfigurationFilePut(CONDUCTOR_CFG, "power.failure.recovery.interval", "1"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void faultDriverIsInstalled() throws Exception {
        if (!features.isInstalled(features.getFeature("ferric-driver-fault"))) {
            features.installFeature("ferric-driver-fault");
        }
        http.await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fault-injection"), Duration.ofSeconds(120));
    }

    private String node(Map<String, Object> driverInfo) throws Exception {
        Http.Answer created = http.post("/v1/nodes", Map.of("driver", "fault-injection", "driver_info", driverInfo));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("uuid").asText();
    }

    private void provision(String uuid, String target) throws Exception {
        Http.Answer a = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", target));
        assertEquals(a.raw().body(), 202, a.status());
    }

    /** Waits until the node rests in {@code state} without a lock; returns it. */
    private JsonNode settles(String uuid, String state) throws Exception {
        return http.await("/v1/nodes/" + uuid, a -> a.status() == 200 && state.equals(a.body().get("provision_state").asText())
                && a.body().get("reservation").isNull(), SETTLE).body();
    }

    private String available(Map<String, Object> driverInfo) throws Exception {
        String uuid = node(driverInfo);
        provision(uuid, "manage");
        settles(uuid, "manageable");
        provision(uuid, "provide");
        settles(uuid, "available");
        return uuid;
    }

    private void assertErrorInHistory(String uuid, String text) {
        List<NodeHistory> events = db.listNodeHistory(uuid);
        assertTrue(events.toString(), events.stream().anyMatch(e -> "ERROR".equals(e.severity()) && e.event().contains(text)));
    }

    @Test
    public void failedDeployEndsInDeployFailed() throws Exception {
        String uuid = available(Map.of("fault_deploy", "fail"));
        provision(uuid, "active");
        JsonNode n = settles(uuid, "deploy failed");
        assertEquals("active", n.get("target_provision_state").asText());
        assertTrue(n.get("last_error").asText(), n.get("last_error").asText().contains("Injected failure in deploy"));
        assertErrorInHistory(uuid, "Injected failure in deploy");
        // deploy failed can be undeployed back to available
        provision(uuid, "deleted");
        settles(uuid, "available");
    }

    @Test
    public void failedCleaningEndsInCleanFailedAndCanBeManaged() throws Exception {
        String uuid = node(Map.of("fault_clean", "fail"));
        provision(uuid, "manage");
        settles(uuid, "manageable");
        provision(uuid, "provide");
        JsonNode n = settles(uuid, "clean failed");
        assertTrue(n.get("last_error").asText().contains("Injected failure in clean"));
        provision(uuid, "manage");
        settles(uuid, "manageable");
    }

    @Test
    public void failedVerificationFallsBackToEnroll() throws Exception {
        String uuid = node(Map.of("fault_verify", "fail"));
        provision(uuid, "manage");
        JsonNode n = settles(uuid, "enroll");
        assertTrue(n.get("last_error").asText().contains("Injected failure in verify"));
    }

    @Test
    public void deployWaitingForACallbackTimesOut() throws Exception {
        String uuid = available(Map.of("fault_deploy", "wait"));
        provision(uuid, "active");
        http.await("/v1/nodes/" + uuid, a -> "wait call-back".equals(a.body().get("provision_state").asText()), SETTLE);
        JsonNode n = settles(uuid, "deploy failed");
        assertEquals("Timeout reached while waiting for callback for node " + uuid, n.get("last_error").asText());
    }

    @Test
    public void cleanWaitCanBeAborted() throws Exception {
        String uuid = node(Map.of("fault_clean", "wait"));
        provision(uuid, "manage");
        settles(uuid, "manageable");
        provision(uuid, "provide");
        settles(uuid, "clean wait");
        provision(uuid, "abort");
        JsonNode n = settles(uuid, "clean failed");
        assertTrue(n.get("last_error").asText().contains("aborted"));
    }

    @Test
    public void inspectionSetsPropertiesAndCreatesPorts() throws Exception {
        String uuid = node(Map.of());
        provision(uuid, "manage");
        settles(uuid, "manageable");
        provision(uuid, "inspect");
        JsonNode n = settles(uuid, "manageable");
        assertEquals(8, n.get("properties").get("cpus").asInt());
        assertEquals(16384, n.get("properties").get("memory_mb").asInt());
        assertEquals(99, n.get("properties").get("local_gb").asInt());
        assertEquals("x86_64", n.get("properties").get("cpu_arch").asText());
        JsonNode ports = http.get("/v1/nodes/" + uuid + "/ports").body().get("ports");
        assertEquals(ports.toString(), 2, ports.size());
    }

    @Test
    public void failedPowerReadsPutTheNodeInMaintenanceUntilTheBmcAnswers() throws Exception {
        String uuid = node(new HashMap<>(Map.of("fault_power_read", "fail")));
        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")).status());
        // Ironic's power sync leaves enrolled nodes alone
        provision(uuid, "manage");
        JsonNode n = http.await("/v1/nodes/" + uuid, a -> a.body().get("maintenance").asBoolean(), SETTLE).body();
        assertEquals("power failure", n.get("fault").asText());
        Http.Answer healed = http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "remove", "path", "/driver_info/fault_power_read")));
        assertEquals(healed.raw().body(), 200, healed.status());
        JsonNode back = http.await("/v1/nodes/" + uuid, a -> !a.body().get("maintenance").asBoolean(), SETTLE).body();
        assertTrue(back.get("fault").isNull());
    }

    @Test
    public void aHangingPowerActionHoldsTheLockThenFailsAndReleasesIt() throws Exception {
        String uuid = node(Map.of("fault_power", "hang", "fault_hang_seconds", "3"));
        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")).status());
        Http.Answer locked = http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power off"));
        assertEquals(locked.raw().body(), 409, locked.status());
        JsonNode n = http.await("/v1/nodes/" + uuid, a -> a.body().get("reservation").isNull()
                && a.body().get("target_power_state").isNull(), SETTLE).body();
        assertTrue(n.get("last_error").asText().contains("hang"));
        assertFalse(n.get("maintenance").asBoolean());
    }

    @Test
    public void aPatchDuringADeployIs409AndChangesNothing() throws Exception {
        String uuid = available(new HashMap<>(Map.of("fault_deploy", "slow", "fault_delay_ms", "3000")));
        provision(uuid, "active");
        Http.Answer patch = http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "add", "path", "/extra/during", "value", "deploy")));
        assertEquals(patch.raw().body(), 409, patch.status());
        assertEquals("Node " + uuid + " can not be updated while a state transition is in progress.",
                patch.error().get("faultstring").asText());
        JsonNode n = settles(uuid, "active");
        assertFalse(n.get("extra").has("during"));
    }
}
