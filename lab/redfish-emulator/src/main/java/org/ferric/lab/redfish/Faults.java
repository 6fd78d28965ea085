package org.ferric.lab.redfish;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a test can make the BMC do wrong. Every hook applies to the whole emulator and stays until
 * changed; {@link #reset()} restores a well-behaved BMC.
 */
public final class Faults {
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 500;
    private final AtomicInteger dropNext = new AtomicInteger();
    private volatile Duration powerDelay = Duration.ZERO;
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile boolean requireSession;
    private final AtomicReference<Duration> taskDuration = new AtomicReference<>();
    private volatile String taskFailure;

    /** The next {@code count} requests (any path, sessions included) answer {@code status} with an error body. */
    public Faults failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
        return this;
    }

    /** The next {@code count} requests get no answer: the connection is closed, as a BMC that resets does. */
    public Faults dropNext(int count) {
        dropNext.set(count);
        return this;
    }

    /** Power changes take this long; meanwhile the system reports PoweringOn/PoweringOff. */
    public Faults powerDelay(Duration delay) {
        powerDelay = delay;
        return this;
    }

    /** Every answer is delayed by this much (for client timeouts). */
    public Faults responseDelay(Duration delay) {
        responseDelay = delay;
        return this;
    }

    /** HTTP Basic is refused: only session tokens are accepted, as on BMCs that disable Basic. */
    public Faults requireSession(boolean required) {
        requireSession = required;
        return this;
    }

    /**
     * BIOS settings changes and BIOS resets answer 202 with a task monitor that completes after
     * {@code duration}; null (the default) answers them at once.
     */
    public Faults asyncTasks(Duration duration) {
        taskDuration.set(duration);
        return this;
    }

    /** Tasks end in TaskState Exception with this message instead of Completed; null: they succeed. */
    public Faults failTasks(String message) {
        taskFailure = message;
        return this;
    }

    public Faults reset() {
        failNext.set(0);
        dropNext.set(0);
        powerDelay = Duration.ZERO;
        responseDelay = Duration.ZERO;
        requireSession = false;
        taskDuration.set(null);
        taskFailure = null;
        return this;
    }

    /** The status to fail this request with, or 0. */
    int takeFailure() {
        return failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failStatus : 0;
    }

    boolean takeDrop() {
        return dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    Duration powerDelay() {
        return powerDelay;
    }

    Duration responseDelay() {
        return responseDelay;
    }

    boolean sessionRequired() {
        return requireSession;
    }

    Duration taskDuration() {
        return taskDuration.get();
    }

    String taskFailure() {
        return taskFailure;
    }
}
