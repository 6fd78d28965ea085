package org.ferric.driver.ipmi.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ferric.driver.api.BootDevice;

/**
 * Reads the boot device out of {@code ipmitool chassis bootparam get 5}, by the same text matches
 * as Ironic (it does not decode the raw "Boot parameter data" either, see Ironic story 2008241).
 */
final class BootParamParser {
    private static final Pattern SELECTOR = Pattern.compile("Boot Device Selector : (.*)");

    private BootParamParser() {
    }

    /** @return the device (null when not one Ironic knows) and whether it applies to all future boots */
    static BootDevice parse(String output) {
        String device = null;
        Matcher m = SELECTOR.matcher(output);
        if (m.find()) {
            String selector = m.group(1);
            if (selector.contains("PXE")) {
                device = "pxe";
            } else if (selector.contains("Hard-Drive")) {
                device = selector.contains("Safe-Mode") ? "safe" : "disk";
            } else if (selector.contains("BIOS")) {
                device = "bios";
            } else if (selector.contains("CD/DVD")) {
                device = "cdrom";
            }
        }
        return new BootDevice(device, output.contains("Options apply to all future boots"));
    }
}
