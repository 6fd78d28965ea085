package org.ferric.db.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A test database, the persistence unit {@code ferric} over it and a {@link DbApiImpl}, all outside
 * OSGi. Counts the SQL statements prepared through it, to catch N+1 queries.
 *
 * <p>Which database: {@code -Dferric.db.test=derby} (the default: embedded Derby, in memory or in
 * files) or {@code -Dferric.db.test=postgresql} (one database per test on this JVM's throwaway
 * {@link PostgresServer}); bundles/db's pom runs the whole suite once for each.
 */
final class TestDatabase implements AutoCloseable {
    static {
        System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toAbsolutePath().toString());
    }

    /** The database the tests run on. */
    static final String KIND = System.getProperty("ferric.db.test", "derby").strip().toLowerCase(Locale.ROOT);

    static {
        if (!KIND.equals("derby") && !KIND.equals("postgresql")) {
            throw new IllegalStateException("-Dferric.db.test must be derby or postgresql, not " + KIND);
        }
    }

    final String databaseName;
    /** The database without statement counting, for a test's own checks. */
    final DataSource direct;
    /** What the DB API gets: {@link #direct}, counting the statements prepared. */
    final DataSource dataSource;
    final AtomicInteger statements = new AtomicInteger();
    private final Runnable shutdown;
    private EntityManagerFactory emf;
    DbApiImpl db;

    private TestDatabase(String databaseName, DataSource direct, Runnable shutdown) {
        this.databaseName = databaseName;
        this.direct = direct;
        this.shutdown = shutdown;
        this.dataSource = counting(direct, statements);
    }

    static boolean postgresql() {
        return KIND.equals("postgresql");
    }

    /** A fresh, empty database, not yet migrated; {@link #close()} deletes it. */
    static TestDatabase inMemory() {
        if (postgresql()) {
            String name = "ferric_" + UUID.randomUUID().toString().replace("-", "");
            return onPostgresql(name, true);
        }
        return derby("memory:ferric-" + UUID.randomUUID());
    }

    /**
     * A database that survives {@link #close()}: Derby's files under {@code dir}, or on PostgreSQL a
     * database named after {@code dir} (kept until the test server stops).
     */
    static TestDatabase inDirectory(Path dir) {
        if (postgresql()) {
            String name = "ferric_" + dir.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            return onPostgresql(name.length() > 63 ? name.substring(0, 63) : name, false);
        }
        return derby(dir.toAbsolutePath().toString());
    }

    private static TestDatabase derby(String databaseName) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(databaseName);
        derby.setCreateDatabase("create");
        return new TestDatabase(databaseName, derby, () -> {
            // Derby: shut the database down as a process exit would, dropping an in-memory one
            EmbeddedDataSource down = new EmbeddedDataSource();
            down.setDatabaseName(databaseName);
            down.setConnectionAttributes(databaseName.startsWith("memory:") ? "drop=true" : "shutdown=true");
            try {
                down.getConnection().close();
            } catch (SQLException expected) {
                // Derby reports a successful shutdown or drop as an exception
            }
        });
    }

    private static TestDatabase onPostgresql(String name, boolean dropOnClose) {
        PostgresServer server = PostgresServer.get();
        server.createDatabase(name);
        return new TestDatabase(name, server.dataSource(name), dropOnClose ? () -> server.dropDatabase(name) : () -> { });
    }

    /** Opens the persistence unit and activates the component (which migrates the schema). */
    TestDatabase open() {
        emf = Persistence.createEntityManagerFactory("ferric", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        db = new DbApiImpl(new TestJpaTemplate(emf), dataSource);
        return this;
    }

    /** Closes the persistence unit and shuts the database down (deleting a fresh one), as a process exit would. */
    @Override
    public void close() {
        if (emf != null) {
            emf.close();
            emf = null;
        }
        shutdown.run();
    }

    private static DataSource counting(DataSource target, AtomicInteger statements) {
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            if (result instanceof Connection c) {
                return Proxy.newProxyInstance(TestDatabase.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            if (m.getName().startsWith("prepare")) {
                                statements.incrementAndGet();
                            }
                            return invoke(m, c, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(TestDatabase.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, connections);
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
