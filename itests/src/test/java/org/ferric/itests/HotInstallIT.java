package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
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
 * An operator removes the {@code ipmi} driver from a running Ferric and puts it back, while clients
 * keep using the API: the ipmi nodes answer a clear 4xx on every action until the driver returns,
 * nodes of the other drivers never notice, and no other Ferric bundle is restarted. Done once through
 * the FeaturesService and once through the Karaf console, as an operator types it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HotInstallIT {
    private static final String FEATURE = "ferric-driver-ipmi";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Inject
    private FeaturesService features;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Inject
    private BundleContext bundleContext;

    private final Http http = new Http(FerricDistribution.HTTP_PORT);
    private final List<String> ipmiNodes = new ArrayList<>();
    private final List<String> otherNodes = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return FerricDistribution.options();
    }

    @Before
    public void enrollNodes() throws Exception {
        http.await("/v1/drivers", a -> a.status() == 200 && listsDriver(a, "fake-hardware") && listsDriver(a, "ipmi"),
                Duration.ofSeconds(120));
        // Nothing listens on this port: the test only reads ipmi nodes and checks that the driver is
        // there, so no BMC is needed (validate never reaches the hardware).
        for (int i = 0; i < 2; i++) {
            ipmiNodes.add(create("ipmi", Map.of("ipmi_address", "127.0.0.1", "ipmi_port", "16623",
                    "ipmi_username", "admin", "ipmi_password", "s3cret")));
            otherNodes.add(create("fake-hardware", Map.of()));
        }
        // The Redfish driver joins the "other drivers" when its feature is part of the distribution.
        if (features.getFeature("ferric-driver-redfish") != null
                && features.isInstalled(features.getFeature("ferric-driver-redfish"))) {
            otherNodes.add(create("redfish", Map.of("redfish_address", "http://127.0.0.1:16624",
                    "redfish_system_id", "/redfish/v1/Systems/1")));
        }
    }

    @After
    public void deleteNodes() throws Exception {
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE);
        }
        for (String uuid : concat(ipmiNodes, otherNodes)) {
            http.delete("/v1/nodes/" + uuid);
        }
    }

    @Test
    public void a_featuresServiceRemovesAndRestoresTheDriverUnderLoad() throws Exception {
        swapUnderLoad(() -> features.uninstallFeature(FEATURE), () -> features.installFeature(FEATURE));
    }

    @Test
    public void b_theKarafConsoleDoesTheSame() throws Exception {
        swapUnderLoad(() -> {
            console("feature:uninstall " + FEATURE);
            assertFalse(console("feature:list -i").contains(FEATURE));
        }, () -> {
            console("feature:install " + FEATURE);
            assertTrue(console("feature:list -i").contains(FEATURE));
        });
    }

    interface Step {
        void run() throws Exception;
    }

    private void swapUnderLoad(Step uninstall, Step install) throws Exception {
        Set<String> restarted = ConcurrentHashMap.newKeySet();
        BundleListener watch = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if (e.getType() == BundleEvent.STOPPED && bsn != null && bsn.startsWith("ferric-") && !bsn.equals(FEATURE)) {
                restarted.add(bsn);
            }
        };
        bundleContext.addBundleListener(watch);
        Load load = new Load();
        load.start();
        try {
            load.awaitRequests(20);

            uninstall.run();
            http.await("/v1/drivers", a -> a.status() == 200 && !listsDriver(a, "ipmi"), SETTLE);
            assertEquals(404, http.get("/v1/drivers/ipmi").status());
            for (String uuid : ipmiNodes) {
                assertRefused(http.put("/v1/nodes/" + uuid + "/states/power", Map.of("target", "power on")));
                assertRefused(http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", "manage")));
                assertRefused(http.get("/v1/nodes/" + uuid + "/validate"));
                Http.Answer read = http.get("/v1/nodes/" + uuid);
                assertEquals("an ipmi node is still readable", 200, read.status());
                assertEquals("******", read.body().get("driver_info").get("ipmi_password").asText());
            }
            // The other drivers' nodes keep taking actions, not only reads.
            String fake = otherNodes.get(0);
            assertEquals(202, http.put("/v1/nodes/" + fake + "/states/power", Map.of("target", "power on")).status());
            http.await("/v1/nodes/" + fake, a -> "power on".equals(a.body().get("power_state").asText())
                    && a.body().get("reservation").isNull(), SETTLE);
            load.awaitRequests(load.requests.get() + 20);

            install.run();
            http.await("/v1/drivers", a -> a.status() == 200 && listsDriver(a, "ipmi"), SETTLE);
            assertEquals(200, http.get("/v1/drivers/ipmi").status());
            for (String uuid : ipmiNodes) {
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
        assertEquals("reads of ipmi nodes that failed: " + load.failures, 0, load.ipmiReadFailures.get());
        assertEquals("Ferric bundles restarted by the driver swap", Set.of(), restarted);
    }

    /** Ironic's answer for a node whose driver no conductor has: a 400 naming it, never a 5xx or a stack trace. */
    private static void assertRefused(Http.Answer a) throws Exception {
        String body = a.raw().body();
        assertEquals(body, 400, a.status());
        assertTrue(body, a.error().get("faultstring").asText()
                .startsWith("No valid host was found. Reason: No conductor service registered which supports driver ipmi"));
        assertFalse(body, body.contains("Exception"));
    }

    /**
     * Clients of the API during the swap, on three threads: reads of every node, node lists and the
     * driver list; PATCHes of the other drivers' nodes; reads of the ipmi nodes.
     */
    private final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger otherFailures = new AtomicInteger();
        final AtomicInteger ipmiReadFailures = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new ArrayList<>();

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
                String uuid = ipmiNodes.get(i % ipmiNodes.size());
                expect200(http.get("/v1/nodes/" + uuid), "GET ipmi node " + uuid, ipmiReadFailures);
            }), "load-ipmi-reads"));
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

    /** Runs a console command as an operator of the admin group does (the commands are ACL-guarded). */
    private String console(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new RolePrincipal("admin"));
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String create(String driver, Map<String, Object> driverInfo) throws Exception {
        Http.Answer created = http.post("/v1/nodes", Map.of("driver", driver, "driver_info", driverInfo));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("uuid").asText();
    }

    private static boolean listsDriver(Http.Answer drivers, String name) {
        for (var d : drivers.body().get("drivers")) {
            if (name.equals(d.get("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }
}
