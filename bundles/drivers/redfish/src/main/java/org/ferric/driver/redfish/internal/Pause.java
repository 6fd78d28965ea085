package org.ferric.driver.redfish.internal;

import java.time.Duration;

import org.ferric.driver.api.DriverException;

/** Sleeps between polls; an interrupt (the conductor stopping) ends the wait with an error. */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration d, String waitingFor) throws DriverException {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while waiting for " + waitingFor);
        }
    }
}
