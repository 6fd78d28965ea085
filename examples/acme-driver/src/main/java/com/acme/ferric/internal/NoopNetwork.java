package com.acme.ferric.internal;

import java.util.List;

import org.ferric.driver.api.NetworkInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** Ironic's {@code noop} network: the server stays on whatever network it is cabled to. */
final class NoopNetwork implements NetworkInterface {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public void validate(TaskContext task) {
        // Needs nothing from the node.
    }

    @Override
    public void vifAttach(TaskContext task, String vifId) {
    }

    @Override
    public void vifDetach(TaskContext task, String vifId) {
    }
}
