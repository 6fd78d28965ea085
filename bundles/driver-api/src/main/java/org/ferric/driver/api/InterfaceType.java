package org.ferric.driver.api;

import java.util.Locale;

/** The twelve interface types of a hardware type, as Ironic names them. */
public enum InterfaceType {
    BIOS(false), BOOT(true), CONSOLE(false), DEPLOY(true), INSPECT(false), MANAGEMENT(true),
    NETWORK(true), POWER(true), RAID(false), RESCUE(false), STORAGE(false), VENDOR(false);

    private final boolean core;

    InterfaceType(boolean core) {
        this.core = core;
    }

    /** Core interfaces are mandatory for every hardware type. */
    public boolean isCore() {
        return core;
    }

    /** The lower-case name used in the API, e.g. {@code power}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The node field that selects the implementation, e.g. {@code power_interface}. */
    public String nodeField() {
        return apiName() + "_interface";
    }

    public static InterfaceType fromApiName(String name) {
        for (InterfaceType t : values()) {
            if (t.apiName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown interface type: " + name);
    }
}
