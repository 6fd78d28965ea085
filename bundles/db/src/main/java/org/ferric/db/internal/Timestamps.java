package org.ferric.db.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in TIMESTAMP columns, which carry no zone: the column holds the UTC wall-clock time,
 * whatever the JVM's zone, so that rows written by conductors in different zones compare correctly.
 *
 * <p>{@link Timestamp#valueOf(LocalDateTime)} goes through the JVM zone; a UTC wall time that falls
 * into that zone's daylight-saving gap would shift by the gap. Run the JVM in UTC to rule that out.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** Now, at the precision every supported database keeps (PostgreSQL: microseconds). */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Timestamp toDb(Instant instant) {
        return instant == null ? null
                : Timestamp.valueOf(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    static Instant fromDb(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
