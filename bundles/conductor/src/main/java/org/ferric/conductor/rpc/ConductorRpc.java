package org.ferric.conductor.rpc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ferric.db.api.Chassis;
import org.ferric.db.api.Node;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.Port;
import org.ferric.db.api.StoredObject;
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

    /**
     * Whether a driver of this name is loaded: what every rendered node asks (its {@code conductor}
     * field), without describing the driver.
     *
     * @since 1.3
     */
    default boolean hasDriver(String name) {
        return getDriver(name).isPresent();
    }

    /** Merged {@code driver_info} properties of the driver's default interfaces: name to description. */
    Map<String, String> driverProperties(String driverName);

    /** Creates a port; 400 if the node does not exist, 409 if the MAC is taken. */
    Port createPort(Port port);

    Port updatePort(Port changed);

    void destroyPort(String portUuid);

    // ---- node management (maintenance, traits, boot device, console, RAID, boot mode) ----

    /** Puts a node into maintenance with a reason, or takes it out (clearing reason and fault). */
    void setMaintenance(String nodeUuid, boolean maintenance, String reason);

    /** Replaces the node's traits (validated by the API). @return the stored traits, sorted */
    List<String> setTraits(String nodeUuid, List<String> traits);

    /** Adds one trait (no-op if present). */
    void addTrait(String nodeUuid, String trait);

    /** Removes one trait; 404 if the node does not have it. */
    void removeTrait(String nodeUuid, String trait);

    /** {@code boot_device} and {@code persistent}, read from the management interface. */
    Map<String, Object> getBootDevice(String nodeUuid);

    List<String> getSupportedBootDevices(String nodeUuid);

    /** 400 for a device the management interface does not support. */
    void setBootDevice(String nodeUuid, String device, boolean persistent);

    void injectNmi(String nodeUuid);

    /**
     * The node's indicators (LEDs): component to indicator id to {@code readonly} and
     * {@code states}. Empty if the management interface reports none.
     *
     * @since 1.2
     */
    Map<String, Map<String, Map<String, Object>>> getSupportedIndicators(String nodeUuid);

    /** One of {@code on}, {@code off}, {@code blinking}, {@code unknown}; 400 for an unknown component or indicator. @since 1.2 */
    String getIndicatorState(String nodeUuid, String component, String indicator);

    /** 400 for an unknown component, indicator or state, or a driver that cannot set it. @since 1.2 */
    void setIndicatorState(String nodeUuid, String component, String indicator, String state);

    /** {@code console_enabled} and {@code console_info} (null while disabled). */
    Map<String, Object> getConsole(String nodeUuid);

    /** Starts or stops the console; accepted, done in the background (202). */
    void setConsoleMode(String nodeUuid, boolean enabled);

    /** Stores {@code target_raid_config} (an empty map clears it). */
    void setTargetRaidConfig(String nodeUuid, Map<String, Object> config);

    /** Sets the boot mode ({@code uefi}/{@code bios}); 202. */
    void setBootMode(String nodeUuid, String mode);

    /** Turns UEFI secure boot on or off; 202. */
    void setSecureBoot(String nodeUuid, boolean enabled);

    // ---- VIFs (through the node's network interface) ----

    /** The VIF ids attached to the node. */
    List<String> vifList(String nodeUuid);

    /** @param info the request body: {@code id} plus optional {@code port_uuid}/{@code portgroup_uuid} */
    void vifAttach(String nodeUuid, String vifId, Map<String, Object> info);

    void vifDetach(String nodeUuid, String vifId);

    // ---- vendor passthru ----

    /** Node vendor methods: name to {@code http_methods, async, description, attach, require_exclusive_lock}. */
    Map<String, Map<String, Object>> vendorPassthruMethods(String nodeUuid);

    /** Calls a node vendor method; 400 for an unknown method or a verb it does not answer. @return its result */
    VendorResult vendorPassthru(String nodeUuid, String method, String httpMethod, Map<String, Object> data);

    Map<String, Map<String, Object>> driverVendorPassthruMethods(String driverName);

    VendorResult driverVendorPassthru(String driverName, String method, String httpMethod, Map<String, Object> data);

    // ---- chassis and the stored objects (portgroups, volume connectors/targets, deploy templates) ----

    Chassis createChassis(Chassis chassis);

    Chassis updateChassis(Chassis chassis);

    /** 400 if nodes still belong to it (Ironic's ChassisNotEmpty). */
    void destroyChassis(String uuid);

    /** Creates a portgroup, volume connector, volume target or deploy template; 400 for an unknown node, 409 if taken. */
    StoredObject createObject(ObjectKind kind, Map<String, Object> fields);

    StoredObject updateObject(StoredObject changed);

    /** 400/409 when the object is in use (a portgroup with ports). */
    void destroyObject(StoredObject object);

    // ---- allocations ----

    /**
     * Creates an allocation in state {@code allocating} and matches it to a free node in the
     * background (or, with {@code node} given, backfills it at once). @return the new allocation
     */
    StoredObject createAllocation(Map<String, Object> fields);

    /** Changes {@code name}, {@code extra} or {@code owner} of an allocation. */
    StoredObject updateAllocation(StoredObject changed);

    /** Deletes an allocation and frees its node ({@code allocation_uuid}, {@code instance_uuid}); 409 if the node is active. */
    void destroyAllocation(String allocationUuid);

    // ---- the agent ----

    /**
     * The node for an agent's lookup, with an {@code agent_secret_token} generated into its
     * {@code driver_internal_info} if it has none ({@code ******} if one was issued before).
     */
    Node nodeWithAgentToken(String nodeUuid);

    /**
     * An agent's heartbeat: checks the token and records the agent's URL and version in the
     * node's {@code driver_internal_info}. 400 for an invalid token or no version information.
     */
    void heartbeat(String nodeUuid, String callbackUrl, String agentVersion, String agentToken, String agentVerifyCa,
            String agentStatus, String agentStatusMessage);
}
