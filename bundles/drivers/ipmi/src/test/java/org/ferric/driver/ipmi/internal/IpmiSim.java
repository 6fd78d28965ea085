package org.ferric.driver.ipmi.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Debian {@code ipmi_sim} BMC on a free loopback UDP port, with its chassis state in files
 * (bmc.md §1): {@code power}, {@code boot} and an {@code events.log} line per change, so a test can
 * see what really reached the "hardware"; a {@code stuck} file makes the power ignore commands.
 * Fails, rather than skips, when openipmi or ipmitool is missing: CI installs both.
 */
final class IpmiSim implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "s3cret-pw";

    final Path dir;
    final int port;
    private final Process process;

    IpmiSim(Path dir, Integer solPort) throws Exception {
        for (String tool : List.of("ipmi_sim", "ipmitool", "script")) {
            if (!onPath(tool)) {
                fail(tool + " is not installed: apt-get install -y openipmi ipmitool");
            }
        }
        this.dir = dir;
        this.port = freeUdpPort();
        Path chassis = dir.resolve("chassis.sh");
        Files.writeString(chassis, String.join("\n",
                "#!/bin/sh",
                "# ipmi_sim chassis control: <nodedir> get|set|check <parm> [<value>] ...",
                "dir=$1; shift; op=$1; shift",
                "case $op in",
                "get) for p in \"$@\"; do",
                "       case $p in",
                "         power) v=$(cat \"$dir/power\" 2>/dev/null || echo 0);;",
                "         boot) v=$(cat \"$dir/boot\" 2>/dev/null || echo default);;",
                "         *) echo \"unknown $p\"; exit 1;;",
                "       esac; echo \"$p:$v\"; done;;",
                "set) while [ $# -gt 1 ]; do",
                "       echo \"$1 $2\" >> \"$dir/events.log\"",
                "       case $1 in",
                "         power) [ -e \"$dir/stuck\" ] || echo \"$2\" > \"$dir/power\";;",
                "         boot) echo \"$2\" > \"$dir/boot\";;",
                "         shutdown) echo 0 > \"$dir/power\";;",
                "       esac; shift 2; done;;",
                "esac", ""));
        chassis.toFile().setExecutable(true);
        Files.writeString(dir.resolve("lan.conf"), String.join("\n",
                "name \"ferric-test\"",
                "set_working_mc 0x20",
                "  startlan 1",
                "    addr 127.0.0.1 " + port,
                "    priv_limit admin",
                "    allowed_auths_callback none md2 md5 straight",
                "    allowed_auths_user none md2 md5 straight",
                "    allowed_auths_operator none md2 md5 straight",
                "    allowed_auths_admin none md2 md5 straight",
                "    guid a123456789abcdefa123456789abcdef",
                "  endlan",
                "  chassis_control \"" + chassis + " " + dir + "\"",
                solPort == null ? "" : "  sol \"tcp:127.0.0.1:" + solPort + "\" 115200",
                "  user 2 true \"" + USER + "\" \"" + PASSWORD + "\" admin 10 md2 md5 straight",
                ""));
        Files.writeString(dir.resolve("bmc.emu"), String.join("\n",
                "mc_setbmc 0x20",
                "mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr",
                "sel_enable 0x20 1000 0x0a",
                "mc_enable 0x20", ""));
        Files.createDirectories(dir.resolve("state"));
        // -n: without it, and with no terminal, ipmi_sim aborts; -s: its default state dir is not writable.
        process = new ProcessBuilder("ipmi_sim", "-n", "-c", "lan.conf", "-f", "bmc.emu", "-s", "state")
                .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("ipmi_sim.out").toFile()).start();
        waitUntilAnswering();
    }

    private void waitUntilAnswering() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("ipmi_sim ended at once: " + Files.readString(dir.resolve("ipmi_sim.out")));
            }
            ProcessBuilder pb = new ProcessBuilder("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p",
                    Integer.toString(port), "-U", USER, "-E", "-R", "1", "-N", "1", "chassis", "power", "status")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("IPMI_PASSWORD", PASSWORD);
            Process p = pb.start();
            p.getOutputStream().close();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        fail("ipmi_sim did not answer on UDP " + port);
    }

    String events() throws IOException {
        Path log = dir.resolve("events.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    void clearEvents() throws IOException {
        Files.deleteIfExists(dir.resolve("events.log"));
    }

    /** While stuck, the chassis takes power commands but its power does not change. */
    void setStuck(boolean stuck) throws IOException {
        if (stuck) {
            Files.writeString(dir.resolve("stuck"), "");
        } else {
            Files.deleteIfExists(dir.resolve("stuck"));
        }
    }

    void setPower(boolean on) throws IOException {
        Files.writeString(dir.resolve("power"), on ? "1\n" : "0\n");
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM ends ipmi_sim at once
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freeUdpPort() throws IOException {
        // ipmi_sim binds with address reuse, so a busy port would not even fail: take one the kernel says is free.
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
