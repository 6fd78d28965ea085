package org.ferric.itests;

import java.io.IOException;

import org.ferric.lab.redfish.RedfishEmulator;

/**
 * The Redfish BMC of RedfishIT. It runs in the test's own JVM (the emulator is a plain jar, not a
 * bundle), started from the {@code @Configuration} method, which Pax Exam calls outside Karaf; the
 * container learns its URL through a system property. Kept out of RedfishIT so that the probe
 * inside Karaf never loads the emulator's classes.
 */
final class RedfishLab {
    static final String URL_PROPERTY = "ferric.redfish.url";
    static final String USER = "admin";
    static final String PASSWORD = "lab-password";
    private static RedfishEmulator bmc;

    private RedfishLab() {
    }

    static synchronized String start() throws IOException {
        if (bmc == null) {
            bmc = RedfishEmulator.start(2, USER, PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(bmc::close));
        }
        return bmc.url();
    }
}
