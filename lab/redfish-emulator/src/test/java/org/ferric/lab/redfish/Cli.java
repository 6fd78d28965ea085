package org.ferric.lab.redfish;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of Debian's Redfish clients; a missing client fails the test instead of skipping it. */
final class Cli {
    record Result(int exit, String output) {
    }

    private Cli() {
    }

    static void require(String executable, String debianPackage) {
        assertTrue(Files.isExecutable(Path.of(executable)), executable + " is missing: apt-get install " + debianPackage);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        // Read before waiting, so that a chatty client never blocks on a full pipe.
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
