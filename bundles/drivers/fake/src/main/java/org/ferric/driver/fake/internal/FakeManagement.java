package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;

/** Keeps the boot device in driver_internal_info so that a get returns what was set. */
final class FakeManagement extends FakeInterface implements ManagementInterface {
    private static final List<String> DEVICES = List.of("pxe", "disk");
    private static final String BOOT_DEVICE_KEY = "fake_boot_device";
    private static final String PERSISTENT_KEY = "fake_boot_device_persistent";

    @Override
    public List<String> supportedBootDevices(TaskContext task) {
        return DEVICES;
    }

    @Override
    public void setBootDevice(TaskContext task, String device, boolean persistent) throws InvalidParameterException {
        if (!DEVICES.contains(device)) {
            throw new InvalidParameterException("Invalid boot device " + device + " specified.");
        }
        task.putDriverInternalInfo(BOOT_DEVICE_KEY, device);
        task.putDriverInternalInfo(PERSISTENT_KEY, persistent);
    }

    @Override
    public BootDevice getBootDevice(TaskContext task) {
        Map<String, Object> info = task.node().driverInternalInfo();
        Object device = info.get(BOOT_DEVICE_KEY);
        Object persistent = info.get(PERSISTENT_KEY);
        return new BootDevice(device == null ? "pxe" : device.toString(),
                persistent == null ? Boolean.FALSE : Boolean.valueOf(persistent.toString()));
    }

    @Override
    public void injectNmi(TaskContext task) {
        // A fake server has nothing to interrupt.
    }

    @Override
    public Map<String, Object> sensorsData(TaskContext task) {
        return Map.of();
    }
}
