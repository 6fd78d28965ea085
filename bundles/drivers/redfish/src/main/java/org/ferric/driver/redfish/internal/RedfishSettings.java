package org.ferric.driver.redfish.internal;

import java.time.Duration;

/** {@link RedfishConfig} as durations, so that tests can run with millisecond waits. */
record RedfishSettings(int connectionAttempts, Duration retryInterval, Duration connectionTimeout, Duration requestTimeout,
        String authType, Duration taskTimeout, Duration pollInterval, Duration powerStateChangeTimeout,
        Duration softPowerOffTimeout) {

    static final String PID = "org.ferric.driver.redfish";

    static RedfishSettings from(RedfishConfig c) {
        return new RedfishSettings(Math.max(1, c.connection_attempts()), seconds(c.connection_retry_interval()),
                seconds(c.connection_timeout()), seconds(c.request_timeout()), c.auth_type(), seconds(c.task_timeout()),
                seconds(c.poll_interval()), seconds(c.power_state_change_timeout()), seconds(c.soft_power_off_timeout()));
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(Math.max(0, s) * 1000));
    }
}
