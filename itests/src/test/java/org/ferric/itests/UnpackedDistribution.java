package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution unpacked and started by its own scripts, as an operator does, for the tests
 * that Pax Exam cannot run: Pax Exam starts Karaf with its own java command line, not bin/karaf.
 */
final class UnpackedDistribution {
    final Path home;
    private Process karaf;

    /** Unpacks a fresh copy into target/{@code name}, answering on its own HTTP and ssh ports. */
    UnpackedDistribution(String name, int httpPort, int sshPort) throws Exception {
        Path dir = Path.of("target", name).toAbsolutePath();
        if (Files.exists(dir)) {
            // A previous run's database would still hold its nodes.
            run(dir.getParent(), "rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        run(dir, "tar", "xzf", new File(System.getProperty("ferric.assembly")).getAbsolutePath(), "-C", dir.toString());
        try (var entries = Files.list(dir)) {
            home = entries.filter(p -> p.getFileName().toString().startsWith("ferric-assembly-")).findFirst().orElseThrow();
        }
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + httpPort + "\n");
        replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + sshPort);
    }

    void replace(String file, String from, String to) throws IOException {
        Path path = home.resolve(file);
        String s = Files.readString(path);
        if (!s.contains(from)) {
            throw new IllegalStateException(path + " has no '" + from + "'");
        }
        Files.writeString(path, s.replace(from, to));
    }

    static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(String.join(" ", command), 0, p.waitFor());
    }

    /** {@code bin/karaf server} (bin/setenv's JVM options apply), in the background; its output goes to console.out. */
    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile())).redirectErrorStream(true);
        karaf = pb.start();
    }

    /** The JVM that bin/karaf started (the script waits for it, to restart it on request). */
    ProcessHandle jvm() {
        return karaf.descendants().filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst()
                .orElseThrow(() -> new AssertionError("bin/karaf runs no java process"));
    }

    boolean running() {
        return karaf != null && karaf.isAlive();
    }

    /** bin/stop, then waits until the script and its JVM are gone. */
    void stop() throws Exception {
        run(home, home.resolve("bin/stop").toString());
        assertTrue("Karaf did not stop within 120 s", karaf.waitFor(120, TimeUnit.SECONDS));
    }

    /** SIGKILL to the script and its JVM: no shutdown hooks, nothing written at exit. */
    void kill() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(karaf.descendants().toList());
        all.add(karaf.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        assertTrue("karaf died", karaf.waitFor(30, TimeUnit.SECONDS));
        for (ProcessHandle h : all) {
            h.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
