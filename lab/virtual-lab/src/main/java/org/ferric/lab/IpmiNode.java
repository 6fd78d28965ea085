package org.ferric.lab;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A node behind Debian's {@code ipmi_sim} (one process per node, on a free loopback UDP port). The
 * simulator runs {@code chassis.sh} for every chassis request; that script keeps power and boot
 * device in the node's directory and starts the agent, detached, at a network boot (see its header).
 */
final class IpmiNode extends LabNode {
    static final String USER = "admin";
    static final String PASSWORD = "password";

    private final int port;
    private final Process sim;

    IpmiNode(NodeSpec spec, Path chassisScript) throws IOException {
        super(spec);
        port = freeUdpPort();
        Path dir = spec.dir();
        Files.writeString(dir.resolve("lan.conf"), String.join("\n",
                "name \"" + spec.name() + "\"",
                "set_working_mc 0x20",
                "  startlan 1",
                "    addr 127.0.0.1 " + port,
                "    priv_limit admin",
                "    allowed_auths_callback none md2 md5 straight",
                "    allowed_auths_user none md2 md5 straight",
                "    allowed_auths_operator none md2 md5 straight",
                "    allowed_auths_admin none md2 md5 straight",
                "    guid " + spec.uuid().replace("-", ""),
                "  endlan",
                "  chassis_control \"" + chassisScript + " " + dir + "\"",
                "  user 2 true \"" + USER + "\" \"" + PASSWORD + "\" admin 10 md2 md5 straight",
                ""));
        Files.writeString(dir.resolve("bmc.emu"), String.join("\n",
                "mc_setbmc 0x20",
                "mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr",
                "sel_enable 0x20 1000 0x0a",
                "mc_enable 0x20", ""));
        Files.createDirectories(dir.resolve("state"));
        // -n: without it, and with no terminal, ipmi_sim aborts; -s: its default state dir is not writable.
        sim = new ProcessBuilder("ipmi_sim", "-n", "-c", "lan.conf", "-f", "bmc.emu", "-s", "state")
                .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("ipmi_sim.log").toFile()).start();
        try {
            awaitListening();
        } catch (IOException | RuntimeException e) {
            sim.destroyForcibly();
            throw e;
        }
    }

    /** Waits until the simulator has bound its port (it answers within milliseconds of that). */
    private void awaitListening() throws IOException {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!sim.isAlive()) {
                throw new IOException("ipmi_sim of " + name() + " ended at once: " + Files.readString(dir().resolve("ipmi_sim.log")));
            }
            if (Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.trim().split("\\s+")[1].equals(local))) {
                return;
            }
            Processes.sleep(10);
        }
        throw new IOException("ipmi_sim of " + name() + " did not bind UDP 127.0.0.1:" + port);
    }

    @Override
    public String driver() {
        return "ipmi";
    }

    @Override
    public int bmcPort() {
        return port;
    }

    long simPid() {
        return sim.pid();
    }

    @Override
    public boolean powerOn() {
        return "1".equals(read("power", "0"));
    }

    @Override
    public String bootDevice() {
        String dev = read("boot", "none");
        return dev.equals("default") ? "disk" : dev;
    }

    /** The JVM under the ramdisk's shell, whose pid is in {@code agent.pid}. */
    @Override
    public OptionalLong agentPid() {
        String pid = read("agent.pid", "");
        if (pid.isEmpty()) {
            return OptionalLong.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid)).stream().flatMap(ProcessHandle::children)
                .filter(c -> Processes.cmdline(c.pid()).contains(" -jar ")).mapToLong(ProcessHandle::pid).findFirst();
    }

    @Override
    Map<String, Object> driverInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ipmi_address", "127.0.0.1");
        info.put("ipmi_port", port);
        info.put("ipmi_username", USER);
        info.put("ipmi_password", PASSWORD);
        // ipmi_sim never answers ipmitool's cipher suite discovery, and has no suite 17.
        info.put("ipmi_cipher_suite", 3);
        return info;
    }

    @Override
    String bootInterface() {
        return "pxe";
    }

    @Override
    void stop() {
        // No new boot from here on (chassis.sh checks ../stopped), then no more requests.
        sim.destroy(); // SIGTERM ends ipmi_sim at once
        try {
            if (!sim.waitFor(5, TimeUnit.SECONDS)) {
                sim.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A chassis.sh that ipmi_sim started may still run: wait for its lock, then the pid file is final.
        Processes.run(List.of("flock", "-w", "5", dir().resolve("chassis.lock").toString(), "true"));
        String pid = read("agent.pid", "");
        if (!pid.isEmpty()) {
            OptionalLong jvm = agentPid();
            Processes.kill("KILL", "-" + pid);
            Processes.awaitGone(Long.parseLong(pid), Duration.ofSeconds(5));
            jvm.ifPresent(j -> Processes.awaitGone(j, Duration.ofSeconds(5)));
        }
    }

    private String read(String file, String dflt) {
        try {
            return Files.readString(dir().resolve(file)).strip();
        } catch (IOException e) {
            return dflt;
        }
    }

    private static int freeUdpPort() throws IOException {
        // ipmi_sim binds with address reuse, so a busy port would not even fail: take one the kernel says is free.
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
