package org.ferric.driver.ipmi.internal;

import java.util.List;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;

/**
 * Interfaces that do nothing and that driver-api's {@code NoInterfaces} does not offer: a
 * {@code noop} management (it succeeds) and a {@code fake} boot until PXE boot exists.
 */
final class Noop {

    private Noop() {
    }

    /** Ironic's {@code noop} management: for BMCs whose boot order is set by hand; boot devices are accepted and ignored. */
    static final class Management extends NoopInterface implements ManagementInterface {
        Management() {
            super("noop");
        }

        @Override
        public List<String> supportedBootDevices(TaskContext task) {
            return List.of("pxe", "disk");
        }

        @Override
        public void setBootDevice(TaskContext task, String device, boolean persistent) {
        }

        @Override
        public BootDevice getBootDevice(TaskContext task) {
            return new BootDevice(null, null);
        }
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
