package org.ferric.driver.api;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The node a task works on, read-only. Maps are unmodifiable snapshots. */
@ProviderType
public interface NodeView {
    String uuid();

    /** May be null. */
    String name();

    String driver();

    Map<String, Object> driverInfo();

    Map<String, Object> driverInternalInfo();

    Map<String, Object> properties();

    Map<String, Object> instanceInfo();

    String provisionState();

    /** May be null when never read. */
    PowerState powerState();

    /** The implementation chosen for an interface type, e.g. {@code fake} for POWER; null if none. */
    String interfaceName(InterfaceType type);

    Set<String> traits();

    /** MAC addresses of the node's ports. */
    Set<String> macAddresses();
}
