package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLException;
import java.util.Map;

import javax.persistence.PersistenceException;

import org.ferric.db.api.ConflictException;
import org.ferric.db.api.DbException;
import org.ferric.db.api.DuplicateEntryException;
import org.junit.jupiter.api.Test;

/** The race fallback, with the messages Derby and PostgreSQL really produce. */
class ConstraintViolationsTest {

    @Test
    void derbyUniqueViolationNamesTheField() {
        SQLException derby = new SQLIntegrityConstraintViolationException("The statement was aborted because it would"
                + " have caused a duplicate key value in a unique or primary key constraint or unique index identified"
                + " by 'UNIQ_NODES_NAME' defined on 'NODES'.", "23505");

        DbException e = ConstraintViolations.translate(new PersistenceException(derby), Map.of("name", "n1"));

        DuplicateEntryException dup = assertInstanceOf(DuplicateEntryException.class, e);
        assertEquals("name", dup.field());
        assertEquals("n1", dup.value());
    }

    @Test
    void postgresqlUniqueViolationNamesTheField() {
        SQLException pg = new SQLException("ERROR: duplicate key value violates unique constraint \"uniq_ports_address\"",
                "23505");

        DbException e = ConstraintViolations.translate(new PersistenceException(new RuntimeException(pg)), Map.of());

        assertEquals("address", assertInstanceOf(DuplicateEntryException.class, e).field());
    }

    @Test
    void otherIntegrityViolationsAreConflictsAndTheRestPlainErrors() {
        SQLException fk = new SQLException("violates foreign key constraint \"fk_ports_node\"", "23503");
        SQLException disk = new SQLException("disk full", "XSDG1");

        assertInstanceOf(ConflictException.class, ConstraintViolations.translate(new PersistenceException(fk), Map.of()));
        DbException other = ConstraintViolations.translate(new PersistenceException(disk), Map.of());
        assertEquals(DbException.class, other.getClass());
    }

    @Test
    void postgresqlDetailLinesReachNeitherTheMatchNorTheMessage() {
        SQLException name = new SQLException("ERROR: duplicate key value violates unique constraint \"uniq_nodes_name\"\n"
                + "  Detail: Key (name)=(uniq_nodes_uuid) already exists.", "23505");
        assertEquals("name", assertInstanceOf(DuplicateEntryException.class,
                ConstraintViolations.translate(new PersistenceException(name), Map.of("name", "uniq_nodes_uuid"))).field());

        SQLException check = new SQLException("ERROR: value too long for type character varying(32)\n"
                + "  Detail: Failing row contains (1, {\"ipmi_password\": \"s3cret\"}).", "22001");
        DbException e = ConstraintViolations.translate(new PersistenceException(new RuntimeException(check)), Map.of());

        assertEquals("Database error: ERROR: value too long for type character varying(32)", e.getMessage());
        SQLException cause = assertInstanceOf(SQLException.class, e.getCause());
        assertEquals("22001", cause.getSQLState());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("s3cret"), t.toString());
        }
    }
}
