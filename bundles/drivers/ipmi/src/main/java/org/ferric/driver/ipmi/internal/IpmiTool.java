package org.ferric.driver.ipmi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ferric.driver.api.DriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code ipmitool} the way Ironic's {@code _exec_ipmitool} does: the password in a 0600 file
 * given with {@code -f} (never on the command line, where {@code ps} shows it), one command per BMC
 * at a time and at least {@code min_command_interval} apart, failed calls retried until
 * {@code command_retry_timeout}, and a process that does not end killed.
 */
final class IpmiTool {
    private static final Logger LOG = LoggerFactory.getLogger(IpmiTool.class);

    /** Ironic's IPMITOOL_RETRYABLE_FAILURES. */
    static final List<String> RETRYABLE_FAILURES = List.of("insufficient resources for session", "Node busy",
            "Timeout", "Out of space", "BMC initialization in progress");

    /**
     * Completion codes that a retry cannot change. Ironic retries them too, which only makes the
     * user wait command_retry_timeout for the same answer.
     */
    static final List<String> PERMANENT_FAILURES = List.of("Invalid command", "Invalid data field in request",
            "Command not supported", "Parameter not supported", "Invalid boot device");

    /**
     * ipmitool exits 0 on some failures (e.g. {@code chassis bootdev} rejected by the BMC) and only
     * says so on stderr.
     */
    private static final Pattern STDERR_FAILURE = Pattern.compile("(?i)\\bfailed\\b|^error|unable to");

    private final IpmiSettings settings;
    private final Map<String, ReentrantLock> bmcLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCommand = new ConcurrentHashMap<>();
    private final ExecutorService streamReaders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ipmitool-output");
        t.setDaemon(true);
        return t;
    });

    IpmiTool(IpmiSettings settings) {
        this.settings = settings;
    }

    IpmiSettings settings() {
        return settings;
    }

    void close() {
        streamReaders.shutdownNow();
    }

    /** What ipmitool printed. */
    record Output(String stdout, String stderr) {
    }

    Output run(DriverInfo info, String... command) throws DriverException {
        return run(info, Set.of(0), List.of(command));
    }

    /**
     * Runs one ipmitool command, retrying as Ironic does.
     *
     * @param okExitCodes exit codes that count as success (Ironic's check_exit_code)
     */
    Output run(DriverInfo info, Set<Integer> okExitCodes, List<String> command) throws DriverException {
        String what = String.join(" ", command);
        ReentrantLock lock = bmcLocks.computeIfAbsent(info.bmcKey(), k -> new ReentrantLock(true));
        try {
            if (!lock.tryLock(settings.commandRetryTimeout().plus(processTimeout()).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DriverException("IPMI command \"" + what + "\" for node " + info.uuid()
                        + " not sent: the BMC " + info.bmcKey() + " stayed busy with other commands.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while waiting for the BMC " + info.bmcKey(), e);
        }
        try {
            return runLocked(info, okExitCodes, command, what);
        } finally {
            lock.unlock();
        }
    }

    private Output runLocked(DriverInfo info, Set<Integer> okExitCodes, List<String> command, String what)
            throws DriverException {
        long interval = settings.minCommandInterval().toNanos();
        long deadline = System.nanoTime() + settings.commandRetryTimeout().toNanos();
        long triesLeft = interval == 0 ? Long.MAX_VALUE
                : Math.max(settings.commandRetryTimeout().toNanos() / interval, 1);
        while (true) {
            triesLeft--;
            pace(info.bmcKey(), interval);
            Failure failure;
            try {
                return attempt(info, okExitCodes, command, what);
            } catch (Failure f) {
                failure = f;
            } finally {
                lastCommand.put(info.bmcKey(), System.nanoTime());
            }
            boolean retryable = !isPermanent(failure.getMessage())
                    && (!settings.useIpmitoolRetries() || isTransient(failure.getMessage()));
            if (!retryable || triesLeft <= 0 || System.nanoTime() > deadline) {
                LOG.warn("IPMI error on \"{}\" for node {}: {}", what, info.uuid(), failure.getMessage());
                throw new DriverException("IPMI call \"" + what + "\" to " + info.bmcKey() + " failed for node "
                        + info.uuid() + ": " + failure.getMessage());
            }
            LOG.info("IPMI error on \"{}\" for node {}, retrying: {}", what, info.uuid(), failure.getMessage());
            if (interval == 0) {
                sleep(50_000_000L);
            }
        }
    }

    private boolean isTransient(String message) {
        return RETRYABLE_FAILURES.stream().anyMatch(message::contains)
                || settings.additionalRetryableErrors().stream().anyMatch(message::contains);
    }

    private static boolean isPermanent(String message) {
        return PERMANENT_FAILURES.stream().anyMatch(message::contains);
    }

    private void pace(String bmc, long intervalNanos) {
        Long last = lastCommand.get(bmc);
        if (last != null) {
            long wait = last + intervalNanos - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One failed run of ipmitool; its message is ipmitool's own error text. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private Output attempt(DriverInfo info, Set<Integer> okExitCodes, List<String> command, String what)
            throws Failure, DriverException {
        Path pwFile = passwordFile(info.password());
        Process process = null;
        try {
            List<String> argv = commandLine(info, pwFile, command);
            LOG.debug("Running {}", argv);
            ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("LC_ALL", "C");
            process = pb.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            Duration timeout = processTimeout();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new Failure("ipmitool did not finish within " + timeout.toSeconds() + " s and was killed");
            }
            String stdout = out.get(5, TimeUnit.SECONDS);
            String stderr = hide(err.get(5, TimeUnit.SECONDS), info.password());
            int rc = process.exitValue();
            LOG.debug("\"{}\" for node {}: rc={} stdout={} stderr={}", what, info.uuid(), rc, stdout, stderr);
            if (!okExitCodes.contains(rc)) {
                throw new Failure(describe(stderr, "exit code " + rc));
            }
            String failedLines = failureLines(stderr);
            if (rc == 0 && !failedLines.isEmpty()) {
                throw new Failure(failedLines);
            }
            return new Output(stdout, stderr);
        } catch (IOException e) {
            throw new DriverException("Cannot run " + settings.ipmitoolPath() + " (is the ipmitool package installed?): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while running ipmitool " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Failure("could not read ipmitool's output: " + e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(pwFile);
        }
    }

    /** The stderr lines that report a failure, ignoring ipmitool's noise (e.g. a rejected "boot info acknowledge"). */
    static String failureLines(String stderr) {
        return stderr.lines().map(String::strip)
                .filter(l -> STDERR_FAILURE.matcher(l).find())
                .filter(l -> !l.contains("Boot Parameter 4"))
                .collect(Collectors.joining("; "));
    }

    private static String describe(String stderr, String fallback) {
        String text = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("; "));
        return text.isEmpty() ? fallback : text;
    }

    private static String hide(String text, String password) {
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    private Duration processTimeout() {
        // -R 1 -N n lets ipmitool itself wait about 2n seconds for a dead BMC; give it that and some more.
        Duration ipmitoolOwn = Duration.ofSeconds(2L * timingInterval() * (retriesArgument() + 1) + 5);
        return settings.commandRetryTimeout().compareTo(ipmitoolOwn) > 0 ? settings.commandRetryTimeout() : ipmitoolOwn;
    }

    /**
     * The full command line. The password is only referred to by the file name.
     */
    List<String> commandLine(DriverInfo info, Path passwordFile, List<String> command) {
        List<String> args = connectionArguments(settings, info);
        args.addAll(timingArguments());
        args.add("-f");
        args.add(passwordFile.toString());
        args.addAll(command);
        return args;
    }

    /** ipmitool and its connection options (Ironic's {@code _get_ipmitool_args}), without any secret. */
    static List<String> connectionArguments(IpmiSettings settings, DriverInfo info) {
        List<String> args = new ArrayList<>();
        args.add(settings.ipmitoolPath());
        boolean v2 = info.protocolVersion().equals("2.0");
        args.addAll(List.of("-I", v2 ? "lanplus" : "lan", "-H", info.address(), "-L", info.privLevel()));
        if (info.port() != null) {
            args.addAll(List.of("-p", info.port().toString()));
        }
        if (info.username() != null) {
            args.addAll(List.of("-U", info.username()));
        }
        if (info.hexKgKey() != null) {
            // The Kg key is a secret too, but ipmitool only takes it on the command line.
            args.addAll(List.of("-y", info.hexKgKey()));
        }
        if (v2) {
            // Always give a suite: without one ipmitool first asks the BMC which it supports, and
            // some BMCs never answer, costing every call its full retry time.
            int suite = info.cipherSuite() != null ? info.cipherSuite() : settings.defaultCipherSuite();
            args.addAll(List.of("-C", Integer.toString(suite)));
        }
        DriverInfo.Bridging b = info.bridging();
        addIf(args, "-m", b.localAddress());
        addIf(args, "-B", b.transitChannel());
        addIf(args, "-T", b.transitAddress());
        addIf(args, "-b", b.targetChannel());
        addIf(args, "-t", b.targetAddress());
        if (settings.debug()) {
            args.add("-v");
        }
        return args;
    }

    /** Ironic's {@code _ipmitool_timing_args}. */
    List<String> timingArguments() {
        return List.of("-R", Integer.toString(retriesArgument()), "-N", Long.toString(timingInterval()));
    }

    private int retriesArgument() {
        if (!settings.useIpmitoolRetries()) {
            return 1;
        }
        long timeout = settings.commandRetryTimeout().toSeconds();
        long interval = timingInterval();
        int tries = 0;
        long duration = 0;
        while (duration + interval <= timeout) {
            duration += interval;
            interval++; // ipmitool adds a second to the interval at each attempt
            tries++;
        }
        return Math.max(tries, 1);
    }

    /** ipmitool takes whole seconds, and 0 would mean no wait for an answer at all. */
    private long timingInterval() {
        long ms = settings.minCommandInterval().toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }

    private static void addIf(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }

    /**
     * A file only the owner can read, created with those permissions (no window in which it is
     * world-readable). ipmitool prompts for a password without one, so an empty password becomes
     * a NUL character, as in Ironic.
     */
    static Path passwordFile(String password) throws DriverException {
        try {
            Path f = Files.createTempFile("ferric-ipmi-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, password == null || password.isEmpty() ? "\0" : password, StandardCharsets.UTF_8);
            return f;
        } catch (IOException | UnsupportedOperationException e) {
            throw new DriverException("Cannot create the temporary password file for ipmitool: " + e.getMessage());
        }
    }

    static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.warn("Could not delete the ipmitool password file {}: {}", f, e.toString());
        }
    }

    private CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, streamReaders);
    }

}
