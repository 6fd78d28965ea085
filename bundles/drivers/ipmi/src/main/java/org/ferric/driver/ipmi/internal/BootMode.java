package org.ferric.driver.ipmi.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ferric.driver.api.NodeView;

/**
 * The boot mode a node deploys with, found where Ironic's {@code boot_mode_utils.get_boot_mode}
 * looks: secure boot or {@code boot_mode} in instance_info capabilities, the deprecated
 * instance_info {@code deploy_boot_mode}, {@code boot_mode} in the properties' capabilities,
 * driver_internal_info {@code deploy_boot_mode}, and finally the configured default.
 */
final class BootMode {
    static final String UEFI = "uefi";
    static final String BIOS = "bios";

    private static final Pattern JSON_ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"?(\\w+)\"?");

    private BootMode() {
    }

    static String of(NodeView node, String dflt) {
        Map<String, Object> instance = orEmpty(node.instanceInfo());
        if (DriverInfo.bool(capability(instance.get("capabilities"), "secure_boot"), false)) {
            return UEFI;
        }
        String mode = capability(instance.get("capabilities"), "boot_mode");
        if (mode == null) {
            mode = string(instance.get("deploy_boot_mode"));
        }
        if (mode == null) {
            mode = capability(orEmpty(node.properties()).get("capabilities"), "boot_mode");
        }
        if (mode == null) {
            mode = string(orEmpty(node.driverInternalInfo()).get("deploy_boot_mode"));
        }
        return mode == null ? dflt : mode;
    }

    /** Capabilities come as a map, as Ironic's "key:value,key:value" string, or as a JSON string. */
    static String capability(Object capabilities, String key) {
        if (capabilities instanceof Map<?, ?> m) {
            return string(m.get(key));
        }
        if (capabilities == null) {
            return null;
        }
        String text = capabilities.toString().strip();
        if (text.startsWith("{")) {
            Matcher m = JSON_ENTRY.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(key)) {
                    return m.group(2);
                }
            }
            return null;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split(":", 2);
            if (kv.length == 2 && kv[0].strip().equals(key)) {
                return kv[1].strip();
            }
        }
        return null;
    }

    private static String string(Object o) {
        return o == null || o.toString().isEmpty() ? null : o.toString();
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }
}
