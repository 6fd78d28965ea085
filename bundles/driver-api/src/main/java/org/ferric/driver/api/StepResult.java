package org.ferric.driver.api;

/** How a step or a long operation ended. */
public enum StepResult {
    /** Finished; the conductor moves on. */
    DONE,
    /** Continues asynchronously; the conductor waits for a callback (e.g. from the agent). */
    WAIT
}
