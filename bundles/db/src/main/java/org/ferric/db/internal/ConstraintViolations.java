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
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> unique : UNIQUE_FIELDS.entrySet()) {
                if (message.contains(unique.getKey())) {
                    String field = unique.getValue();
                    return new DuplicateEntryException(field, values.getOrDefault(field, "?"));
                }
            }
            return new ConflictException("The change conflicts with a concurrent change (SQL state " + state + ")");
        }
        return new DbException("Database error: " + (sql != null ? sql.getMessage() : e.getMessage()), e);
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
