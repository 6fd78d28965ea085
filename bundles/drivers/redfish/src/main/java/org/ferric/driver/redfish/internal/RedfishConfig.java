package org.ferric.driver.redfish.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Redfish driver settings (PID {@code org.ferric.driver.redfish}): Ironic's {@code [redfish]}
 * options with Ironic's defaults, and the {@code [conductor]} timeouts this driver needs.
 */
@ObjectClassDefinition(id = RedfishSettings.PID, name = "Ferric Redfish driver",
        description = "The redfish hardware type: HTTP timeouts, retries and waits.")
public @interface RedfishConfig {

    @AttributeDefinition(description = "Maximum number of attempts to reach a Redfish BMC when the connection fails "
            + "(or it answers 502, 503 or 504).")
    int connection_attempts() default 5;

    @AttributeDefinition(description = "Seconds between two attempts to reach a Redfish BMC.")
    double connection_retry_interval() default 4;

    @AttributeDefinition(description = "Seconds to wait for a TCP connection to a BMC.")
    double connection_timeout() default 10;

    @AttributeDefinition(description = "Seconds to wait for a BMC's answer to one request.")
    double request_timeout() default 60;

    @AttributeDefinition(description = "Authentication when driver_info has no redfish_auth_type: session, basic, "
            + "or auto (a session, falling back to basic when the BMC has no session service).",
            options = {@Option(label = "auto", value = "auto"), @Option(label = "session", value = "session"),
                @Option(label = "basic", value = "basic")})
    String auth_type() default "auto";

    @AttributeDefinition(description = "Seconds to wait for a BMC task (202 Accepted and a task monitor) to end.")
    double task_timeout() default 600;

    @AttributeDefinition(description = "Seconds between two polls of a task monitor or of the power state.")
    double poll_interval() default 1;

    @AttributeDefinition(description = "Seconds to wait for a power state after a power action "
            + "(Ironic's [conductor]power_state_change_timeout), unless the caller gives a timeout.")
    double power_state_change_timeout() default 60;

    @AttributeDefinition(description = "Seconds to wait for a soft power off (Ironic's [conductor]soft_power_off_timeout).")
    double soft_power_off_timeout() default 600;
}
