package org.ferric.db.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A Derby database, the persistence unit {@code ferric} over it and a {@link DbApiImpl}, all outside
 * OSGi. Counts the SQL statements prepared through it, to catch N+1 queries.
 */
final class TestDatabase implements AutoCloseable {
    static {
        System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toAbsolutePath().toString());
    }

    final String databaseName;
    final EmbeddedDataSource derby;
    final DataSource dataSource;
    final AtomicInteger statements = new AtomicInteger();
    private EntityManagerFactory emf;
    DbApiImpl db;

    private TestDatabase(String databaseName) {
        this.databaseName = databaseName;
        this.derby = new EmbeddedDataSource();
        derby.setDatabaseName(databaseName);
        derby.setCreateDatabase("create");
        this.dataSource = counting(derby, statements);
    }

    /** A fresh in-memory database, not yet migrated. */
    static TestDatabase inMemory() {
        return new TestDatabase("memory:ferric-" + UUID.randomUUID());
    }

    /** A database in files under {@code dir}, which survives {@link #close()}. */
    static TestDatabase inDirectory(Path dir) {
        return new TestDatabase(dir.toAbsolutePath().toString());
    }

    /** Opens the persistence unit and activates the component (which migrates the schema). */
    TestDatabase open() {
        emf = Persistence.createEntityManagerFactory("ferric", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        db = new DbApiImpl(new TestJpaTemplate(emf), dataSource);
        return this;
    }

    /** Closes the persistence unit and shuts the Derby database down, as a process exit would. */
    @Override
    public void close() {
        if (emf != null) {
            emf.close();
            emf = null;
        }
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(databaseName);
        shutdown.setConnectionAttributes(databaseName.startsWith("memory:") ? "drop=true" : "shutdown=true");
        try {
            shutdown.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown or drop as an exception
        }
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
