package org.ferric.driver.redfish.internal;

import java.util.List;

import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/**
 * {@code ramdisk} deploy, reduced to what runs without an agent (as in the ipmi driver): deploy
 * boots the node from its disk, tear down powers it off.
 */
final class RamdiskDeploy implements DeployInterface {
    private final Connections connections;
    private final RedfishManagement management;
    private final RedfishPower power;

    RamdiskDeploy(Connections connections, RedfishManagement management, RedfishPower power) {
        this.connections = connections;
        this.management = management;
        this.power = power;
    }

    @Override
    public String name() {
        return "ramdisk";
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public void validate(TaskContext task) throws DriverException {
        connections.info(task.node());
    }

    @Override
    public StepResult deploy(TaskContext task) throws DriverException {
        management.setBootDevice(task, "disk", true);
        if (power.getPowerState(task) == PowerState.POWER_ON) {
            power.reboot(task, null);
        } else {
            power.setPowerState(task, PowerState.POWER_ON, null);
        }
        return StepResult.DONE;
    }

    @Override
    public void tearDown(TaskContext task) throws DriverException {
        power.setPowerState(task, PowerState.POWER_OFF, null);
    }
}
