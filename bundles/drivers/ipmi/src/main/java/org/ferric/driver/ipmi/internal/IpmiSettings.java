package org.ferric.driver.ipmi.internal;

import java.time.Duration;
import java.util.List;

/**
 * {@link IpmiConfig} turned into durations once, so that tests can run with millisecond
 * intervals instead of Ironic's five seconds.
 */
record IpmiSettings(Duration commandRetryTimeout, Duration minCommandInterval, boolean useIpmitoolRetries,
        boolean disableBootTimeout, List<String> additionalRetryableErrors, boolean debug, int defaultCipherSuite,
        Duration powerStateChangeTimeout, Duration softPowerOffTimeout, String defaultBootMode, String ipmitoolPath,
        String consoleAddress, String consolePortRange) {

    static final String PID = "org.ferric.driver.ipmi";

    IpmiSettings {
        additionalRetryableErrors = List.copyOf(additionalRetryableErrors);
    }

    static IpmiSettings from(IpmiConfig c) {
        return new IpmiSettings(seconds(c.command_retry_timeout()), seconds(c.min_command_interval()),
                c.use_ipmitool_retries(), c.disable_boot_timeout(), List.of(c.additional_retryable_ipmi_errors()),
                c.debug(), c.default_cipher_suite(), seconds(c.power_state_change_timeout()),
                seconds(c.soft_power_off_timeout()), c.default_boot_mode(), c.ipmitool_path(), c.console_address(),
                c.console_port_range());
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(Math.max(0, s) * 1000));
    }
}
