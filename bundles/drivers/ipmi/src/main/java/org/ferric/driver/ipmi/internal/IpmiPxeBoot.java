package org.ferric.driver.ipmi.internal;

import java.util.List;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/**
 * Boot interface {@code pxe}, reduced to the BMC's part: the node boots from the network once when the
 * agent ramdisk must run, and from its disk for good once the instance is written. Serving the
 * ramdisk (DHCP, TFTP or HTTP) is the site's PXE service, not Ferric's: point it at the agent.
 */
final class IpmiPxeBoot implements BootInterface {
    private final IpmiManagement management;

    IpmiPxeBoot(IpmiManagement management) {
        this.management = management;
    }

    @Override
    public String name() {
        return "pxe";
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public void validate(TaskContext task) throws DriverException {
        DriverInfo.parse(task.node());
    }

    @Override
    public void prepareRamdisk(TaskContext task) throws DriverException {
        management.setBootDevice(task, "pxe", false);
    }

    @Override
    public void cleanUpRamdisk(TaskContext task) {
    }

    @Override
    public void prepareInstance(TaskContext task) throws DriverException {
        management.setBootDevice(task, "disk", true);
    }

    @Override
    public void cleanUpInstance(TaskContext task) {
    }
}
