package org.ferric.driver.api;

import java.util.List;

/**
 * One indicator (an LED) of a hardware component, as Ironic's {@code get_supported_indicators}
 * describes it.
 *
 * @param readonly true if its state can only be read
 * @param states   the states it can be in: {@code off}, {@code on}, {@code blinking}, {@code unknown}
 *                 (see {@link #OFF} and the other constants)
 * @since 1.2
 */
public record Indicator(boolean readonly, List<String> states) {
    public static final String OFF = "off";
    public static final String ON = "on";
    public static final String BLINKING = "blinking";
    public static final String UNKNOWN = "unknown";

    public Indicator {
        states = states == null ? List.of() : List.copyOf(states);
    }
}
