package org.ferric.driver.ipmi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * IPMI driver settings (PID {@code org.ferric.driver.ipmi}). The first ones are Ironic's
 * {@code [ipmi]} options with Ironic's defaults; the rest are the few {@code [conductor]},
 * {@code [deploy]} and {@code [console]} options this driver needs.
 */
@ObjectClassDefinition(id = IpmiSettings.PID, name = "Ferric IPMI driver",
        description = "The ipmi hardware type: how ipmitool is run, retried and paced.")
public @interface IpmiConfig {

    @AttributeDefinition(description = "Maximum time in seconds to retry a failed IPMI operation. "
            + "Too high a value makes power-state syncs hang on unresponsive BMCs.")
    double command_retry_timeout() default 60;

    @AttributeDefinition(description = "Minimum time in seconds between two IPMI operations sent to one BMC; "
            + "some BMCs crash when driven faster. Recommended: 5.")
    double min_command_interval() default 5;

    @AttributeDefinition(description = "Let ipmitool do the retries (-R/-N computed from the two values above) "
            + "instead of the driver; the driver then retries only the errors known to be transient.")
    boolean use_ipmitool_retries() default false;

    @AttributeDefinition(description = "Default for driver_info ipmi_disable_boot_timeout: send the raw command "
            + "that disables the BMC's 60 s boot-flag timeout before setting a boot device.")
    boolean disable_boot_timeout() default true;

    @AttributeDefinition(description = "Further ipmitool error messages to treat as transient, beyond Ironic's list.")
    String[] additional_retryable_ipmi_errors() default {};

    @AttributeDefinition(description = "Run ipmitool with -v (verbose output in the debug log).")
    boolean debug() default false;

    @AttributeDefinition(description = "Cipher suite passed with -C when driver_info has no ipmi_cipher_suite. "
            + "Always passing one saves ipmitool a cipher-suite discovery that some BMCs never answer.")
    int default_cipher_suite() default 3;

    @AttributeDefinition(description = "Seconds to wait for a power state after a power action "
            + "(Ironic's [conductor]power_state_change_timeout), unless the caller gives a timeout.")
    double power_state_change_timeout() default 60;

    @AttributeDefinition(description = "Seconds to wait for a soft power off (Ironic's [conductor]soft_power_off_timeout).")
    double soft_power_off_timeout() default 600;

    @AttributeDefinition(description = "Boot mode used when the node does not ask for one (Ironic's [deploy]default_boot_mode).",
            options = {@Option(label = "UEFI", value = "uefi"), @Option(label = "Legacy BIOS", value = "bios")})
    String default_boot_mode() default "uefi";

    @AttributeDefinition(description = "The ipmitool executable.")
    String ipmitool_path() default "ipmitool";

    @AttributeDefinition(description = "Address the serial consoles listen on, also put into the console URL "
            + "(Ironic's [console]socat_address).")
    String console_address() default "127.0.0.1";

    @AttributeDefinition(description = "Ports for consoles of nodes without ipmi_terminal_port, as start:end "
            + "(Ironic's [console]port_range). Empty: ipmi_terminal_port is required.")
    String console_port_range() default "10000:20000";
}
