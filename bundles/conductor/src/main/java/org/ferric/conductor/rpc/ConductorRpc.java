package org.ferric.conductor.rpc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ferric.db.api.Node;
import org.ferric.db.api.Port;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the API asks of a conductor. Long work (power, provisioning) is only accepted here and
 * done asynchronously under the node's lock; the caller polls the node. Every method throws
 * {@link ConductorException} with an HTTP status the API passes on (400, 404, 409...).
 */
@ProviderType
public interface ConductorRpc {

    /** This conductor's host name (shown as a node's {@code conductor}). */
    String hostname();

    /**
     * Creates a node after checking its driver is loaded and filling each {@code *_interface}
     * field left null with the driver's default (an explicit value must be supported).
     */
    Node createNode(Node node);

    /**
     * Stores a changed node under its lock. Rejected with 409 while a transition is in progress
     * (unless the state allows updates) or while the node is locked; 400 if the driver or an
     * interface is unknown. {@code resetInterfaces}: interfaces not set explicitly go back to the
     * new driver's defaults.
     */
    Node updateNode(Node changed, boolean resetInterfaces);

    /** Deletes a node if its state allows (409 otherwise). */
    void destroyNode(String nodeUuid);

    /**
     * Accepts a power change ({@code power on}, {@code power off}, {@code rebooting},
     * {@code soft rebooting}, {@code soft power off}) and does it in the background.
     *
     * @param timeoutSeconds how long the driver may wait, or null
     */
    void changeNodePowerState(String nodeUuid, String target, Integer timeoutSeconds);

    /**
     * Accepts a provision verb ({@code manage}, {@code provide}, {@code active}/{@code deploy},
     * {@code deleted}/{@code undeploy}, {@code rebuild}, {@code inspect}, {@code clean},
     * {@code abort}, {@code adopt}, {@code rescue}, {@code unrescue}) and does it in the background.
     * 400 if the state machine does not allow it from the node's state.
     *
     * @param args the request's other fields ({@code configdrive}, {@code clean_steps},
     *             {@code deploy_steps}, {@code rescue_password}, {@code disable_ramdisk})
     */
    void doProvisioningAction(String nodeUuid, String verb, Map<String, Object> args);

    /** Runs {@code validate} of each interface: interface name to result. */
    Map<String, ValidationResult> validateDriverInterfaces(String nodeUuid);

    /** Drivers loaded now, sorted by name. */
    List<DriverDescription> listDrivers();

    Optional<DriverDescription> getDriver(String name);

    /** Merged {@code driver_info} properties of the driver's default interfaces: name to description. */
    Map<String, String> driverProperties(String driverName);

    /** Creates a port; 400 if the node does not exist, 409 if the MAC is taken. */
    Port createPort(Port port);

    Port updatePort(Port changed);

    void destroyPort(String portUuid);
}
