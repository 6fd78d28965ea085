package org.ferric.api.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Python's {@code datetime.isoformat()} of a UTC time: microseconds only when non-zero, offset {@code +00:00}. */
final class IsoTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private IsoTime() {
    }

    static String format(Instant t) {
        if (t == null) {
            return null;
        }
        Instant micros = t.truncatedTo(ChronoUnit.MICROS);
        StringBuilder s = new StringBuilder(SECONDS.format(micros.atOffset(ZoneOffset.UTC)));
        int fraction = micros.getNano() / 1000;
        if (fraction != 0) {
            s.append('.').append(String.format("%06d", fraction));
        }
        return s.append("+00:00").toString();
    }
}
