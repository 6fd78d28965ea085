package org.ferric.driver.ipmi.internal;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.TaskContext;

/** An interface that does nothing and that driver-api's {@code NoInterfaces} does not offer: a {@code fake} boot. */
final class Noop {

    private Noop() {
    }

    /** No PXE yet: the ramdisk deploy boots from disk, so there is nothing to prepare. */
    static final class Boot extends NoopInterface implements BootInterface {
        Boot() {
            super("fake");
        }

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

}
