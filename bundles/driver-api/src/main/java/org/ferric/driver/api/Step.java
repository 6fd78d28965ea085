package org.ferric.driver.api;

import java.util.Map;

/**
 * A clean or deploy step, as Ironic describes it.
 *
 * @param interfaceType the interface that runs it
 * @param name          the step's name, e.g. {@code erase_devices}
 * @param priority      higher runs first; 0 means it only runs when asked for explicitly
 * @param abortable     whether the step may be aborted while it runs
 * @param args          arguments passed by the user or the template
 */
public record Step(InterfaceType interfaceType, String name, int priority, boolean abortable,
        Map<String, Object> args) {

    public Step {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
