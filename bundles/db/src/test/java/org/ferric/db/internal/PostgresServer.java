package org.ferric.db.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL server for the tests, one per test JVM: {@code initdb} into a fresh
 * directory under {@code java.io.tmpdir}, started with {@code pg_ctl} on a free port of 127.0.0.1
 * (its Unix socket in that directory too), without fsync. A system PostgreSQL is never touched. The
 * server is stopped ({@code pg_ctl stop -m immediate}) and its directory deleted when the JVM exits; a
 * server left behind by a JVM that was killed is stopped by the next run.
 *
 * <p>The binaries come from Debian's {@code postgresql} package ({@code /usr/lib/postgresql/<ver>/bin},
 * the newest version there) or from {@code -Dferric.pg.bin=DIR}. The databases use the C locale
 * (Derby's order: by code point) unless {@code -Dferric.pg.locale} names another, or
 * {@code -Dferric.pg.icu=en-US} (for example) collates with ICU (PostgreSQL 15+). {@code initdb} refuses to run as
 * root, so as root every PostgreSQL command runs as the user {@code postgres} (which the package
 * creates) through {@code runuser}, or else {@code setpriv}.
 *
 * <p>Public, and shipped in this module's test jar, for the integration tests that run the
 * distribution on PostgreSQL ({@code itests}).
 */
public final class PostgresServer {
    public static final String INSTALL_HINT = "apt-get install postgresql";
    /** The superuser that initdb creates; trusted, the server listens on 127.0.0.1 only. */
    public static final String USER = "ferric";

    private static final String DIR_PREFIX = "ferric-pg-test-";
    private static final String OS_USER = "postgres";
    private static PostgresServer instance;

    private final Path bin;
    private final List<String> runAs;
    private final Path dir;
    private final Path data;
    private final int port;
    private boolean stopped;

    private PostgresServer(Path bin, List<String> runAs, Path dir, Path data, int port) {
        this.bin = bin;
        this.runAs = runAs;
        this.dir = dir;
        this.data = data;
        this.port = port;
    }

    /** The server of this JVM, started on first use. Fails, naming the package, if PostgreSQL is missing. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-test-postgresql"));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** A data source for {@code database} on this server, as the user {@link #USER}. */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(USER);
        return ds;
    }

    /** Creates an empty database, unless it exists already. */
    public void createDatabase(String name) {
        admin("CREATE DATABASE " + name, st -> {
            boolean exists;
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                st.execute("CREATE DATABASE \"" + name + "\"");
            }
        });
    }

    /** Drops a database, closing whatever connections are still open to it. */
    public void dropDatabase(String name) {
        admin("DROP DATABASE " + name, st -> st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"));
    }

    private interface SqlWork {
        void run(Statement st) throws SQLException;
    }

    private void admin(String what, SqlWork work) {
        try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            work.run(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL on port " + port + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private static PostgresServer start() {
        Path bin = binaries();
        List<String> runAs = runAsPrefix();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        stopLeftovers(tmp, bin, runAs);
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory(tmp, DIR_PREFIX);
                Files.writeString(dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
                if (!runAs.isEmpty()) {
                    giveTo(dir, OS_USER);
                }
                Path data = dir.resolve("data");
                PostgresServer server = new PostgresServer(bin, runAs, dir, data, freePort());
                server.initdbAndStart();
                return server;
            } catch (IllegalStateException e) {
                failure = e;
                deleteTree(dir);
                if (!e.getMessage().contains("already in use")) {
                    break; // only a lost race for the port is worth another try
                }
            } catch (IOException e) {
                deleteTree(dir);
                throw new UncheckedIOException("Cannot prepare a directory for the test PostgreSQL", e);
            }
        }
        throw failure;
    }

    private void initdbAndStart() {
        List<String> initdb = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "--encoding=UTF8", "--locale=" + System.getProperty("ferric.pg.locale", "C"), "--no-sync",
                "--no-instructions"));
        String icu = System.getProperty("ferric.pg.icu", "");
        if (!icu.isBlank()) {
            initdb.addAll(List.of("--locale-provider=icu", "--icu-locale=" + icu));
        }
        run(initdb, "initdb", 120);
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='" + dir + "'"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", options, "start"), "pg_ctl start", 90);
    }

    /** Stops the server at once (it holds nothing worth a clean shutdown) and deletes its directory. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            stopServer(bin, runAs, data);
        } finally {
            deleteTree(dir);
        }
    }

    private static void stopServer(Path bin, List<String> runAs, Path data) {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                exec(runAs, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop"), "pg_ctl stop", 60);
            } catch (IllegalStateException e) {
                System.err.println("Could not stop the test PostgreSQL in " + data + ": " + e.getMessage());
            }
        }
    }

    /** Stops and deletes the servers of test JVMs that died before their shutdown hook ran. */
    private static void stopLeftovers(Path tmp, Path bin, List<String> runAs) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
            for (Path dir : dirs) {
                try {
                    long owner = Long.parseLong(Files.readString(dir.resolve("owner.pid")).strip());
                    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (IOException | NumberFormatException e) {
                    // no owner recorded: not ours, or half made; leave it
                    continue;
                }
                stopServer(bin, runAs, dir.resolve("data"));
                deleteTree(dir);
            }
        } catch (IOException e) {
            // nothing to clean up
        }
    }

    private void run(List<String> command, String what, int timeoutSeconds) {
        try {
            exec(runAs, command, what, timeoutSeconds);
        } catch (IllegalStateException e) {
            String log = "";
            try {
                Path serverLog = dir.resolve("server.log");
                if (Files.exists(serverLog)) {
                    log = "\nserver.log:\n" + Files.readString(serverLog);
                }
            } catch (IOException ignored) {
                // the message without the log
            }
            throw new IllegalStateException(e.getMessage() + log, e);
        }
    }

    private static String exec(List<String> runAs, List<String> command, String what, int timeoutSeconds) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        File out = null;
        try {
            out = File.createTempFile("ferric-pg-cmd-", ".out");
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("PG"));
            env.put("LC_ALL", "C");
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeoutSeconds + " s: " + full);
            }
            String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + full + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be run: " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } finally {
            if (out != null) {
                out.delete();
            }
        }
    }

    /** {@code -Dferric.pg.bin}, else the newest {@code /usr/lib/postgresql/<ver>/bin}. */
    private static Path binaries() {
        String configured = System.getProperty("ferric.pg.bin");
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
                throw new IllegalStateException("-Dferric.pg.bin=" + configured + " has no initdb and pg_ctl");
            }
            return bin;
        }
        Path root = Path.of("/usr/lib/postgresql");
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                newest = versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingDouble(b -> Double.parseDouble(b.getParent().getFileName().toString())));
            } catch (IOException e) {
                // reported below
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: the bundles/db tests"
                + " on PostgreSQL need initdb and pg_ctl from /usr/lib/postgresql/<version>/bin. Install Debian's"
                + " package: " + INSTALL_HINT + " (or point -Dferric.pg.bin at a bin directory, or leave these tests"
                + " out explicitly with -Dferric.db.skipPostgresql=true)"));
    }

    /** Nothing for a normal user; as root, how to run a command as {@code postgres}. */
    private static List<String> runAsPrefix() {
        String uid;
        try {
            uid = exec(List.of(), List.of("id", "-u"), "id -u", 10).strip();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot tell whether the tests run as root: " + e.getMessage(), e);
        }
        if (!"0".equals(uid)) {
            return List.of();
        }
        try {
            exec(List.of(), List.of("id", "-u", OS_USER), "id -u " + OS_USER, 10);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The tests run as root, where initdb refuses to run, and there is no user '"
                    + OS_USER + "' to run PostgreSQL as (Debian's package creates it: " + INSTALL_HINT + ")", e);
        }
        List<List<String>> candidates = new ArrayList<>();
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "runuser"))) {
                candidates.add(List.of(dir + "/runuser", "-u", OS_USER, "--"));
            }
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                candidates.add(List.of(dir + "/setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER, "--init-groups", "--"));
            }
        }
        StringBuilder tried = new StringBuilder();
        for (List<String> prefix : candidates) {
            try {
                exec(prefix, List.of("true"), prefix.get(0), 10);
                return prefix;
            } catch (IllegalStateException e) {
                tried.append("\n  ").append(e.getMessage().strip());
            }
        }
        throw new IllegalStateException("The tests run as root, where initdb refuses to run, and neither runuser nor"
                + " setpriv (Debian's util-linux) could run a command as '" + OS_USER + "'"
                + (tried.length() == 0 ? ": neither is installed" : ":" + tried));
    }

    private static void giveTo(Path dir, String user) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(user));
        GroupPrincipal group = users.lookupPrincipalByGroupName(user);
        view.setGroup(group);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
