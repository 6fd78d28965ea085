package com.acme.ferric.internal;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.TaskContext;

/** Nothing to prepare: the server boots from whatever device management set. */
final class AcmeBoot extends AcmeInterface implements BootInterface {

    @Override
    public void prepareRamdisk(TaskContext task) {
    }

    @Override
    public void cleanUpRamdisk(TaskContext task) {
    }

    @Override
    public void prepareInstance(TaskContext task) {
    }

    @Override
    public void cleanUpInstance(TaskContext task) {
    }
}
