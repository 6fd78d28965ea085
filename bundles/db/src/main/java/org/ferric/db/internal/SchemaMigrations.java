package org.ferric.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.ferric.db.api.DbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with ordered SQL scripts from {@code /db/migrations/}.
 *
 * <p>The applied versions are recorded in {@code ferric_schema_version}; a script runs at most once
 * per database, in its own transaction together with its version row, so a failed script leaves
 * nothing behind and is retried at the next start. Scripts are listed in {@link #SCRIPTS} because a
 * bundle cannot list its own resources portably. See {@code bundles/db/README.md}.
 */
final class SchemaMigrations {

    /** Every migration in the order it is applied. Append only: never edit or reorder an applied script. */
    static final List<String> SCRIPTS = List.of(
            "V001__initial.sql",
            "V002__history_and_api_resources.sql",
            "V003__keyset_indexes.sql",
            "V004__direct_replaces_ramdisk_deploy.sql",
            "V005__derby_node_texts_as_varchar.sql",
            "V006__name_sort_index.sql",
            "V007__derby_name_desc_index.sql");

    static final String VERSION_TABLE = "ferric_schema_version";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String LOCATION = "/db/migrations/";
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    private final DataSource dataSource;
    private final List<String> scripts;

    SchemaMigrations(DataSource dataSource) {
        this(dataSource, SCRIPTS);
    }

    /** With another list of scripts, so that tests can add a later migration. */
    SchemaMigrations(DataSource dataSource, List<String> scripts) {
        this.dataSource = dataSource;
        this.scripts = List.copyOf(scripts);
    }

    /** Applies the missing scripts. @return the versions applied by this call, empty if the schema was current */
    List<Integer> migrate() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SqlDialect dialect = SqlDialect.forProduct(c.getMetaData().getDatabaseProductName());
            ensureVersionTable(c);
            Map<Integer, Long> applied = appliedVersions(c);
            List<Integer> done = new ArrayList<>();
            int previous = 0;
            for (String script : scripts) {
                int version = versionOf(script);
                if (version <= previous) {
                    throw new DbException("Migration " + script + " is out of order");
                }
                previous = version;
                String sql = read(script);
                long checksum = checksum(sql);
                Long recorded = applied.get(version);
                if (recorded != null) {
                    if (recorded != checksum) {
                        LOG.warn("Migration {} changed after it was applied; the database keeps the old version", script);
                    }
                    continue;
                }
                if (apply(c, dialect, version, script, sql, checksum)) {
                    done.add(version);
                }
            }
            int latest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (latest > previous) {
                LOG.warn("The database schema (version {}) is newer than this Ferric (version {})", latest, previous);
            }
            return done;
        } catch (SQLException e) {
            throw new DbException("Schema migration failed: " + e.getMessage(), e);
        }
    }

    /** @return false if another process applied the same version meanwhile */
    private boolean apply(Connection c, SqlDialect dialect, int version, String script, String sql, long checksum)
            throws SQLException {
        List<String> statements = dialect.runs(sql) ? statements(dialect.substitute(sql)) : List.of();
        int n = 0;
        try (Statement st = c.createStatement()) {
            // One migrating instance at a time (Derby and PostgreSQL share this syntax): a second
            // one waits here, then finds the version applied. Two concurrent ALTER TABLEs on Derby
            // deadlock instead.
            st.execute("LOCK TABLE " + VERSION_TABLE + " IN EXCLUSIVE MODE");
            if (appliedVersionsInTransaction(c).containsKey(version)) {
                c.rollback();
                LOG.info("Schema migration {} was applied concurrently by another instance", script);
                return false;
            }
            for (String statement : statements) {
                n++;
                st.execute(statement);
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                ins.setInt(1, version);
                ins.setString(2, script);
                ins.setLong(3, checksum);
                ins.setTimestamp(4, Timestamps.toDb(Instant.now()));
                ins.executeUpdate();
            }
            c.commit();
            LOG.info("Applied schema migration {} ({} statements, {})", script, statements.size(), dialect);
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (appliedVersions(c).containsKey(version)) {
                LOG.info("Schema migration {} was applied concurrently by another instance", script);
                return false;
            }
            throw new DbException("Migration " + script + " failed at statement " + n + ": " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (versionTableExists(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + VERSION_TABLE + " (version INTEGER NOT NULL PRIMARY KEY,"
                    + " script VARCHAR(255) NOT NULL, checksum BIGINT NOT NULL, applied_at TIMESTAMP NOT NULL)");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (!versionTableExists(c)) {
                throw e;
            }
        }
    }

    /** Probes with a query, because metadata lookups differ in identifier case between Derby and PostgreSQL. */
    private static boolean versionTableExists(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + VERSION_TABLE).close();
            c.commit();
            return true;
        } catch (SQLException e) {
            // PostgreSQL aborts the whole transaction after a failed statement
            c.rollback();
            return false;
        }
    }

    private static Map<Integer, Long> appliedVersions(Connection c) throws SQLException {
        Map<Integer, Long> applied = appliedVersionsInTransaction(c);
        c.commit();
        return applied;
    }

    /** Reads the versions without ending the transaction (and so keeping its lock). */
    private static Map<Integer, Long> appliedVersionsInTransaction(Connection c) throws SQLException {
        Map<Integer, Long> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + VERSION_TABLE)) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return applied;
    }

    static int versionOf(String script) {
        Matcher m = SCRIPT_NAME.matcher(script);
        if (!m.matches()) {
            throw new DbException("Migration script name " + script + " does not match V<number>__<words>.sql");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Splits a script at the semicolons that end a line, after dropping {@code --} comment lines.
     * Good enough for DDL; a script must not put such a semicolon inside a string literal.
     */
    static List<String> statements(String sql) {
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(LOCATION + script)) {
            if (in == null) {
                throw new DbException("Migration script " + LOCATION + script + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbException("Cannot read migration script " + script, e);
        }
    }

    private static long checksum(String sql) {
        CRC32 crc = new CRC32();
        crc.update(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
