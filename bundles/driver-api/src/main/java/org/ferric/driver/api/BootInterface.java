package org.ferric.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Core: how the deploy ramdisk and the instance are booted (PXE, virtual media, ...). */
@ConsumerType
public interface BootInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.BOOT;
    }

    void prepareRamdisk(TaskContext task) throws DriverException;

    void cleanUpRamdisk(TaskContext task) throws DriverException;

    void prepareInstance(TaskContext task) throws DriverException;

    void cleanUpInstance(TaskContext task) throws DriverException;
}
