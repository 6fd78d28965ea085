package org.ferric.driver.redfish.internal;

import java.util.List;

import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** An interface that needs no driver_info and has nothing to check. */
abstract class NoopInterface implements DriverInterface {
    private final String name;

    NoopInterface(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public void validate(TaskContext task) {
        // nothing to check
    }
}
