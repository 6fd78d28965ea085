package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

/**
 * The distribution as an operator runs it: bin/karaf, bin/client, bin/stop. bin/karaf differs from
 * Pax Exam's command line on purpose (java.base is not patched, so that class-data sharing works),
 * so this is where that mode is proven: the API answers, a driver feature comes and goes from the
 * ssh console, a clean stop writes the class archive, the next start maps it, and a damaged archive
 * is written again instead of crashing the JVM.
 */
public class DistributionScriptsIT {
    private static final int PORT = 27385;
    private static final int SSH_PORT = 27101;

    private UnpackedDistribution distribution;

    @After
    public void stop() throws Exception {
        if (distribution != null && distribution.running()) {
            distribution.kill();
        }
    }

    private static boolean listsDriver(Http.Answer a, String driver) {
        return a.status() == 200 && a.body().get("drivers").findValuesAsText("name").contains(driver);
    }

    /** One command through bin/client over ssh, as `./ferric console` does; it must succeed. */
    private void console(String command) throws Exception {
        Path out = Files.createTempFile(distribution.home, "client", ".out");
        // stdin stays an open pipe: the client hangs up as soon as its input ends, before the answer
        Process client = new ProcessBuilder(distribution.home.resolve("bin/client").toString(), "-a", String.valueOf(SSH_PORT),
                "-u", "karaf", "-p", "karaf", "-r", "30", "-d", "1", command).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertTrue("bin/client did not return: " + command, client.waitFor(120, TimeUnit.SECONDS));
        String printed = Files.readString(out);
        assertEquals(command + " printed " + printed, 0, client.exitValue());
    }

    private static String commandLine(ProcessHandle jvm) throws Exception {
        return Files.readString(Path.of("/proc", String.valueOf(jvm.pid()), "cmdline")).replace('\0', ' ');
    }

    @Test
    public void startsFromItsScriptsChangesDriversFromTheConsoleAndStartsAgainFromTheClassArchive() throws Exception {
        distribution = new UnpackedDistribution("scripts-test", PORT, SSH_PORT);
        Http http = new Http(PORT);
        distribution.start();
        http.await("/v1/drivers", a -> listsDriver(a, "redfish"), Duration.ofSeconds(180));

        String first = commandLine(distribution.jvm());
        assertFalse(first, first.contains("--patch-module"));
        assertTrue("the first run writes the archive at exit: " + first, first.contains("-XX:ArchiveClassesAtExit="));

        // hot removal and installation of a driver bundle, from the operator's console
        console("feature:uninstall ferric-driver-redfish");
        http.await("/v1/drivers", a -> a.status() == 200 && !listsDriver(a, "redfish"), Duration.ofSeconds(60));
        console("feature:install ferric-driver-redfish");
        http.await("/v1/drivers", a -> listsDriver(a, "redfish"), Duration.ofSeconds(60));
        assertEquals(201, http.post("/v1/nodes", Map.of("driver", "redfish", "name", "scripts-0")).status());

        distribution.stop();
        Path cds = distribution.home.resolve("data/cds");
        List<Path> archives;
        try (var files = Files.list(cds)) {
            archives = files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
        assertEquals("one class archive in " + cds, 1, archives.size());
        assertTrue(archives + " is too small to hold the classes", Files.size(archives.get(0)) > 10_000_000);

        distribution.start();
        http.await("/v1/nodes/scripts-0", a -> a.status() == 200, Duration.ofSeconds(180));
        ProcessHandle jvm = distribution.jvm();
        String second = commandLine(jvm);
        assertTrue(second, second.contains("-XX:SharedArchiveFile=" + archives.get(0)));
        // mapped means the JVM accepted the archive; a refused one is silently left out
        String maps = Files.readString(Path.of("/proc", String.valueOf(jvm.pid()), "maps"));
        assertTrue("the JVM did not map " + archives.get(0), maps.contains(archives.get(0).toString()));

        // A JVM that maps a truncated archive dies of SIGBUS before Karaf starts; bin/setenv must
        // notice one (as a kill while the archive is written leaves it) and write it again instead.
        distribution.stop();
        Path archive = archives.get(0);
        archive.toFile().setWritable(true);
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(archive) / 2);
        }
        distribution.start();
        http.await("/v1/nodes/scripts-0", a -> a.status() == 200, Duration.ofSeconds(180));
        String third = commandLine(distribution.jvm());
        assertTrue("a truncated archive is written again: " + third, third.contains("-XX:ArchiveClassesAtExit=" + archive));
    }
}
