package org.ferric.driver.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property naming the hardware type a {@link HardwareType} service provides, so the
 * conductor can find a driver by name without loading it. Use it on the DS component:
 * {@code @HardwareTypeName("ipmi")}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HardwareTypeName {
    String PREFIX_ = "ferric.";

    /** Becomes the service property {@code ferric.hardware.type.name}. */
    String value();
}
