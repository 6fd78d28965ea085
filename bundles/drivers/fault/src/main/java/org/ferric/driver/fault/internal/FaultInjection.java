package org.ferric.driver.fault.internal;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/**
 * Reads a node's {@code driver_info} to decide how an operation misbehaves. Faults are per node
 * and per phase, so one test can run a failing node beside a healthy one:
 * {@code fault_<phase>} = {@code fail} | {@code hang} | {@code wait} | {@code slow}, with
 * {@code fault_delay_ms} for {@code slow} and {@code fault_hang_seconds} for {@code hang}.
 */
final class FaultInjection {
    static final String PREFIX = "fault_";

    private FaultInjection() {
    }

    /** Applies the fault configured for {@code phase}; returns WAIT when the phase should wait for a callback. */
    static StepResult apply(TaskContext task, String phase) throws DriverException {
        Map<String, Object> info = task.node().driverInfo();
        Object fault = info.get(PREFIX + phase);
        if (fault == null) {
            return StepResult.DONE;
        }
        switch (fault.toString()) {
            case "fail" -> throw new DriverException("Injected failure in " + phase + " of node " + task.node().uuid());
            case "wait" -> {
                return StepResult.WAIT;
            }
            case "slow" -> sleep(longValue(info.get(PREFIX + "delay_ms"), 1000), TimeUnit.MILLISECONDS);
            case "hang" -> {
                sleep(longValue(info.get(PREFIX + "hang_seconds"), 3600), TimeUnit.SECONDS);
                throw new DriverException("Injected hang in " + phase + " of node " + task.node().uuid() + " ended");
            }
            default -> throw new DriverException("Unknown fault " + fault + " for " + phase);
        }
        return StepResult.DONE;
    }

    private static void sleep(long amount, TimeUnit unit) throws DriverException {
        try {
            unit.sleep(amount);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted");
        }
    }

    private static long longValue(Object o, long def) {
        if (o == null) {
            return def;
        }
        try {
            return Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            return def;
        }
    }
}
