package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
