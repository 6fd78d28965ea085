package org.ferric.driver.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** Standard: a serial console to the server. */
@ConsumerType
public interface ConsoleInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.CONSOLE;
    }

    void startConsole(TaskContext task) throws DriverException;

    void stopConsole(TaskContext task) throws DriverException;

    /** Ironic's console_info: {@code {"type": "socat", "url": "tcp://..."}}. */
    Map<String, Object> getConsole(TaskContext task) throws DriverException;
}
