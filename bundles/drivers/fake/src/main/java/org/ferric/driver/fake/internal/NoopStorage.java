package org.ferric.driver.fake.internal;

import org.ferric.driver.api.StorageInterface;
import org.ferric.driver.api.TaskContext;

/** Ironic's {@code noop} storage: no volumes, the image is always written. */
class NoopStorage extends FakeInterface implements StorageInterface {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public void attachVolumes(TaskContext task) {
    }

    @Override
    public void detachVolumes(TaskContext task) {
    }

    @Override
    public boolean shouldWriteImage(TaskContext task) {
        return true;
    }
}
