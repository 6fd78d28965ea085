package org.ferric.driver.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Core: the networks a node is plugged into while provisioning and for its tenant. */
@ConsumerType
public interface NetworkInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.NETWORK;
    }

    default void addProvisioningNetwork(TaskContext task) throws DriverException {
    }

    default void removeProvisioningNetwork(TaskContext task) throws DriverException {
    }

    default void configureTenantNetworks(TaskContext task) throws DriverException {
    }

    default void unconfigureTenantNetworks(TaskContext task) throws DriverException {
    }

    default void addCleaningNetwork(TaskContext task) throws DriverException {
    }

    default void removeCleaningNetwork(TaskContext task) throws DriverException {
    }

    /** VIFs attached to the node. */
    default List<String> vifList(TaskContext task) throws DriverException {
        return List.of();
    }

    default void vifAttach(TaskContext task, String vifId) throws DriverException {
        throw new UnsupportedDriverOperationException("VIF attach is not supported by network interface " + name());
    }

    default void vifDetach(TaskContext task, String vifId) throws DriverException {
        throw new UnsupportedDriverOperationException("VIF detach is not supported by network interface " + name());
    }
}
