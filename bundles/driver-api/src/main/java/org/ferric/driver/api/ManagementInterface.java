package org.ferric.driver.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** Core: boot devices, NMI, sensors. */
@ConsumerType
public interface ManagementInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.MANAGEMENT;
    }

    List<String> supportedBootDevices(TaskContext task) throws DriverException;

    void setBootDevice(TaskContext task, String device, boolean persistent) throws DriverException;

    BootDevice getBootDevice(TaskContext task) throws DriverException;

    default void injectNmi(TaskContext task) throws DriverException {
        throw new UnsupportedDriverOperationException("Injecting an NMI is not supported by " + name());
    }

    default Map<String, Object> sensorsData(TaskContext task) throws DriverException {
        return Map.of();
    }
}
