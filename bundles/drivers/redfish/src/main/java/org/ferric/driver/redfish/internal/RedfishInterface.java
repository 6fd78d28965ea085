package org.ferric.driver.redfish.internal;

import java.util.List;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** What every redfish interface shares: the connections, Ironic's common properties, validation. */
abstract class RedfishInterface implements DriverInterface {
    final Connections connections;

    RedfishInterface(Connections connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "redfish";
    }

    @Override
    public List<PropertySpec> properties() {
        return DriverInfo.PROPERTIES;
    }

    /** Checks driver_info only; the BMC is not contacted. */
    @Override
    public void validate(TaskContext task) throws DriverException {
        connections.info(task.node());
    }

    RedfishSettings settings() {
        return connections.settings();
    }
}
