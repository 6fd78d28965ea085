package org.ferric.agent.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

import org.ferric.agent.spi.Step;
import org.ferric.agent.spi.StepRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent: serves its command API, looks its node up (retrying with back-off until the node is
 * in a state that allows it), then heartbeats with its callback URL, version and token until
 * stopped. Commands are IPA's extensions: {@code clean}, {@code deploy}, {@code standby},
 * {@code log}, {@code rescue}, plus {@code inventory}.
 */
final class Agent {
    static final String VERSION = "ferric-agent " + Optional.ofNullable(Agent.class.getPackage().getImplementationVersion()).orElse("0.1.0");
    private static final System.Logger LOG = System.getLogger(Agent.class.getName());
    private static final Duration MAX_LOOKUP_PAUSE = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final AgentSettings settings;
    private final HardwareManagers managers;
    private final HttpClient http;
    private final ObjectMapper json;
    private final IntConsumer exit;
    private final Commands commands;
    private final CommandServer server;
    private final SystemLogs logs = new SystemLogs();
    private final Object beat = new Object();
    private final double startedAt = System.currentTimeMillis() / 1000.0;

    private volatile Map<String, Object> inventory;
    private volatile List<Path> disks;
    private volatile String callbackUrl;
    private volatile String nodeUuid;
    private volatile Map<String, Object> node;
    private volatile String token;
    private volatile boolean tokenRequired;
    private volatile Duration heartbeatTimeout = Duration.ofSeconds(300);
    private volatile boolean beatNow;
    private volatile boolean running;
    /** Set by {@code rescue.finalize_rescue}: the rescue user has the machine, the agent heartbeats no more. */
    private volatile boolean rescued;
    private Thread loop;

    /** @param exit ends the agent's process with the given code (power off, reboot) */
    Agent(AgentSettings settings, HardwareManagers managers, HttpClient http, ObjectMapper json, IntConsumer exit) {
        this.settings = settings;
        this.managers = managers;
        this.http = http;
        this.json = json;
        this.exit = exit;
        this.token = settings.agentToken();
        managers.add(new GenericHardwareManager(new ImageWriter(http, json, settings.workDir()), new DiskEraser()));
        this.commands = new Commands(this::forceHeartbeat)
                .register("clean", Map.of(
                        "get_clean_steps", Command.sync(p -> steps(HardwareManagers.Kind.CLEAN)),
                        "execute_clean_step", Command.async(p -> executeStep(HardwareManagers.Kind.CLEAN, p))))
                .register("deploy", Map.of(
                        "get_deploy_steps", Command.sync(p -> steps(HardwareManagers.Kind.DEPLOY)),
                        "execute_deploy_step", Command.async(p -> executeStep(HardwareManagers.Kind.DEPLOY, p))))
                .register("standby", Map.of(
                        "get_partition_uuids", Command.sync(p -> Disks.partitionUuids(targetDisk())),
                        "sync", Command.sync(p -> {
                            Exec.check(List.of("sync"), Duration.ofMinutes(10));
                            return null;
                        }),
                        "power_off", Command.async(p -> leave(settings.powerOffCommand(), 0)),
                        "reboot", Command.async(p -> leave(settings.rebootCommand(), 10))))
                .register("log", Map.of(
                        "collect_system_logs", Command.sync(p -> Map.of("system_logs", logs.collect(json.writeValueAsString(inventory))))))
                .register("inventory", Map.of(
                        "get_inventory", Command.sync(p -> inspectionData())))
                .register("rescue", Map.of(
                        "finalize_rescue", Command.sync(this::finalizeRescue)));
        this.server = new CommandServer(commands, this::status, this::validToken, json);
    }

    /** Starts serving; the lookup and the heartbeats run on their own thread. Returns the API's address. */
    InetSocketAddress start() throws IOException {
        Logger.getLogger("").addHandler(logs);
        running = true;
        inventory = Inventory.collect(settings, json);
        disks = Inventory.targetDisks(settings, inventory);
        InetSocketAddress bound = server.start(settings.listen());
        callbackUrl = "http://" + advertiseHost() + ":" + bound.getPort();
        LOG.log(System.Logger.Level.INFO, "{0} started; callback URL {1}; disks {2}", VERSION, callbackUrl, disks);
        if (settings.apiUrl() != null) {
            loop = new Thread(this::lookupThenHeartbeat, "agent-heartbeat");
            loop.setDaemon(true);
            loop.start();
        }
        return bound;
    }

    void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        server.stop();
        commands.shutdown();
        Logger.getLogger("").removeHandler(logs);
    }

    String nodeUuid() {
        return nodeUuid;
    }

    String token() {
        return token;
    }

    Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started_at", startedAt);
        out.put("version", VERSION);
        return out;
    }

    boolean validToken(String presented) {
        String mine = token;
        if (mine == null) {
            return !tokenRequired;
        }
        return presented != null && MessageDigest.isEqual(mine.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    void forceHeartbeat() {
        synchronized (beat) {
            beatNow = true;
            beat.notifyAll();
        }
    }

    private void lookupThenHeartbeat() {
        IronicClient ironic = new IronicClient(settings.apiUrl(), http, json);
        try {
            if (settings.inspectionCallbackUrl() != null) {
                try {
                    ironic.postInspection(settings.inspectionCallbackUrl(), inspectionData());
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.ERROR, "Inspection failed: {0}", e.getMessage());
                }
            }
            JsonNode content = lookup(ironic);
            if (content == null) {
                LOG.log(System.Logger.Level.ERROR, "Could not look up node info within {0} s; exiting", settings.lookupTimeout().toSeconds());
                exit.accept(2);
                return;
            }
            processLookup(content);
            heartbeat(ironic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode lookup(IronicClient ironic) throws InterruptedException {
        List<String> macs = Inventory.macs(inventory);
        long deadline = settings.lookupTimeout().isZero() ? Long.MAX_VALUE : System.nanoTime() + settings.lookupTimeout().toNanos();
        long pause = settings.lookupInterval().toMillis();
        while (running) {
            Optional<JsonNode> found = ironic.lookup(macs, settings.nodeUuid());
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep((long) (pause * ThreadLocalRandom.current().nextDouble(0.75, 1.0)));
            pause = Math.min(pause * 2, MAX_LOOKUP_PAUSE.toMillis());
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    void processLookup(JsonNode content) {
        node = json.convertValue(content.get("node"), Map.class);
        nodeUuid = content.path("node").path("uuid").asText();
        JsonNode config = content.path("config");
        heartbeatTimeout = Duration.ofMillis((long) (config.path("heartbeat_timeout").asDouble(300) * 1000));
        tokenRequired = config.path("agent_token_required").asBoolean(false);
        String issued = config.path("agent_token").isTextual() ? config.path("agent_token").asText() : null;
        if (issued != null && issued.length() >= 32) {
            token = issued;
        } else if ("******".equals(issued)) {
            // The token went to an earlier lookup (an agent before a restart); only a token given
            // out of band (--agent-token) still works then.
            if (token == null) {
                LOG.log(System.Logger.Level.ERROR, "The API gave out this node's agent token before and this agent has none; heartbeats will be refused");
            }
        } else if (issued != null) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring an invalid agent token from the lookup");
        }
        LOG.log(System.Logger.Level.INFO, "Lookup succeeded, node UUID is {0}", nodeUuid);
    }

    private void heartbeat(IronicClient ironic) throws InterruptedException {
        while (running && !rescued) {
            Duration next;
            try {
                ironic.heartbeat(nodeUuid, callbackUrl, token, VERSION);
                next = interval();
                LOG.log(System.Logger.Level.DEBUG, "Heartbeat sent; next in {0} ms", next.toMillis());
            } catch (IronicClient.HeartbeatException e) {
                next = interval().compareTo(RETRY_AFTER_FAILURE) < 0 ? interval() : RETRY_AFTER_FAILURE;
                LOG.log(System.Logger.Level.WARNING, "{0}; retrying in {1} s", e.getMessage(), next.toSeconds());
            }
            synchronized (beat) {
                long until = System.currentTimeMillis() + next.toMillis();
                while (!beatNow && running && !rescued) {
                    long left = until - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    beat.wait(left);
                }
                beatNow = false;
            }
        }
    }

    /** IPA's rule: a random 30–60 % of the heartbeat timeout, so that a missed beat or two is not fatal. */
    private Duration interval() {
        if (settings.heartbeatInterval() != null) {
            return settings.heartbeatInterval();
        }
        return Duration.ofMillis((long) (heartbeatTimeout.toMillis() * ThreadLocalRandom.current().nextDouble(0.3, 0.6)));
    }

    private String advertiseHost() {
        String host = settings.advertiseHost();
        if (host == null) {
            InetAddress listen = settings.listen().getAddress();
            if (listen != null && !listen.isAnyLocalAddress()) {
                host = listen.getHostAddress();
            } else {
                host = routeToApi();
            }
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The local address the API is reached from: connecting a datagram socket sends nothing but picks the route. */
    private String routeToApi() {
        if (settings.apiUrl() != null) {
            try (DatagramSocket s = new DatagramSocket()) {
                int port = settings.apiUrl().getPort() > 0 ? settings.apiUrl().getPort() : 80;
                s.connect(InetAddress.getByName(settings.apiUrl().getHost()), port);
                InetAddress local = s.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    return local instanceof Inet6Address ? local.getHostAddress().replaceAll("%.*", "") : local.getHostAddress();
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "No route to the API to advertise: {0}", e.toString());
            }
        }
        return "127.0.0.1";
    }

    private Path targetDisk() {
        return new StepRequest(null, null, null, disks).targetDisk();
    }

    private Map<String, Object> inspectionData() throws IOException {
        Map<String, Object> inv = Inventory.collect(settings, json);
        inventory = inv;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inventory", inv);
        Object root = null;
        if (!disks.isEmpty() && inv.get("disks") instanceof List<?> l) {
            for (Object d : l) {
                if (d instanceof Map<?, ?> m && disks.get(0).toString().equals(String.valueOf(m.get("name")))) {
                    root = d;
                }
            }
        }
        out.put("root_disk", root);
        return out;
    }

    private Map<String, Object> steps(HardwareManagers.Kind kind) {
        String type = kind == HardwareManagers.Kind.CLEAN ? "clean" : "deploy";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(type + "_steps", managers.describe(kind));
        out.put("hardware_manager_version", managers.versions());
        return out;
    }

    private Object executeStep(HardwareManagers.Kind kind, Map<String, Object> params) {
        String type = kind == HardwareManagers.Kind.CLEAN ? "clean" : "deploy";
        Map<String, Object> step = Params.map(params, "step", true);
        Object sentVersion = params.get(type + "_version");
        Map<String, String> current = managers.versions();
        if (sentVersion != null && !sentVersion.equals(current)) {
            throw AgentError.versionMismatch(current, sentVersion);
        }
        Object name = step.get("step");
        if (name == null) {
            throw AgentError.invalidParams("Malformed " + type + "_step, no \"step\" key: " + step);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> args = step.get("args") instanceof Map ? (Map<String, Object>) step.get("args") : Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> stepNode = params.get("node") instanceof Map ? (Map<String, Object>) params.get("node") : node;
        Object result;
        try {
            Step s = managers.find(kind, name.toString()).orElseThrow(() -> new AgentError("HardwareManagerMethodNotFound", 500,
                    "No HardwareManager found to handle method", "Could not find method: " + name));
            result = s.action().run(new StepRequest(stepNode, Params.list(params, "ports"), args, disks));
        } catch (Exception e) {
            String why = e instanceof AgentError a ? a.getMessage() : e.getMessage() == null ? e.toString() : e.getMessage();
            String msg = "Error performing " + type + "_step " + name + ": " + why;
            throw kind == HardwareManagers.Kind.CLEAN ? AgentError.cleaning(msg) : AgentError.deployment(msg);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(type + "_result", result);
        out.put(type + "_step", step);
        return out;
    }

    /**
     * IPA's {@code rescue.finalize_rescue}: writes the rescue password, crypt(3)-hashed (SHA-512, as IPA)
     * unless {@code hashed} says it already is, to {@code ipa-rescue-config/ipa-rescue-password} (mode 0600)
     * under the work directory, or under {@code /etc} as IPA when there is none; then stops heartbeating,
     * as IPA does once the rescue user takes over. The command API stays up (IPA stops it too).
     */
    private Object finalizeRescue(Map<String, Object> params) throws IOException {
        Object password = params.get("rescue_password");
        Object hashed = params.get("hashed");
        String value = password == null ? "" : password.toString();
        if (!(Boolean.TRUE.equals(hashed) || "true".equalsIgnoreCase(String.valueOf(hashed)))) {
            value = Sha512Crypt.crypt(value);
        }
        Path file = (settings.workDir() != null ? settings.workDir() : Path.of("/etc"))
                .resolve("ipa-rescue-config").resolve("ipa-rescue-password");
        Files.createDirectories(file.getParent());
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
        }
        Files.setPosixFilePermissions(file, owner);
        Files.writeString(file, value, StandardCharsets.UTF_8);
        rescued = true;
        forceHeartbeat(); // wakes the heartbeat loop, which then ends
        LOG.log(System.Logger.Level.INFO, "Rescue password written to {0}; heartbeats stop", file);
        return Map.of();
    }

    private Object leave(List<String> command, int code) throws IOException, InterruptedException {
        if (!command.isEmpty()) {
            Exec.check(command, Duration.ofMinutes(2));
        }
        // Answer first: the conductor polls this command's result before the process goes away.
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exit.accept(code);
        }, "agent-exit");
        t.setDaemon(true);
        t.start();
        return null;
    }
}
