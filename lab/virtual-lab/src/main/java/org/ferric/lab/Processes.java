package org.ferric.lab;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * Processes the lab did not start itself (the ipmi agents are grandchildren of ipmi_sim), seen
 * through {@code /proc}. A zombie counts as gone: where PID 1 does not reap orphans (some containers),
 * a killed agent stays one.
 */
final class Processes {
    private Processes() {
    }

    /** Alive and not a zombie; a stopped (frozen) process is alive. */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The command line, arguments separated by spaces; empty for a process that is gone or a zombie. */
    static String cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The working directory, also when it was deleted since (the link then ends in " (deleted)"). */
    static Optional<Path> cwd(long pid) {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString();
            return Optional.of(Path.of(link.endsWith(" (deleted)") ? link.substring(0, link.length() - 10) : link));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code kill -s SIG target}; a target {@code -PGID} is a whole process group. The JDK sends only
     * TERM and KILL, to one process: bash's builtin does the rest (bash is there on Debian, procps may not be).
     */
    static void kill(String signal, String target) {
        run(List.of("bash", "-c", "kill -s \"$1\" -- \"$2\"", "kill", signal, target));
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean awaitGone(long pid, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > end) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    /** Every live process but this one and its ancestors (never kill the shell that started us). */
    static Set<Long> others() {
        Set<Long> spare = new HashSet<>();
        for (Optional<ProcessHandle> h = Optional.of(ProcessHandle.current()); h.isPresent(); h = h.get().parent()) {
            spare.add(h.get().pid());
        }
        Set<Long> out = new HashSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf).filter(pid -> !spare.contains(pid)).forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return out;
    }

    /** SIGKILLs every other process that {@code match}es and waits until they are gone. */
    static void killMatching(LongPredicate match) {
        List<Long> victims = others().stream().filter(match::test).toList();
        for (long pid : victims) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : victims) {
            awaitGone(pid, Duration.ofSeconds(5));
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
