package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.ferric.db.api.DbApi;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.http.runtime.HttpServiceRuntime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The real distribution, driven over HTTP the way a client drives Ironic. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FerricIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Inject
    @Filter(timeout = 120_000)
    private DbApi db;

    @Inject
    private FeaturesService features;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return FerricDistribution.options();
    }

    @Before
    public void apiIsUp() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fake-hardware"), Duration.ofSeconds(120));
    }

    private String createNode(String name) throws Exception {
        Http.Answer created = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", name,
                "driver_info", Map.of("fake_password", "s3cret", "fake_address", "10.0.0.1")));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("uuid").asText();
    }

    private Http.Answer awaitState(String uuid, String provisionState) throws Exception {
        return http.await("/v1/nodes/" + uuid, a -> a.status() == 200
                && provisionState.equals(a.body().get("provision_state").asText())
                && a.body().get("reservation").isNull(), SETTLE);
    }

    private void provision(String uuid, String target) throws Exception {
        Http.Answer a = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", target));
        assertEquals(a.raw().body(), 202, a.status());
    }

    @Inject
    private HttpServiceRuntime httpRuntime;

    /** A fast path that silently went missing would only make the API slow: its filter must be in place. */
    private void assertFilterRegistered(String name) {
        boolean active = Arrays.stream(httpRuntime.getRuntimeDTO().servletContextDTOs)
                .flatMap(c -> Arrays.stream(c.filterDTOs))
                .anyMatch(f -> name.equals(f.name));
        assertTrue(name + " is registered with the HTTP whiteboard", active);
    }

    /**
     * GET /v1/nodes/{ident} is answered by a servlet filter in front of JAX-RS (NodeGetFilter); the
     * bookmark path /nodes/{ident} still goes through JAX-RS. Both must answer alike, and the filter
     * must really be in place, or the fast path would silently be the slow one.
     */
    @Test
    public void a_nodeGetFastPathAnswersAsJaxRsDoes() throws Exception {
        assertFilterRegistered("ferric-node-get");

        String uuid = createNode("fast-path");
        assertEquals(204, http.put("/v1/nodes/" + uuid + "/traits/CUSTOM_FAST", null).status());
        for (String version : List.of("1.1", "1.31", "1.52", "latest")) {
            Http client = new Http(FerricDistribution.HTTP_PORT, version);
            for (String query : List.of("", "?fields=uuid,name,driver_info,extra")) {
                if (version.equals("1.1") && !query.isEmpty()) {
                    continue;
                }
                Http.Answer fast = client.get("/v1/nodes/" + uuid + query);
                Http.Answer jaxrs = client.get("/nodes/" + uuid + query);
                assertEquals(fast.raw().body(), 200, fast.status());
                assertEquals(version + query, jaxrs.raw().body(), fast.raw().body());
                for (String header : List.of("Content-Type", "X-OpenStack-Ironic-API-Version",
                        "X-OpenStack-Ironic-API-Minimum-Version", "X-OpenStack-Ironic-API-Maximum-Version")) {
                    assertEquals(header, jaxrs.header(header), fast.header(header));
                }
                assertTrue(fast.header("Openstack-Request-Id").startsWith("req-"));
            }
        }
        assertEquals("******", http.get("/v1/nodes/" + uuid).body().get("driver_info").get("fake_password").asText());
        assertEquals(200, http.get("/v1/nodes/fast-path").status());
        // what the fast path leaves to JAX-RS is still answered as before
        assertEquals(404, http.get("/v1/nodes/00000000-0000-0000-0000-00000000dead").status());
        assertEquals(400, http.get("/v1/nodes/" + uuid + "?fields=bogus").status());
        assertEquals(400, http.get("/v1/nodes/" + uuid + "?colour=red").status());
        assertEquals(406, new Http(FerricDistribution.HTTP_PORT, "1.99").get("/v1/nodes/" + uuid).status());
        http.delete("/v1/nodes/" + uuid);
    }

    /**
     * POST /v1/nodes is answered by a servlet filter in front of JAX-RS (NodeCreateFilter); the
     * bookmark path /nodes still goes through JAX-RS. Both must create and refuse alike.
     */
    @Test
    public void a_nodeCreateFastPathAnswersAsJaxRsDoes() throws Exception {
        assertFilterRegistered("ferric-node-create");

        int before = http.get("/v1/nodes?limit=1000").body().get("nodes").size();
        List<String> created = new ArrayList<>();
        for (String version : List.of("1.1", "1.31", "latest")) {
            Http client = new Http(FerricDistribution.HTTP_PORT, version);
            Map<String, Http.Answer> answers = new HashMap<>();
            for (String path : List.of("/v1/nodes", "/nodes")) {
                String name = version.equals("1.1") ? null : "create-" + version.replace('.', '-') + path.replace('/', '-');
                Map<String, Object> body = new HashMap<>(Map.of("driver", "fake-hardware", "extra", Map.of("k", "v"),
                        "driver_info", Map.of("fake_password", "s3cret"), "properties", Map.of("cpus", 4)));
                if (name != null) {
                    body.put("name", name);
                }
                Http.Answer a = client.post(path, body);
                assertEquals(path + " " + a.raw().body(), 201, a.status());
                created.add(a.body().get("uuid").asText());
                answers.put(path, a);
            }
            Http.Answer fast = answers.get("/v1/nodes");
            Http.Answer jaxrs = answers.get("/nodes");
            for (String header : List.of("Content-Type", "X-OpenStack-Ironic-API-Version",
                    "X-OpenStack-Ironic-API-Minimum-Version", "X-OpenStack-Ironic-API-Maximum-Version")) {
                assertEquals(version + " " + header, jaxrs.header(header), fast.header(header));
            }
            assertTrue(fast.header("Openstack-Request-Id").startsWith("req-"));
            // the filter writes a whole body with its length, CXF streams it: the fast path answered
            assertNotNull("answered by NodeCreateFilter", fast.header("Content-Length"));
            assertNull("answered by JAX-RS", jaxrs.header("Content-Length"));
            assertEquals(fast.header("Location"), "http://127.0.0.1:" + FerricDistribution.HTTP_PORT + "/v1/nodes/"
                    + fast.body().get("uuid").asText(), fast.header("Location"));
            ObjectNode f = (ObjectNode) fast.body().deepCopy();
            ObjectNode j = (ObjectNode) jaxrs.body().deepCopy();
            for (ObjectNode n : List.of(f, j)) {
                n.remove(List.of("uuid", "name", "created_at", "updated_at", "provision_updated_at", "links", "ports",
                        "portgroups", "states", "volume"));
            }
            assertEquals(version, j, f);
            assertEquals("******", fast.body().get("driver_info").get("fake_password").asText());
        }

        // refusals: before the node is created (left to JAX-RS) and by the conductor (answered by the filter)
        Http latest = new Http(FerricDistribution.HTTP_PORT, "latest");
        List<Object> refused = List.of("{not json", Map.of("driver", "fake-hardware", "bogus_field", 1),
                Map.of("driver", "no-such-driver"), Map.of("driver", "fake-hardware", "name", "create-latest-v1-nodes"),
                Map.of("driver", "fake-hardware", "chassis_uuid", "00000000-0000-0000-0000-00000000dead"));
        for (Object body : refused) {
            Http.Answer fast = latest.post("/v1/nodes", body);
            Http.Answer jaxrs = latest.post("/nodes", body);
            assertTrue(body + ": " + fast.raw().body(), fast.status() >= 400 && fast.status() < 500);
            assertEquals(body.toString(), jaxrs.status(), fast.status());
            assertEquals(body.toString(), jaxrs.raw().body(), fast.raw().body());
            assertEquals(body.toString(), jaxrs.header("X-OpenStack-Ironic-API-Version"), fast.header("X-OpenStack-Ironic-API-Version"));
        }
        assertEquals(406, new Http(FerricDistribution.HTTP_PORT, "1.99").post("/v1/nodes", Map.of("driver", "fake-hardware")).status());
        // six nodes from six creates: the refusals created none, and nothing was created twice
        assertEquals(before + 6, http.get("/v1/nodes?limit=1000").body().get("nodes").size());
        for (String uuid : created) {
            assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
        }
        for (String name : List.of("create-latest-v1-nodes", "create-latest-nodes")) {
            assertEquals(404, http.get("/v1/nodes/" + name).status());
        }
    }

    @Test
    public void a_rootAndVersionsAnswerLikeIronic() throws Exception {
        Http.Answer root = http.get("/");
        assertEquals(200, root.status());
        assertEquals("v1", root.body().get("default_version").get("id").asText());
        Http.Answer v1 = http.get("/v1");
        assertEquals(200, v1.status());
        assertEquals("1.82", v1.header("X-OpenStack-Ironic-API-Version"));
        assertEquals("1.1", v1.header("X-OpenStack-Ironic-API-Minimum-Version"));
        assertTrue(v1.header("Openstack-Request-Id").startsWith("req-"));
        Http.Answer tooHigh = new Http(FerricDistribution.HTTP_PORT, "1.83").get("/v1/nodes");
        assertEquals(406, tooHigh.status());
        Http.Answer noHeader = new Http(FerricDistribution.HTTP_PORT, null).get("/v1/nodes");
        assertEquals("1.1", noHeader.header("X-OpenStack-Ironic-API-Version"));
    }

    @Test
    public void b_fullLifecycleOnFakeHardware() throws Exception {
        String uuid = createNode("lifecycle-1");
        Http.Answer node = http.get("/v1/nodes/lifecycle-1");
        assertEquals(200, node.status());
        assertEquals("enroll", node.body().get("provision_state").asText());
        assertEquals("******", node.body().get("driver_info").get("fake_password").asText());
        assertEquals("10.0.0.1", node.body().get("driver_info").get("fake_address").asText());

        provision(uuid, "manage");
        awaitState(uuid, "manageable");
        provision(uuid, "provide");
        awaitState(uuid, "available");
        provision(uuid, "active");
        Http.Answer active = awaitState(uuid, "active");
        assertTrue(active.body().get("target_provision_state").isNull());
        assertTrue(active.body().get("last_error").isNull());

        Http.Answer off = http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power off"));
        assertEquals(202, off.status());
        http.await("/v1/nodes/" + uuid, a -> "power off".equals(a.body().get("power_state").asText())
                && a.body().get("target_power_state").isNull(), SETTLE);
        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")).status());
        http.await("/v1/nodes/" + uuid + "/states", a -> "power on".equals(a.body().get("power_state").asText()), SETTLE);

        provision(uuid, "deleted");
        Http.Answer available = awaitState(uuid, "available");
        assertEquals(0, available.body().get("instance_info").size());

        Http.Answer validate = http.get("/v1/nodes/" + uuid + "/validate");
        assertEquals(200, validate.status());
        assertTrue(validate.body().get("power").get("result").asBoolean());

        assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
        assertEquals(404, http.get("/v1/nodes/" + uuid).status());
    }

    @Test
    public void c_badInputIsA4xxThatChangesNothing() throws Exception {
        String uuid = createNode("bad-input-1");
        Http.Answer malformed = http.post("/v1/nodes", "{\"driver\": ");
        assertEquals(400, malformed.status());
        assertEquals("Client", malformed.error().get("faultcode").asText());

        Http.Answer unknownField = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "bogus", 1));
        assertEquals(400, unknownField.status());

        Http.Answer unknownDriver = http.post("/v1/nodes", Map.of("driver", "no-such-driver"));
        assertEquals(400, unknownDriver.status());
        assertTrue(unknownDriver.error().get("faultstring").asText().contains("No valid host was found"));

        Http.Answer invalid = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "active"));
        assertEquals(400, invalid.status());
        assertEquals("The requested action \"active\" can not be performed on node \"" + uuid
                + "\" while it is in state \"enroll\".", invalid.error().get("faultstring").asText());

        Http.Answer readOnly = http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "replace", "path", "/uuid", "value", "x")));
        assertEquals(400, readOnly.status());

        Http.Answer duplicate = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "bad-input-1"));
        assertEquals(409, duplicate.status());

        assertEquals(406, new Http(FerricDistribution.HTTP_PORT, "banana").get("/v1/nodes/" + uuid).status());

        Http.Answer unchanged = http.get("/v1/nodes/" + uuid);
        assertEquals("enroll", unchanged.body().get("provision_state").asText());
        assertEquals(uuid, unchanged.body().get("uuid").asText());
        assertEquals(404, http.get("/v1/nodes/no-such-node").status());

        Http.Answer patched = http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "add", "path", "/extra/rack", "value", "r1")));
        assertEquals(patched.raw().body(), 200, patched.status());
        assertEquals("r1", patched.body().get("extra").get("rack").asText());
        assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
    }

    @Test
    public void d_lockedNodeAnswers409() throws Exception {
        String uuid = createNode("locked-1");
        assertTrue(db.reserveNode(uuid, "other-conductor"));
        try {
            Http.Answer locked = http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on"));
            assertEquals(409, locked.status());
            assertEquals("Node " + uuid + " is locked by host other-conductor, please retry after the current operation is completed.",
                    locked.error().get("faultstring").asText());
            assertEquals("other-conductor", http.get("/v1/nodes/" + uuid).body().get("reservation").asText());
        } finally {
            db.releaseNode(uuid, "other-conductor");
        }
        assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")).status());
        http.await("/v1/nodes/" + uuid, a -> "power on".equals(a.body().get("power_state").asText())
                && a.body().get("reservation").isNull(), SETTLE);
        assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
    }

    @Test
    public void e_concurrentPowerRequestsNeverLeaveALock() throws Exception {
        String uuid = createNode("concurrent-1");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String target = i % 2 == 0 ? "power on" : "power off";
                answers.add(pool.submit(() -> http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", target)).status()));
            }
            for (Future<Integer> f : answers) {
                int status = f.get(60, TimeUnit.SECONDS);
                assertTrue("202 or 409, got " + status, status == 202 || status == 409);
            }
        } finally {
            pool.shutdownNow();
        }
        http.await("/v1/nodes/" + uuid, a -> a.body().get("reservation").isNull() && a.body().get("target_power_state").isNull(), SETTLE);
        assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
    }

    @Test
    public void f_driverUninstallAndReinstallWhileRunning() throws Exception {
        String uuid = createNode("hot-1");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    requests.incrementAndGet();
                    int s1 = http.get("/v1/nodes/" + uuid).status();
                    int s2 = http.get("/v1/drivers").status();
                    if (s1 >= 500 || s2 >= 500) {
                        serverErrors.incrementAndGet();
                    }
                } catch (Exception e) {
                    serverErrors.incrementAndGet();
                }
            }
        });
        load.start();
        try {
            features.uninstallFeature("ferric-driver-fake");
            http.await("/v1/drivers", a -> a.status() == 200 && !a.body().toString().contains("fake-hardware"), SETTLE);
            assertEquals(404, http.get("/v1/drivers/fake-hardware").status());

            Http.Answer refused = http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on"));
            assertEquals(refused.raw().body(), 400, refused.status());
            assertTrue(refused.error().get("faultstring").asText().contains("fake-hardware"));
            assertFalse(refused.raw().body().contains("Exception"));
            Http.Answer stillReadable = http.get("/v1/nodes/" + uuid);
            assertEquals(200, stillReadable.status());

            features.installFeature("ferric-driver-fake");
            http.await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fake-hardware"), SETTLE);
            assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")).status());
            http.await("/v1/nodes/" + uuid, a -> "power on".equals(a.body().get("power_state").asText()), SETTLE);
        } finally {
            running.set(false);
            load.join(10_000);
            if (!features.isInstalled(features.getFeature("ferric-driver-fake"))) {
                features.installFeature("ferric-driver-fake");
            }
        }
        assertTrue("load ran", requests.get() > 0);
        assertEquals("requests answered 5xx during the driver swap", 0, serverErrors.get());
        assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
    }

    @Test
    public void g_conductorIsRegisteredWithItsDrivers() throws Exception {
        JsonNode node = http.post("/v1/nodes", Map.of("driver", "fake-hardware")).body();
        assertNotNull(node.get("conductor"));
        String host = node.get("conductor").asText();
        assertTrue(db.getConductor(host).orElseThrow().getDrivers().contains("fake-hardware"));
        assertTrue(db.getConductor(host).orElseThrow().isOnline());
        assertNull(node.get("reservation").textValue());
        assertEquals(204, http.delete("/v1/nodes/" + node.get("uuid").asText()).status());
    }

    @Test
    public void h_lifecycleThroughTheBaremetalCli() throws Exception {
        assertTrue("Debian's python3-ironicclient must be installed (.ci/run installs it): " + BaremetalCli.EXECUTABLE,
                BaremetalCli.installed());
        BaremetalCli cli = new BaremetalCli(FerricDistribution.HTTP_PORT);
        JsonNode created = Http.JSON.readTree(cli.ok("node", "create", "--driver", "fake-hardware", "--name", "cli-1",
                "--driver-info", "ipmi_password=topsecret", "-f", "json"));
        String uuid = created.get("uuid").asText();
        assertEquals("enroll", created.get("provision_state").asText());
        assertEquals("******", created.get("driver_info").get("ipmi_password").asText());

        cli.ok("node", "manage", "cli-1");
        awaitState(uuid, "manageable");
        cli.ok("node", "provide", "cli-1");
        awaitState(uuid, "available");
        cli.ok("node", "deploy", "cli-1");
        awaitState(uuid, "active");
        cli.ok("node", "power", "off", "cli-1");
        http.await("/v1/nodes/" + uuid, a -> "power off".equals(a.body().get("power_state").asText())
                && a.body().get("reservation").isNull(), SETTLE);
        JsonNode shown = Http.JSON.readTree(cli.ok("node", "show", "cli-1", "-f", "json"));
        assertEquals("active", shown.get("provision_state").asText());
        assertEquals("power off", shown.get("power_state").asText());
        cli.ok("node", "power", "on", "cli-1");
        http.await("/v1/nodes/" + uuid, a -> "power on".equals(a.body().get("power_state").asText())
                && a.body().get("reservation").isNull(), SETTLE);
        cli.ok("node", "undeploy", "cli-1");
        awaitState(uuid, "available");

        String list = cli.ok("node", "list", "-f", "json");
        assertTrue(list, list.contains(uuid));
        String drivers = cli.ok("driver", "list", "-f", "json");
        assertTrue(drivers, drivers.contains("fake-hardware"));
        String validate = cli.ok("node", "validate", "cli-1", "-f", "json");
        assertTrue(validate, validate.contains("power"));

        BaremetalCli.Result bad = cli.run("node", "deploy", "no-such-node");
        assertTrue("deploying an unknown node must fail", bad.exitCode() != 0);
        assertTrue(bad.stderr(), bad.stderr().contains("could not be found"));

        cli.ok("node", "delete", "cli-1");
        assertEquals(404, http.get("/v1/nodes/" + uuid).status());
    }

    @Test
    public void i_everyOtherPathOnFakeHardware() throws Exception {
        String uuid = createNode("paths-1");
        provision(uuid, "manage");
        awaitState(uuid, "manageable");

        provision(uuid, "inspect");
        awaitState(uuid, "manageable");

        Http.Answer manualClean = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "clean",
                "clean_steps", List.of(Map.of("interface", "raid", "step", "delete_configuration"))));
        assertEquals(manualClean.raw().body(), 202, manualClean.status());
        awaitState(uuid, "manageable");
        Http.Answer unknownStep = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "clean",
                "clean_steps", List.of(Map.of("interface", "raid", "step", "format_all"))));
        assertEquals(400, unknownStep.status());

        provision(uuid, "adopt");
        awaitState(uuid, "active");

        Http.Answer rebuild = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "rebuild",
                "deploy_steps", List.of(Map.of("interface", "bios", "step", "apply_configuration", "priority", 150,
                        "args", Map.of("settings", List.of())))));
        assertEquals(rebuild.raw().body(), 202, rebuild.status());
        awaitState(uuid, "active");

        Http.Answer noPassword = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "rescue"));
        assertEquals(400, noPassword.status());
        Http.Answer rescue = http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "rescue", "rescue_password", "pw"));
        assertEquals(rescue.raw().body(), 202, rescue.status());
        Http.Answer rescued = awaitState(uuid, "rescue");
        assertEquals("******", rescued.body().get("instance_info").get("rescue_password").asText());
        provision(uuid, "unrescue");
        awaitState(uuid, "active");

        Http.Answer history = http.get("/v1/nodes/" + uuid + "/history");
        assertEquals(200, history.status());
        assertTrue(history.raw().body(), history.raw().body().contains("rescue"));

        provision(uuid, "undeploy");
        awaitState(uuid, "available");
        assertEquals(204, http.delete("/v1/nodes/" + uuid).status());
    }
}
