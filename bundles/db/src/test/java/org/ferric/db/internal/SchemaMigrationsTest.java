package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.util.stream.Stream;

import org.ferric.db.api.DbException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {
    private final TestDatabase database = TestDatabase.inMemory();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void appliesEachScriptOnceAndRecordsIt() throws SQLException {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), new SchemaMigrations(database.dataSource).migrate());
        assertEquals(List.of(), new SchemaMigrations(database.dataSource).migrate());

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), versions());
        assertTrue(tableExists("NODES"));
        assertTrue(tableExists("NODE_HISTORY"));
        assertTrue(tableExists("NODE_TRAITS"));
    }

    @Test
    void activationAfterMigrationAppliesNothing() throws SQLException {
        database.open();
        List<Integer> second = new SchemaMigrations(database.dataSource).migrate();

        assertEquals(List.of(), second);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), versions());
    }

    @Test
    void runsOnTheDatabaseTheBuildAskedFor() throws SQLException {
        try (Connection c = database.direct.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            assertEquals(TestDatabase.postgresql() ? SqlDialect.POSTGRESQL : SqlDialect.DERBY, SqlDialect.forProduct(product), product);
        }
    }

    /** Several conductors may start at once against one shared database: each script still runs once. */
    @RepeatedTest(3)
    void instancesMigratingAtOnceApplyEachScriptOnce() throws Exception {
        int instances = 3;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> applied = new ArrayList<>();
        try {
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return new SchemaMigrations(database.dataSource).migrate();
                }));
            }
            start.countDown();
            for (Future<List<Integer>> run : runs) {
                applied.addAll(run.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        applied.sort(null);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), applied);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), versions());
    }

    @Test
    void laterScriptIsAppliedOnTopOfEarlierOnes() throws SQLException {
        new SchemaMigrations(database.dataSource).migrate();

        List<Integer> applied = new SchemaMigrations(database.dataSource,
                Stream.concat(SchemaMigrations.SCRIPTS.stream(), Stream.of("V901__test_extra.sql")).toList()).migrate();

        assertEquals(List.of(901), applied);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 901), versions());
        try (Connection c = database.direct.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT note FROM test_extra")) {
            assertTrue(rs.next());
            assertEquals("added by V002", rs.getString(1));
        }
    }

    @Test
    void failedScriptLeavesNothingBehindAndIsNotRecorded() throws SQLException {
        SchemaMigrations broken = new SchemaMigrations(database.dataSource,
                List.of("V001__initial.sql", "V902__test_broken.sql"));

        DbException e = assertThrows(DbException.class, broken::migrate);

        assertTrue(e.getMessage().contains("V902__test_broken.sql"), e.getMessage());
        assertEquals(List.of(1), versions());
        assertFalse(tableExists("TEST_HALF"), "the first statement of the failed script must be rolled back");
    }

    @Test
    void rejectsScriptsOutOfOrder() {
        SchemaMigrations wrong = new SchemaMigrations(database.dataSource,
                List.of("V901__test_extra.sql", "V001__initial.sql"));

        assertThrows(DbException.class, wrong::migrate);
    }

    @Test
    void splitsStatementsAtLineEndSemicolonsAndDropsComments() {
        List<String> statements = SchemaMigrations.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (
                    x INTEGER
                );

                CREATE INDEX ix ON a (x);
                """);

        assertEquals(List.of("CREATE TABLE a (\nx INTEGER\n)", "CREATE INDEX ix ON a (x)"), statements);
    }

    @Test
    void substitutesTypesPerDatabase() {
        String sql = "CREATE TABLE t (id ${ID} PRIMARY KEY, doc ${TEXT}, ok ${BOOLEAN}, at ${TIMESTAMP})";

        assertEquals("CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, doc CLOB, ok BOOLEAN, at TIMESTAMP)",
                SqlDialect.forProduct("Apache Derby").substitute(sql));
        assertEquals("CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, doc TEXT, ok BOOLEAN, at TIMESTAMP)",
                SqlDialect.forProduct("PostgreSQL").substitute(sql));
        assertThrows(DbException.class, () -> SqlDialect.DERBY.substitute("x ${JSONB}"));
        assertThrows(DbException.class, () -> SqlDialect.forProduct("MySQL"));
    }

    @Test
    void aScriptForOneDatabaseRunsThereAlone() {
        String derbyOnly = "-- only on: derby\n-- why\nALTER TABLE t ADD COLUMN c INTEGER;\n";

        assertTrue(SqlDialect.DERBY.runs(derbyOnly));
        assertFalse(SqlDialect.POSTGRESQL.runs(derbyOnly));
        assertTrue(SqlDialect.POSTGRESQL.runs("-- a comment\nCREATE TABLE t (x INTEGER);\n"));
    }

    @Test
    void v005KeepsTheNodesTextsAndMakesThemVarcharOnDerby() throws SQLException {
        SchemaMigrations upToV004 = new SchemaMigrations(database.dataSource, SchemaMigrations.SCRIPTS.subList(0, 4));
        upToV004.migrate();
        try (Connection c = database.direct.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO nodes (created_at, uuid, driver, driver_info, extra, last_error, description, instance_info)"
                    + " VALUES (CURRENT_TIMESTAMP, '0b4d3a52-7a4c-4c1a-9d1b-6c1e2b3f4a50', 'fake-hardware', '{\"ipmi_address\": \"10.0.0.1\"}',"
                    + " '{\"rack\": 7}', 'it broke', 'a node', '{\"image_source\": \"http://x/img\"}')");
        }

        assertEquals(List.of(5), new SchemaMigrations(database.dataSource, SchemaMigrations.SCRIPTS.subList(0, 5)).migrate());

        try (Connection c = database.direct.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT driver_info, extra, last_error, description, instance_info, properties FROM nodes")) {
            assertTrue(rs.next());
            assertEquals("{\"ipmi_address\": \"10.0.0.1\"}", rs.getString(1));
            assertEquals("{\"rack\": 7}", rs.getString(2));
            assertEquals("it broke", rs.getString(3));
            assertEquals("a node", rs.getString(4));
            assertEquals("{\"image_source\": \"http://x/img\"}", rs.getString(5));
            assertNull(rs.getString(6));
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            int extraType = meta.getColumnType(2);
            int instanceInfoType = meta.getColumnType(5);
            if (TestDatabase.postgresql()) {
                assertEquals(java.sql.Types.VARCHAR, extraType, "TEXT, untouched");
            } else {
                assertEquals(java.sql.Types.VARCHAR, extraType);
                assertEquals(java.sql.Types.CLOB, instanceInfoType, "instance_info stays CLOB");
            }
        }
    }

    @Test
    void versionComesFromTheScriptName() {
        assertEquals(12, SchemaMigrations.versionOf("V012__add_allocations.sql"));
        assertThrows(DbException.class, () -> SchemaMigrations.versionOf("012_add_allocations.sql"));
    }

    private List<Integer> versions() throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = database.direct.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM ferric_schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = database.direct.getConnection()) {
            // Derby stores unquoted names in upper case, PostgreSQL in lower case
            DatabaseMetaData md = c.getMetaData();
            String stored = md.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
            try (ResultSet rs = md.getTables(null, null, stored, new String[] {"TABLE"})) {
                return rs.next();
            }
        }
    }
}
