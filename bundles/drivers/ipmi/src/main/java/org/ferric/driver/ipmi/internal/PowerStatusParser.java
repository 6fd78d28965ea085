package org.ferric.driver.ipmi.internal;

import org.ferric.driver.api.PowerState;

/** Reads {@code ipmitool power status}: only its two exact answers count, anything else is an error (as in Ironic). */
final class PowerStatusParser {

    private PowerStatusParser() {
    }

    static PowerState parse(String output) {
        String line = output.strip();
        if (line.equals("Chassis Power is on")) {
            return PowerState.POWER_ON;
        }
        if (line.equals("Chassis Power is off")) {
            return PowerState.POWER_OFF;
        }
        return PowerState.ERROR;
    }
}
