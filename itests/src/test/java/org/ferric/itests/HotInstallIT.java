package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * An operator removes a driver from a running Ferric and puts it back, while clients keep using the
 * API: that driver's nodes answer a clear 4xx on every action until the driver returns, nodes of the
 * other drivers never notice, and no other Ferric bundle is restarted. Done for {@code ipmi} once
 * through the FeaturesService and once through the Karaf console, as an operator types it, and for
 * {@code redfish} through the console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HotInstallIT {
    private static final String IPMI = "ipmi";
    private static final String REDFISH = "redfish";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Inject
    private FeaturesService features;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Inject
    private BundleContext bundleContext;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);
    /** driver name -> the nodes enrolled on it */
    private final Map<String, List<String>> nodes = new LinkedHashMap<>();

    @Configuration
    public Option[] config() {
        return FerricDistribution.options();
    }

    @Before
    public void enrollNodes() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && listsDriver(a, "fake-hardware") && listsDriver(a, IPMI)
                && listsDriver(a, REDFISH), Duration.ofSeconds(120));
        // Nothing listens on these ports: the test reads the nodes, validates them and checks that the
        // driver is there, so no BMC is needed (validate never reaches the hardware).
        for (int i = 0; i < 2; i++) {
            enroll(IPMI, Map.of("ipmi_address", "127.0.0.1", "ipmi_port", "16623",
                    "ipmi_username", "admin", "ipmi_password", "s3cret"));
            enroll(REDFISH, Map.of("redfish_address", "http://127.0.0.1:16624", "redfish_system_id", "/redfish/v1/Systems/1",
                    "redfish_username", "admin", "redfish_password", "s3cret"));
            enroll("fake-hardware", Map.of());
        }
    }

    @After
    public void deleteNodes() throws Exception {
        for (String driver : List.of(IPMI, REDFISH)) {
            if (!features.isInstalled(features.getFeature(feature(driver)))) {
                features.installFeature(feature(driver));
            }
        }
        for (List<String> uuids : nodes.values()) {
            for (String uuid : uuids) {
                http.delete("/v1/nodes/" + uuid);
            }
        }
    }

    @Test
    public void a_featuresServiceRemovesAndRestoresTheDriverUnderLoad() throws Exception {
        swapUnderLoad(IPMI, () -> features.uninstallFeature(feature(IPMI)), () -> features.installFeature(feature(IPMI)));
    }

    @Test
    public void b_theKarafConsoleDoesTheSame() throws Exception {
        swapFromConsole(IPMI);
    }

    /** The scenario: ipmi, redfish and fake-hardware nodes, and redfish leaves and returns. */
    @Test
    public void c_theKarafConsoleRemovesAndRestoresRedfishUnderLoad() throws Exception {
        swapFromConsole(REDFISH);
    }

    private void swapFromConsole(String driver) throws Exception {
        String feature = feature(driver);
        swapUnderLoad(driver, () -> {
            console("feature:uninstall " + feature);
            assertFalse(console("feature:list -i").contains(feature));
        }, () -> {
            console("feature:install " + feature);
            assertTrue(console("feature:list -i").contains(feature));
        });
    }

    private static String feature(String driver) {
        return "ferric-driver-" + driver;
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Removes {@code driver} with {@code uninstall} and brings it back with {@code install} while the
     * load runs; its nodes are the swapped ones, the nodes of every other driver the others.
     */
    private void swapUnderLoad(String driver, Step uninstall, Step install) throws Exception {
        String feature = feature(driver);
        List<String> swappedNodes = nodes.get(driver);
        List<String> otherNodes = new ArrayList<>();
        nodes.forEach((d, uuids) -> {
            if (!d.equals(driver)) {
                otherNodes.addAll(uuids);
            }
        });
        Set<String> restarted = ConcurrentHashMap.newKeySet();
        BundleListener watch = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if (e.getType() == BundleEvent.STOPPED && bsn != null && bsn.startsWith("ferric-") && !bsn.equals(feature)) {
                restarted.add(bsn);
            }
        };
        bundleContext.addBundleListener(watch);
        Load load = new Load(driver, swappedNodes, otherNodes);
        load.start();
        try {
            load.awaitRequests(20);

            uninstall.run();
            http.await("/v1/drivers", a -> a.status() == 200 && !listsDriver(a, driver), SETTLE);
            assertEquals(404, http.get("/v1/drivers/" + driver).status());
            for (String uuid : swappedNodes) {
                assertRefused(driver, http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")));
                assertRefused(driver, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "manage")));
                assertRefused(driver, http.get("/v1/nodes/" + uuid + "/validate"));
                Http.Answer read = http.get("/v1/nodes/" + uuid);
                assertEquals("a " + driver + " node is still readable", 200, read.status());
                assertEquals("******", read.body().get("driver_info").get(driver + "_password").asText());
            }
            // The other drivers' nodes keep taking actions, not only reads: fake-hardware powers on,
            // the remaining real driver still validates its nodes.
            String fake = nodes.get("fake-hardware").get(0);
            assertEquals(202, http.put("/v1/nodes/" + fake + "/states/power", Map.of("target", "power on")).status());
            http.await("/v1/nodes/" + fake, a -> "power on".equals(a.body().get("power_state").asText())
                    && a.body().get("reservation").isNull(), SETTLE);
            String remaining = driver.equals(IPMI) ? REDFISH : IPMI;
            for (String uuid : nodes.get(remaining)) {
                Http.Answer validate = http.get("/v1/nodes/" + uuid + "/validate");
                assertEquals(validate.raw().body(), 200, validate.status());
                assertTrue(validate.raw().body(), validate.body().get("power").get("result").asBoolean());
            }
            load.awaitRequests(load.requests.get() + 20);

            install.run();
            http.await("/v1/drivers", a -> a.status() == 200 && listsDriver(a, driver), SETTLE);
            assertEquals(200, http.get("/v1/drivers/" + driver).status());
            for (String uuid : swappedNodes) {
                Http.Answer validate = http.await("/v1/nodes/" + uuid + "/validate", a -> a.status() == 200, SETTLE);
                assertTrue(validate.raw().body(), validate.body().get("power").get("result").asBoolean());
                Http.Answer patched = http.patch("/v1/nodes/" + uuid,
                        List.of(Map.of("op", "add", "path", "/extra/back", "value", "yes")));
                assertEquals(patched.raw().body(), 200, patched.status());
            }
            load.awaitRequests(load.requests.get() + 20);
        } finally {
            load.stop();
            bundleContext.removeBundleListener(watch);
        }
        assertEquals("requests on nodes of other drivers that failed: " + load.failures, 0, load.otherFailures.get());
        assertEquals("reads of " + driver + " nodes that failed: " + load.failures, 0, load.swappedReadFailures.get());
        assertEquals("Ferric bundles restarted by the driver swap", Set.of(), restarted);
    }

    /** Ironic's answer for a node whose driver no conductor has: a 400 naming it, never a 5xx or a stack trace. */
    private static void assertRefused(String driver, Http.Answer a) throws Exception {
        String body = a.raw().body();
        assertEquals(body, 400, a.status());
        assertTrue(body, a.error().get("faultstring").asText()
                .startsWith("No valid host was found. Reason: No conductor service registered which supports driver " + driver + " "));
        assertFalse(body, body.contains("Exception"));
    }

    /**
     * Clients of the API during the swap, on three threads: reads of the other drivers' nodes, node
     * lists and the driver list; PATCHes of the other drivers' nodes; reads of the swapped driver's nodes.
     */
    private final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger otherFailures = new AtomicInteger();
        final AtomicInteger swappedReadFailures = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final String driver;
        final List<String> swappedNodes;
        final List<String> otherNodes;

        Load(String driver, List<String> swappedNodes, List<String> otherNodes) {
            this.driver = driver;
            this.swappedNodes = swappedNodes;
            this.otherNodes = otherNodes;
        }

        void start() {
            threads.add(new Thread(() -> loop(i -> {
                String uuid = otherNodes.get(i % otherNodes.size());
                expect200(http.get("/v1/nodes/" + uuid), "GET node " + uuid, otherFailures);
                expect200(http.get("/v1/nodes"), "GET nodes", otherFailures);
                expect200(http.get("/v1/drivers"), "GET drivers", otherFailures);
            }), "load-reads"));
            threads.add(new Thread(() -> loop(i -> {
                String uuid = otherNodes.get(i % otherNodes.size());
                expect200(http.patch("/v1/nodes/" + uuid, List.of(Map.of("op", "add", "path", "/extra/load", "value", "r" + i))),
                        "PATCH node " + uuid, otherFailures);
            }), "load-patches"));
            threads.add(new Thread(() -> loop(i -> {
                String uuid = swappedNodes.get(i % swappedNodes.size());
                expect200(http.get("/v1/nodes/" + uuid), "GET " + driver + " node " + uuid, swappedReadFailures);
            }), "load-" + driver + "-reads"));
            threads.forEach(Thread::start);
        }

        interface Round {
            void run(int i) throws Exception;
        }

        private void loop(Round round) {
            for (int i = 0; running.get(); i++) {
                try {
                    round.run(i);
                } catch (Exception e) {
                    // A refused or reset connection counts as a failed request, like a 5xx.
                    otherFailures.incrementAndGet();
                    failures.add(Thread.currentThread().getName() + ": " + e);
                }
            }
        }

        private void expect200(Http.Answer a, String what, AtomicInteger counter) {
            requests.incrementAndGet();
            if (a.status() != 200) {
                counter.incrementAndGet();
                failures.add(what + " -> " + a.status() + " " + a.raw().body());
            }
        }

        void awaitRequests(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (requests.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue("the load is running", requests.get() >= count);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    private String console(String command) throws Exception {
        return KarafConsole.run(sessionFactory, command);
    }

    private void enroll(String driver, Map<String, Object> driverInfo) throws Exception {
        Http.Answer created = http.post("/v1/nodes", Map.of("driver", driver, "driver_info", driverInfo));
        assertEquals(created.raw().body(), 201, created.status());
        nodes.computeIfAbsent(driver, d -> new ArrayList<>()).add(created.body().get("uuid").asText());
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
