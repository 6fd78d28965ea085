package org.ferric.driver.redfish.internal;

import java.util.List;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;

/**
 * Interfaces that do nothing and that driver-api's {@code NoInterfaces} does not offer: a
 * {@code noop} management (it succeeds).
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

}
