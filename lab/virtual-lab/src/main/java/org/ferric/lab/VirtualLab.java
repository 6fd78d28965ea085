package org.ferric.lab;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ferric.lab.redfish.Hardware;
import org.ferric.lab.redfish.RedfishEmulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * N lab servers on loopback: each a simulated BMC (Debian's {@code ipmi_sim}, one process per node,
 * or one Redfish emulator serving every node) whose power-on starts the node's deploy agent when it
 * boots from the network or the virtual CD, and whose power-off kills it; an image server; and the
 * enrolment for {@code baremetal create}.
 *
 * <pre>
 * try (VirtualLab lab = VirtualLab.start(new VirtualLab.Options().nodes(2).bmc("ipmi")
 *         .apiUrl("http://127.0.0.1:6385").agentJar(Path.of("bundles/agent/target/ferric-agent.jar")))) {
 *     Files.writeString(file, lab.enrolmentJson());
 *     lab.publish("img.raw", image);
 * }
 * </pre>
 */
public final class VirtualLab implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String NODE_MARKER = "lab-node";
    /** The deploy ISO a redfish node's virtual CD gets: a stand-in, the lab's "ramdisk" is the agent process. */
    static final String DEPLOY_ISO = "ferric-deploy.iso";

    private final Options options;
    private final Path dir;
    private final List<LabNode> nodes = new ArrayList<>();
    private ImageServer images;
    private RedfishEmulator redfish;
    private Thread shutdownHook;
    private boolean closed;

    /** What to start; every setter returns this. */
    public static final class Options {
        private int nodes = 1;
        private String bmc = "ipmi";
        private String apiUrl = "http://127.0.0.1:6385";
        private Path agentJar;
        private Path dir;
        private long diskSizeBytes = 64L << 20;
        private double heartbeatIntervalSeconds = 2;
        private String namePrefix;

        public Options nodes(int n) {
            this.nodes = n;
            return this;
        }

        /** {@code ipmi} (default) or {@code redfish}. */
        public Options bmc(String bmc) {
            this.bmc = bmc;
            return this;
        }

        /** The bare-metal API the agents look up and heartbeat to (default http://127.0.0.1:6385). */
        public Options apiUrl(String url) {
            this.apiUrl = url;
            return this;
        }

        /** {@code bundles/agent/target/ferric-agent.jar}. Required. */
        public Options agentJar(Path jar) {
            this.agentJar = jar;
            return this;
        }

        /** The work directory (default: a new temporary one); node {@code X} lives in {@code dir/X}. */
        public Options dir(Path dir) {
            this.dir = dir;
            return this;
        }

        /** Size of each node's sparse disk file (default 64 MiB). */
        public Options diskSizeBytes(long bytes) {
            this.diskSizeBytes = bytes;
            return this;
        }

        /** The agents' {@code --heartbeat-interval} (default 2 s). */
        public Options heartbeatIntervalSeconds(double seconds) {
            this.heartbeatIntervalSeconds = seconds;
            return this;
        }

        /** Node names are this plus 0, 1, … (default {@code lab-<bmc>-}); the UUIDs and MACs derive from the names. */
        public Options namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        public int nodes() {
            return nodes;
        }

        public String bmc() {
            return bmc;
        }

        public String apiUrl() {
            return apiUrl;
        }

        public Path agentJar() {
            return agentJar;
        }

        public Path dir() {
            return dir;
        }

        public long diskSizeBytes() {
            return diskSizeBytes;
        }

        public double heartbeatIntervalSeconds() {
            return heartbeatIntervalSeconds;
        }

        public String namePrefix() {
            return namePrefix != null ? namePrefix : "lab-" + bmc + "-";
        }
    }

    private VirtualLab(Options options, Path dir) {
        this.options = options;
        this.dir = dir;
    }

    /**
     * Starts the BMCs (every node powered off, no boot device set), the image server, and writes
     * {@code enrolment.json} in the work directory. Processes a lab left behind in the same directory
     * (killed without a chance to close) are killed first.
     */
    public static VirtualLab start(Options o) throws IOException {
        check(o);
        Path dir = (o.dir() != null ? o.dir() : Files.createTempDirectory("ferric-lab-")).toAbsolutePath().normalize();
        if (dir.toString().matches(".*[\\s\"'\\\\].*")) {
            throw new IllegalArgumentException("the lab directory must not contain blanks, quotes or backslashes "
                    + "(it goes into ipmi_sim's configuration): " + dir);
        }
        Files.createDirectories(dir);
        VirtualLab lab = new VirtualLab(o, dir);
        try {
            lab.boot();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private static void check(Options o) {
        if (o.nodes() < 1) {
            throw new IllegalArgumentException("nodes must be at least 1");
        }
        if (!Set.of("ipmi", "redfish").contains(o.bmc())) {
            throw new IllegalArgumentException("bmc is ipmi or redfish, not " + o.bmc());
        }
        if (o.agentJar() == null || !Files.isRegularFile(o.agentJar())) {
            throw new IllegalArgumentException("no agent jar at " + o.agentJar() + " (mvn -pl bundles/agent install builds it)");
        }
        if (o.apiUrl() == null || !o.apiUrl().matches("https?://.+")) {
            throw new IllegalArgumentException("apiUrl must be an http(s) URL: " + o.apiUrl());
        }
        if (o.diskSizeBytes() < 1 << 20) {
            throw new IllegalArgumentException("diskSizeBytes must be at least 1 MiB");
        }
        List<String> tools = o.bmc().equals("ipmi") ? List.of("ipmi_sim", "bash", "setsid", "flock") : List.of("bash");
        for (String tool : tools) {
            if (!Processes.onPath(tool)) {
                throw new IllegalStateException(tool + " is not installed (apt-get install -y openipmi bash util-linux)");
            }
        }
    }

    private void boot() throws IOException {
        String prefix = options.namePrefix();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < options.nodes(); i++) {
            names.add(prefix + i);
        }
        Set<Path> nodeDirs = names.stream().map(dir::resolve).collect(Collectors.toSet());
        killLeftovers(nodeDirs);
        Files.deleteIfExists(dir.resolve("stopped"));
        shutdownHook = new Thread(this::close, "virtual-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        images = new ImageServer(dir.resolve("images"));
        String deployIso = images.publish(DEPLOY_ISO, writeDeployIso(dir.resolve("images").resolve(DEPLOY_ISO)));
        List<NodeSpec> specs = specs(names);
        if (options.bmc().equals("ipmi")) {
            Path chassis = dir.resolve("chassis.sh");
            try (var in = VirtualLab.class.getResourceAsStream("chassis.sh")) {
                Files.write(chassis, in.readAllBytes());
            }
            Files.setPosixFilePermissions(chassis, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (NodeSpec s : specs) {
                nodes.add(new IpmiNode(s, chassis));
            }
        } else {
            List<Hardware> hardware = specs.stream().map(VirtualLab::hardware).toList();
            redfish = RedfishEmulator.start(0, hardware, RedfishNode.USER, RedfishNode.PASSWORD);
            Map<String, RedfishNode> bySystem = new LinkedHashMap<>();
            for (NodeSpec s : specs) {
                RedfishNode n = new RedfishNode(s, redfish, Integer.toString(s.index() + 1), deployIso);
                bySystem.put(Integer.toString(s.index() + 1), n);
                nodes.add(n);
            }
            redfish.addPowerListener(t -> bySystem.get(t.systemId()).powerChanged(t));
        }
        Files.writeString(dir.resolve("enrolment.json"), enrolmentJson());
        Files.writeString(dir.resolve("images.url"), images.url() + "\n"); // for scripts: IMG=$(cat images.url)
    }

    /** Names, UUIDs, MACs, disks, agent ports and command lines; every node directory made afresh. */
    private List<NodeSpec> specs(List<String> names) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<ServerSocket> held = new ArrayList<>();
        Set<String> macs = new HashSet<>();
        List<NodeSpec> out = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String uuid = UUID.nameUUIDFromBytes(("ferric-lab:" + name).getBytes(StandardCharsets.UTF_8)).toString();
                List<String> nodeMacs = List.of(mac(uuid, 0, macs), mac(uuid, 1, macs));
                Path nodeDir = freshNodeDir(name);
                Path disk = nodeDir.resolve("disk.img");
                try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
                    f.setLength(options.diskSizeBytes()); // sparse: no block is written
                }
                // Held open until every node has one, so that no two nodes get the same port.
                ServerSocket port = listenBelowEphemeralRange();
                held.add(port);
                List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx96m", "-jar",
                        options.agentJar().toAbsolutePath().toString(), "--api-url", options.apiUrl()));
                for (String m : nodeMacs) {
                    cmd.addAll(List.of("--mac", m));
                }
                cmd.addAll(List.of("--node-uuid", uuid, "--disk", disk.toString(),
                        "--listen", "127.0.0.1:" + port.getLocalPort(), "--advertise-host", "127.0.0.1",
                        "--heartbeat-interval", heartbeat(), "--profile", nodeDir.resolve("profile.json").toString(),
                        "--lookup-timeout", "0", "--work-dir", nodeDir.toString(),
                        // its own framework cache: a killed agent cannot clean up a temporary one
                        "--framework-storage", nodeDir.resolve("felix").toString()));
                NodeSpec spec = new NodeSpec(i, name, uuid, nodeMacs, nodeDir, disk, options.diskSizeBytes(), port.getLocalPort(), cmd);
                Files.writeString(nodeDir.resolve("profile.json"), JSON.writeValueAsString(profile(spec)));
                writeAgentScript(spec);
                out.add(spec);
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return out;
    }

    /**
     * A free port below the kernel's ephemeral range. An agent binds its port anew at every boot, for
     * the lab's whole life; a port the kernel hands out for outgoing connections could be taken by
     * one of them in between (it happened: "Address already in use" at the agent's next boot).
     */
    private static ServerSocket listenBelowEphemeralRange() throws IOException {
        int low = 32768;
        try {
            // Not Files.readString: on sysctl files it read one byte here (the JDK trusts their size).
            try (var in = new java.io.FileInputStream("/proc/sys/net/ipv4/ip_local_port_range")) {
                low = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the usual default
        }
        int span = Math.max(1, low - 20000);
        int start = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int candidate = 20000 + (start - 20000 + i) % span;
            try {
                return new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress());
            } catch (IOException busy) {
                // taken: try the next one
            }
        }
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private String heartbeat() {
        double s = options.heartbeatIntervalSeconds();
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    /** A node directory of this lab is wiped and made again; anything else in the way is refused. */
    private Path freshNodeDir(String name) throws IOException {
        Path d = dir.resolve(name);
        if (Files.exists(d)) {
            boolean ours = Files.exists(d.resolve(NODE_MARKER));
            try (Stream<Path> s = Files.list(d)) {
                if (!ours && s.findAny().isPresent()) {
                    throw new IOException(d + " exists and is not a lab node's directory; choose another dir or namePrefix");
                }
            }
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(d);
        Files.writeString(d.resolve(NODE_MARKER), "a node of the Ferric virtual lab in " + dir + "\n");
        return d;
    }

    /** 52:54:00 (QEMU's prefix, as lab VMs have) and three bytes of the node's UUID and NIC index. */
    private static String mac(String uuid, int nic, Set<String> taken) {
        for (int salt = 0; ; salt++) {
            byte[] h = sha256(uuid + "/" + nic + "/" + salt);
            String mac = String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", h[0], h[1], h[2]);
            if (taken.add(mac)) {
                return mac;
            }
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the agent reports beyond its --mac and --disk (see the agent's --profile): a small x86 server. */
    private Map<String, Object> profile(NodeSpec s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cpu", Map.of("model_name", "Ferric Lab vCPU", "frequency", "2400.000", "count", 2,
                "architecture", "x86_64", "flags", List.of("fpu", "lm", "sse4_2", "vmx")));
        p.put("memory", Map.of("total", 2L << 30, "physical_mb", 2048));
        p.put("system_vendor", Map.of("product_name", "Ferric Virtual Lab Server", "serial_number", "LAB-" + s.uuid().substring(0, 8),
                "manufacturer", "Ferric", "firmware", Map.of("vendor", "Ferric", "version", "1.0", "build_date", "2026-01-01")));
        p.put("boot", Map.of("current_boot_mode", options.bmc().equals("ipmi") ? "bios" : "uefi", "pxe_interface", s.macs().get(0)));
        p.put("bmc_address", "127.0.0.1");
        p.put("hostname", s.name());
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("name", s.disk().toString());
        disk.put("model", "file");
        disk.put("size", s.diskSize());
        disk.put("rotational", false);
        p.put("disks", List.of(disk));
        return p;
    }

    private static Hardware hardware(NodeSpec s) {
        return new Hardware(1, 2, "x86", 2, List.of(new Hardware.Disk("disk0", s.diskSize())),
                List.of(new Hardware.Nic("NIC1", s.macs().get(0), true), new Hardware.Nic("NIC2", s.macs().get(1), true)));
    }

    /** {@code agent.sh}: the agent's command line, for people (and for chassis.sh, which runs it). */
    private static void writeAgentScript(NodeSpec s) throws IOException {
        String args = s.agentCommand().stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path script = s.dir().resolve("agent.sh");
        Files.writeString(script, "#!/bin/bash\n# The deploy agent of " + s.name() + ", as the lab starts it when the node boots the ramdisk.\n"
                + "exec " + args + " >>'" + s.dir().resolve("agent.log") + "' 2>&1 </dev/null\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A stand-in ISO 9660 file (its volume descriptor's signature, nothing to boot): the agent process is the lab's ramdisk. */
    private static Path writeDeployIso(Path file) throws IOException {
        byte[] iso = new byte[64 << 10];
        byte[] pvd = "\u0001CD001\u0001".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pvd, 0, iso, 16 * 2048, pvd.length);
        Files.write(file, iso);
        return file;
    }

    /** Kills what a lab in the same directory left running: ipmi_sims in its node directories, ramdisk shells, agents. */
    private void killLeftovers(Set<Path> nodeDirs) {
        String jar = options.agentJar().toAbsolutePath().toString();
        Processes.killMatching(pid -> {
            String cmd = Processes.cmdline(pid);
            if (cmd.isEmpty()) {
                return false;
            }
            for (Path d : nodeDirs) {
                String nd = d.toString();
                if (cmd.contains(nd + " ") || cmd.endsWith(nd)) {
                    if (cmd.contains(" -jar " + jar) || cmd.contains("chassis.sh " + nd + " run")) {
                        return true;
                    }
                }
                if (cmd.startsWith("ipmi_sim ") && Processes.cwd(pid).map(d::equals).orElse(false)) {
                    return true;
                }
            }
            return false;
        });
    }

    public List<LabNode> nodes() {
        return List.copyOf(nodes);
    }

    public LabNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    public Options options() {
        return options;
    }

    /** The work directory: {@code enrolment.json}, {@code images/} and {@code images.url}, one directory per node. */
    public Path dir() {
        return dir;
    }

    public ImageServer imageServer() {
        return images;
    }

    /** Serves {@code file} as {@code name} on the image server; returns its URL. */
    public String publish(String name, Path file) {
        return images.publish(name, file);
    }

    /** The URL of an image: published, or a file in {@code dir()/images}. */
    public String imageUrl(String name) {
        return images.url(name);
    }

    /** The Redfish emulator (its fault hooks, its systems) of a redfish lab. */
    public Optional<RedfishEmulator> redfish() {
        return Optional.ofNullable(redfish);
    }

    /** {@code {"nodes": [...]}}: what {@code baremetal create} takes. No ports: inspection makes them. */
    public Map<String, Object> enrolment() {
        return Map.of("nodes", nodes.stream().map(LabNode::enrolment).toList());
    }

    public String enrolmentJson() {
        try {
            return JSON.writeValueAsString(enrolment()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every BMC, agent and server; returns once no process of the lab is left. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The JDK's HTTP server takes up to a second to stop: the image server stops meanwhile.
        Thread imagesStop = new Thread(() -> {
            if (images != null) {
                images.close();
            }
        }, "virtual-lab-image-server-stop");
        imagesStop.start();
        try {
            Files.writeString(dir.resolve("stopped"), "");
        } catch (IOException e) {
            // the BMCs stop anyway; a boot racing the close is then caught by the sweep below
        }
        for (LabNode n : nodes) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                System.err.println("virtual lab: stopping " + n.name() + ": " + e);
            }
        }
        killLeftovers(nodes.stream().map(LabNode::dir).collect(Collectors.toSet()));
        if (redfish != null) {
            redfish.close();
        }
        try {
            imagesStop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }
}
