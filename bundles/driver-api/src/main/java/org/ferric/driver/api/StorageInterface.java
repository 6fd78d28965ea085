package org.ferric.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Standard: attaches remote volumes (boot from volume). */
@ConsumerType
public interface StorageInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.STORAGE;
    }

    void attachVolumes(TaskContext task) throws DriverException;

    void detachVolumes(TaskContext task) throws DriverException;

    /** False when the node boots from a volume and no image must be written. */
    boolean shouldWriteImage(TaskContext task);
}
