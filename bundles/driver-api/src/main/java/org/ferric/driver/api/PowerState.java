package org.ferric.driver.api;

/** Power states and power targets, with Ironic's API spelling. */
public enum PowerState {
    POWER_ON("power on"), POWER_OFF("power off"), REBOOT("rebooting"),
    SOFT_REBOOT("soft rebooting"), SOFT_POWER_OFF("soft power off"), ERROR("error");

    private final String apiName;

    PowerState(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** @return the state, or null when the name is not one of ours */
    public static PowerState fromApiName(String name) {
        for (PowerState s : values()) {
            if (s.apiName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
