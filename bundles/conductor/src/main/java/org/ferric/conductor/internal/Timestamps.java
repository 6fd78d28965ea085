package org.ferric.conductor.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time formats Ironic stores inside JSON fields. */
final class Timestamps {
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Python's {@code datetime.utcnow().isoformat()}: UTC, microseconds, no offset. */
    static String ironicNaive(Instant instant) {
        return NAIVE.format(instant);
    }
}
