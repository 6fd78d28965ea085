package org.ferric.driver.fake.internal;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.TaskContext;

final class FakeBoot extends FakeInterface implements BootInterface {

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
