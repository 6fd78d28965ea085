package org.ferric.db.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import javax.persistence.PersistenceException;

import org.ferric.db.api.ConflictException;
import org.ferric.db.api.DbException;
import org.ferric.db.api.DuplicateEntryException;

/**
 * The last line of defence behind the explicit uniqueness checks: a concurrent insert can still win
 * the race between check and flush. Both Derby and PostgreSQL name the violated constraint in the
 * message, and the constraint names are ours (V001__initial.sql).
 */
final class ConstraintViolations {
    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "uniq_nodes_uuid", "uuid",
            "uniq_nodes_name", "name",
            "uniq_nodes_instance_uuid", "instance_uuid",
            "uniq_ports_uuid", "uuid",
            "uniq_ports_address", "address",
            "uniq_chassis_uuid", "uuid",
            "uniq_conductors_hostname", "hostname");

    private ConstraintViolations() {
    }

    /**
     * @param values the written value of each unique field, to report the one that clashed
     */
    static DbException translate(PersistenceException e, Map<String, String> values) {
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("23")) {
            // only the first line names the constraint; PostgreSQL's Detail line quotes the values,
            // which could themselves look like a constraint name
            String message = summary(sql).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> unique : UNIQUE_FIELDS.entrySet()) {
                if (message.contains(unique.getKey())) {
                    String field = unique.getValue();
                    return new DuplicateEntryException(field, values.getOrDefault(field, "?"));
                }
            }
            return new ConflictException("The change conflicts with a concurrent change (SQL state " + state + ")");
        }
        if (sql == null) {
            return new DbException("Database error: " + e.getClass().getSimpleName(), redacted(e));
        }
        return new DbException("Database error: " + summary(sql), redacted(sql));
    }

    /**
     * The first line of a database error. PostgreSQL adds lines such as {@code Detail: Failing row
     * contains (...)} that quote the rejected row, BMC passwords included: they must reach neither
     * callers nor logs (Derby's messages never quote values).
     */
    static String summary(Throwable t) {
        SQLException sql = sqlCause(t);
        String message = String.valueOf(sql != null ? sql.getMessage() : t.getMessage());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /**
     * A stand-in for a database exception to keep as a cause: the same class name in the message,
     * SQL state, error code and stack trace, but only the {@link #summary} and none of its causes
     * (EclipseLink's exceptions repeat the driver's whole message).
     */
    static SQLException redacted(Throwable t) {
        SQLException sql = sqlCause(t);
        SQLException copy = sql == null ? new SQLException(t.getClass().getName() + ": " + summary(t))
                : new SQLException(sql.getClass().getName() + ": " + summary(sql), sql.getSQLState(), sql.getErrorCode());
        copy.setStackTrace((sql != null ? sql : t).getStackTrace());
        return copy;
    }

    /** Whether the database rolled the transaction back because of a lock (SQL state class 40). */
    static boolean isTransientLockFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
