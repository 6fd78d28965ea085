package org.ferric.conductor.internal;

import org.ferric.driver.api.DriverException;

/** A failure whose message is already the node's whole {@code last_error}, as Ironic words it. */
final class StepFailure extends DriverException {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
        super(message);
    }
}
