package org.ferric.driver.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver: a kind of hardware and the interface implementations that can manage it.
 * <p>
 * Register one as an OSGi service (Declarative Services), carrying its name as the
 * {@link HardwareTypeName} component property. The conductor tracks these services
 * dynamically: a driver whose bundle is stopped disappears at once and its nodes answer
 * with an error until it comes back.
 */
@ConsumerType
public interface HardwareType {

    /** The name nodes use in their {@code driver} field, e.g. {@code ipmi}. */
    String name();

    /**
     * The implementations supported for one interface type, the default first. A core interface
     * type must have at least one; an optional one may have none.
     */
    List<? extends DriverInterface> interfaces(InterfaceType type);
}
