package org.ferric.db.internal;

import java.sql.Types;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes EclipseLink read every String column with {@code ResultSet.getString}, the long text (CLOB)
 * columns included.
 *
 * <p>Left to itself, EclipseLink asks for a CLOB column's type in the result set metadata and reads
 * it with {@code getObject}. Derby then builds a {@code java.sql.Clob} per value, each with a
 * finalizer, only for EclipseLink to copy it into a String: a list of 1,000 nodes made 17,000 of
 * them, which was a quarter of the list's CPU and most of its garbage collection. Declaring the
 * column type as VARCHAR takes EclipseLink's direct {@code getString} path; Derby and PostgreSQL
 * both read a CLOB or TEXT column that way, whatever its length. Writes are unchanged: a String is
 * bound with {@code setString}, as before.
 */
public final class TextColumnsAsStrings implements SessionCustomizer {
    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping.isDirectToFieldMapping() && mapping.getAttributeClassification() == String.class) {
                    mapping.getField().setSqlType(Types.VARCHAR);
                }
            }
        }
    }
}
