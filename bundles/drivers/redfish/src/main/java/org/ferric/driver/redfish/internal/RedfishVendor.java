package org.ferric.driver.redfish.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PassthruMethod;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.ferric.driver.api.VendorInterface;

/** Ironic's {@code RedfishVendorPassthru}: {@code eject_vmedia}. */
final class RedfishVendor extends RedfishInterface implements VendorInterface {
    static final String EJECT_VMEDIA = "eject_vmedia";

    RedfishVendor(Connections connections) {
        super(connections);
    }

    @Override
    public List<PassthruMethod> methods() {
        return List.of(new PassthruMethod(EJECT_VMEDIA, Set.of("POST"), true,
                "Eject a virtual media device. If no device is provided then all attached devices will be ejected. "
                        + "Optional arguments: 'boot_device' - the boot device to eject, either 'cd', 'dvd', 'usb' or 'floppy'",
                false, true));
    }

    @Override
    public Object call(TaskContext task, String method, String httpMethod, Map<String, Object> data) throws DriverException {
        if (!EJECT_VMEDIA.equals(method)) {
            throw new UnsupportedDriverOperationException("No vendor method " + method + " in the redfish vendor interface; "
                    + "known: " + EJECT_VMEDIA);
        }
        if (!"POST".equalsIgnoreCase(httpMethod)) {
            throw new UnsupportedDriverOperationException("Vendor method " + method + " only accepts POST");
        }
        Object device = data == null ? null : data.get("boot_device");
        // Ironic's own spelling "usb" means the USB stick.
        String type = VirtualMedia.type("usb".equals(device) ? "USBStick" : device);
        VirtualMedia.eject(connections.system(task.node()), type);
        return null;
    }
}
