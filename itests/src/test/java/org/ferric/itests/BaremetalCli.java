package org.ferric.itests;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's real {@code baremetal} CLI (python3-ironicclient) against the test distribution. */
final class BaremetalCli {
    static final String EXECUTABLE = "/usr/bin/baremetal";

    record Result(int exitCode, String stdout, String stderr) {
    }

    private final int port;

    BaremetalCli(int port) {
        this.port = port;
    }

    static boolean installed() {
        return new File(EXECUTABLE).canExecute();
    }

    Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE, "--os-endpoint", "http://127.0.0.1:" + port,
                "--os-auth-type", "none"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // Keep the caller's cloud settings out of the test.
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        File out = File.createTempFile("baremetal", ".out");
        File err = File.createTempFile("baremetal", ".err");
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("baremetal " + String.join(" ", args) + " did not finish in 120 s");
        }
        Result r = new Result(p.exitValue(), java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
        out.delete();
        err.delete();
        return r;
    }

    /** Runs and fails the test unless the command exits 0. */
    String ok(String... args) throws Exception {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("baremetal " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr() + r.stdout());
        }
        return r.stdout();
    }
}
