package org.ferric.agent.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One clean or deploy step as the conductor sees it ({@code step}, {@code interface},
 * {@code priority}, {@code reboot_requested}, {@code abortable}, {@code argsinfo}) and the code that
 * runs it. Priority 0 means the step runs only when asked for (manual cleaning, deploy templates).
 */
public record Step(String name, String interfaceName, int priority, boolean rebootRequested, boolean abortable,
        Map<String, Object> argsinfo, Action action) {

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(action, "action");
        argsinfo = argsinfo == null ? null : Map.copyOf(argsinfo);
    }

    /** A step that needs no reboot, cannot be aborted and takes no documented arguments. */
    public static Step of(String name, String interfaceName, int priority, Action action) {
        return new Step(name, interfaceName, priority, false, false, null, action);
    }

    public Step abortable(boolean value) {
        return new Step(name, interfaceName, priority, rebootRequested, value, argsinfo, action);
    }

    public Step rebootRequested(boolean value) {
        return new Step(name, interfaceName, priority, value, abortable, argsinfo, action);
    }

    public Step argsinfo(Map<String, Object> value) {
        return new Step(name, interfaceName, priority, rebootRequested, abortable, value, action);
    }

    /** Runs the step; what it returns becomes {@code clean_result} / {@code deploy_result} (JSON-serialisable). */
    @FunctionalInterface
    public interface Action {
        Object run(StepRequest request) throws Exception;
    }
}
