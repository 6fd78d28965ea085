package com.acme.ferric.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;

/**
 * Boot devices. Kept in driver_internal_info until the BMC is wired in, so a get answers what the
 * last set asked for.
 */
final class AcmeManagement extends AcmeInterface implements ManagementInterface {
    private static final List<String> DEVICES = List.of("pxe", "disk");
    private static final String BOOT_DEVICE = "acme_boot_device";
    private static final String PERSISTENT = "acme_boot_device_persistent";

    @Override
    public List<String> supportedBootDevices(TaskContext task) {
        return DEVICES;
    }

    @Override
    public void setBootDevice(TaskContext task, String device, boolean persistent) throws DriverException {
        if (!DEVICES.contains(device)) {
            throw new InvalidParameterException("Invalid boot device " + device + " specified.");
        }
        // BMC: set the boot device (once or persistent).
        task.putDriverInternalInfo(BOOT_DEVICE, device);
        task.putDriverInternalInfo(PERSISTENT, persistent);
    }

    @Override
    public BootDevice getBootDevice(TaskContext task) {
        Map<String, Object> info = task.node().driverInternalInfo();
        Object device = info.get(BOOT_DEVICE);
        Object persistent = info.get(PERSISTENT);
        // Ironic answers null fields when the device is unknown; so do we.
        return new BootDevice(device == null ? null : device.toString(),
                persistent == null ? null : Boolean.valueOf(persistent.toString()));
    }
}
