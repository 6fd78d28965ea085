package org.ferric.driver.ipmi.internal;

import java.util.List;

import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** What the ipmitool interfaces share: Ironic's COMMON_PROPERTIES and their validation, which never touches the BMC. */
abstract class IpmiInterface implements DriverInterface {
    final IpmiTool ipmitool;

    IpmiInterface(IpmiTool ipmitool) {
        this.ipmitool = ipmitool;
    }

    @Override
    public String name() {
        return "ipmitool";
    }

    @Override
    public List<PropertySpec> properties() {
        return DriverInfo.PROPERTIES;
    }

    @Override
    public void validate(TaskContext task) throws InvalidParameterException {
        DriverInfo.parse(task.node());
    }

    IpmiSettings settings() {
        return ipmitool.settings();
    }
}
