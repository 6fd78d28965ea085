package org.ferric.lab.redfish;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A Redfish BMC for tests, on a loopback port: N systems (ids {@code 1..N}), each with its own
 * Manager (virtual media) and Chassis, one user, sessions, ETags, tasks and fault hooks.
 *
 * <pre>
 * try (RedfishEmulator bmc = RedfishEmulator.start(2, "admin", "password")) {
 *     String url = bmc.url();                  // http://127.0.0.1:PORT
 *     bmc.system("1").powerState();            // "Off"
 *     bmc.faults().failNext(3, 500);
 * }
 * </pre>
 *
 * From a shell: {@code java -jar ferric-redfish-emulator.jar [--port P] [--systems N] [--user U] [--password P]}.
 */
public final class RedfishEmulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, EmulatedSystem> systems;
    private final Faults faults = new Faults();
    private final Sessions sessions = new Sessions();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<PowerListener> powerListeners = new CopyOnWriteArrayList<>();

    private RedfishEmulator(int port, List<Hardware> hardware, String username, String password) throws IOException {
        Map<String, EmulatedSystem> map = new LinkedHashMap<>();
        for (int i = 1; i <= hardware.size(); i++) {
            String uuid = UUID.nameUUIDFromBytes(("ferric-lab-system-" + i).getBytes()).toString();
            map.put(String.valueOf(i), new EmulatedSystem(String.valueOf(i), uuid, hardware.get(i - 1), faults, powerListeners));
        }
        systems = Collections.unmodifiableMap(map);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        // A few threads: a slow request (responseDelay) must not hold up a client's next one.
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "redfish-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new RedfishService(systems, username, password,
                UUID.nameUUIDFromBytes(("ferric-lab-service-" + server.getAddress().getPort()).getBytes()).toString(),
                faults, sessions, requests));
        server.start();
    }

    /** Starts on a free loopback port. */
    public static RedfishEmulator start(int systems, String username, String password) throws IOException {
        return start(0, systems, username, password);
    }

    public static RedfishEmulator start(int port, int systems, String username, String password) throws IOException {
        List<Hardware> hardware = new ArrayList<>();
        for (int i = 1; i <= systems; i++) {
            hardware.add(Hardware.standard(i));
        }
        return start(port, hardware, username, password);
    }

    /** One system per element, ids {@code 1..N} in order; port 0 picks a free one. */
    public static RedfishEmulator start(int port, List<Hardware> systems, String username, String password) throws IOException {
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("at least one system");
        }
        return new RedfishEmulator(port, List.copyOf(systems), username, password);
    }

    /** Tells {@code listener} of every power transition of every system from now on (see {@link PowerListener}). */
    public void addPowerListener(PowerListener listener) {
        powerListeners.add(listener);
    }

    public void removePowerListener(PowerListener listener) {
        powerListeners.remove(listener);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}: what a node's {@code redfish_address} holds. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The system with this id ({@code "1"} to {@code "N"}). */
    public EmulatedSystem system(String id) {
        EmulatedSystem s = systems.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no system " + id);
        }
        return s;
    }

    public List<EmulatedSystem> systems() {
        return List.copyOf(systems.values());
    }

    public Faults faults() {
        return faults;
    }

    /** Every request so far, e.g. {@code PATCH /redfish/v1/Systems/1 [token, If-Match W/"..."]}. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many sessions were created since the start. */
    public int sessionsCreated() {
        return sessions.createdCount();
    }

    /** Forgets every session token, as a BMC that restarts or times sessions out. */
    public void expireSessions() {
        sessions.expireAll();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 8000;
        int count = 1;
        String user = "admin";
        String password = "password";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--systems" -> count = Integer.parseInt(args[i + 1]);
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --port, --systems, --user, --password");
            }
        }
        RedfishEmulator bmc = start(port, count, user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(bmc::close));
        // The one line a parent process waits for before it talks to us.
        System.out.println("Redfish emulator listening on " + bmc.url() + " with " + count + " system(s)");
        System.out.flush();
        Thread.currentThread().join();
    }
}
