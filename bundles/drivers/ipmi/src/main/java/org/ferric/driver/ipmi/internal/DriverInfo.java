package org.ferric.driver.ipmi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PropertySpec;

/**
 * A node's {@code driver_info} for ipmitool, parsed and checked as Ironic's
 * {@code _parse_driver_info} does. {@link #toString()} hides the password and the Kg key.
 */
record DriverInfo(String uuid, String address, Integer port, String username, String password, String hexKgKey,
        String privLevel, String protocolVersion, Integer cipherSuite, Bridging bridging, Integer terminalPort,
        boolean forceBootDevice, Boolean disableBootTimeout) {

    static final List<String> PRIV_LEVELS = List.of("ADMINISTRATOR", "CALLBACK", "OPERATOR", "USER");
    static final List<String> PROTOCOL_VERSIONS = List.of("2.0", "1.5");

    /** Ironic's ipmitool {@code COMMON_PROPERTIES}, with its descriptions. */
    static final List<PropertySpec> PROPERTIES = List.of(
            new PropertySpec("ipmi_address", "IP address or hostname of the node. Required.", true),
            optional("ipmi_password", "password. Optional."),
            optional("ipmi_hex_kg_key", "Kg key for IPMIv2 authentication. The key is expected in hexadecimal format. Optional."),
            optional("ipmi_port", "remote IPMI RMCP port. Optional."),
            optional("ipmi_priv_level", "privilege level; default is ADMINISTRATOR. One of "
                    + String.join(", ", PRIV_LEVELS) + ". Optional."),
            optional("ipmi_username", "username; default is NULL user. Optional."),
            optional("ipmi_bridging", "bridging_type; default is \"no\". One of \"single\", \"dual\", \"no\". Optional."),
            optional("ipmi_transit_channel", "transit channel for bridged request. Required only if ipmi_bridging is set to \"dual\"."),
            optional("ipmi_transit_address", "transit address for bridged request. Required only if ipmi_bridging is set to \"dual\"."),
            optional("ipmi_target_channel", "destination channel for bridged request. Required only if ipmi_bridging is set to \"single\" or \"dual\"."),
            optional("ipmi_target_address", "destination address for bridged request. Required only if ipmi_bridging is set to \"single\" or \"dual\"."),
            optional("ipmi_local_address", "local IPMB address for bridged requests. Used only if ipmi_bridging is set to \"single\" or \"dual\". Optional."),
            optional("ipmi_protocol_version", "the version of the IPMI protocol; default is \"2.0\". One of \"1.5\", \"2.0\". Optional."),
            optional("ipmi_force_boot_device", "Whether Ironic should specify the boot device to the BMC each time the server "
                    + "is turned on, eg. because the BMC is not capable of remembering the selected boot device across "
                    + "power cycles; default value is False. Optional."),
            optional("ipmi_disable_boot_timeout", "By default ironic will send a raw IPMI command to disable the 60 second "
                    + "timeout for booting. Setting this option to False will NOT send that command on this node. The "
                    + "[ipmi]disable_boot_timeout will be used if this option is not set. Optional."),
            optional("ipmi_cipher_suite", "The number of a cipher suite to use. Only 3 (AES-128 with SHA1) or 17 (AES-128 "
                    + "with SHA256) should ever be used; 17 is preferred. The default value depends on the ipmitool "
                    + "version, some recent versions have switched from 3 to 17."));

    /** Ironic's ipmitool {@code CONSOLE_PROPERTIES}. */
    static final List<PropertySpec> CONSOLE_PROPERTIES = List.of(
            optional("ipmi_terminal_port", "node's UDP port to connect to. Only required for console access."));

    /** Ironic's {@code bridging} settings: which IPMB hops a request takes behind the BMC. */
    record Bridging(String type, String localAddress, String transitChannel, String transitAddress,
            String targetChannel, String targetAddress) {
        static final Bridging NONE = new Bridging("no", null, null, null, null, null);
    }

    static DriverInfo parse(NodeView node) throws InvalidParameterException {
        Map<String, Object> info = node.driverInfo() == null ? Map.of() : node.driverInfo();
        Map<String, Object> internal = node.driverInternalInfo() == null ? Map.of() : node.driverInternalInfo();
        String address = string(info, "ipmi_address");
        if (address == null || address.isBlank()) {
            throw new InvalidParameterException(
                    "Missing the following IPMI credentials in node's driver_info: ipmi_address.");
        }
        String protocol = string(info, "ipmi_protocol_version");
        protocol = protocol == null ? "2.0" : protocol;
        if (!PROTOCOL_VERSIONS.contains(protocol)) {
            throw new InvalidParameterException("Invalid IPMI protocol version value " + protocol
                    + " in driver_info ipmi_protocol_version, the valid value can be one of "
                    + String.join(", ", PROTOCOL_VERSIONS));
        }
        Integer terminalPort = port(info, "ipmi_terminal_port");
        if (terminalPort == null && internal.get(IpmiConsole.ALLOCATED_PORT) != null) {
            terminalPort = port(internal, IpmiConsole.ALLOCATED_PORT);
        }
        Integer port = port(info, "ipmi_port");
        String priv = string(info, "ipmi_priv_level");
        priv = priv == null ? "ADMINISTRATOR" : priv;
        if (!PRIV_LEVELS.contains(priv)) {
            throw new InvalidParameterException("Invalid privilege level value in driver_info ipmi_priv_level: " + priv
                    + ", the valid value can be one of " + String.join(", ", PRIV_LEVELS));
        }
        String kg = string(info, "ipmi_hex_kg_key");
        if (kg != null && kg.length() % 2 != 0) {
            throw new InvalidParameterException("Number of ipmi_hex_kg_key characters is not even");
        }
        if (kg != null && !kg.matches("[0-9a-fA-F]*")) {
            throw new InvalidParameterException("ipmi_hex_kg_key must be hexadecimal");
        }
        Integer cipher = null;
        String cipherText = string(info, "ipmi_cipher_suite");
        if (cipherText != null) {
            try {
                cipher = Integer.valueOf(cipherText.trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("Invalid cipher suite " + cipherText
                        + " in driver_info ipmi_cipher_suite, expected a number");
            }
            if (protocol.equals("1.5")) {
                throw new InvalidParameterException(
                        "Cipher suites cannot be used with IPMI 1.5 (driver_info ipmi_cipher_suite)");
            }
        }
        Object disableBootTimeout = info.get("ipmi_disable_boot_timeout");
        return new DriverInfo(node.uuid(), address.trim(), port, string(info, "ipmi_username"),
                passwordOf(info), kg, priv, protocol, cipher, bridging(info), terminalPort,
                bool(info.get("ipmi_force_boot_device"), false),
                disableBootTimeout == null ? null : bool(disableBootTimeout, false));
    }

    private static Bridging bridging(Map<String, Object> info) throws InvalidParameterException {
        String type = string(info, "ipmi_bridging");
        if (type == null || type.equals("no")) {
            return Bridging.NONE;
        }
        if (!Set.of("single", "dual").contains(type)) {
            throw new InvalidParameterException("Invalid value for ipmi_bridging: " + type
                    + ", the valid value can be one of: single, dual, no");
        }
        List<String> missing = new ArrayList<>();
        for (String key : type.equals("dual")
                ? List.of("ipmi_target_channel", "ipmi_target_address", "ipmi_transit_channel", "ipmi_transit_address")
                : List.of("ipmi_target_channel", "ipmi_target_address")) {
            if (string(info, key) == null) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidParameterException(String.join(", ", missing) + " not provided in driver_info (ipmi_bridging is "
                    + type + ")");
        }
        boolean dual = type.equals("dual");
        return new Bridging(type, string(info, "ipmi_local_address"),
                dual ? string(info, "ipmi_transit_channel") : null, dual ? string(info, "ipmi_transit_address") : null,
                string(info, "ipmi_target_channel"), string(info, "ipmi_target_address"));
    }

    /** The key to lock and pace on: one BMC may serve several nodes (bridging), and one address several ports. */
    String bmcKey() {
        return address + ":" + (port == null ? 623 : port);
    }

    @Override
    public String toString() {
        return "DriverInfo[" + uuid + " " + username + "@" + bmcKey() + " priv=" + privLevel + " proto=" + protocolVersion
                + " cipher=" + cipherSuite + " bridging=" + bridging.type() + "]";
    }

    /** Ironic's {@code strutils.bool_from_string}: anything unrecognised is the default. */
    static boolean bool(Object value, boolean dflt) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return dflt;
        }
        String s = value.toString().trim().toLowerCase(Locale.ROOT);
        if (Set.of("1", "t", "true", "on", "y", "yes").contains(s)) {
            return true;
        }
        if (Set.of("0", "f", "false", "off", "n", "no").contains(s)) {
            return false;
        }
        return dflt;
    }

    private static String passwordOf(Map<String, Object> info) {
        Object p = info.get("ipmi_password");
        return p == null ? "" : p.toString();
    }

    private static String string(Map<String, Object> info, String key) {
        Object v = info.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    private static Integer port(Map<String, Object> info, String key) throws InvalidParameterException {
        String s = string(info, key);
        if (s == null) {
            return null;
        }
        try {
            int p = s.contains(".") ? (int) Double.parseDouble(s) : Integer.parseInt(s.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(key + " \"" + s + "\" is not a valid port number (1-65535).");
    }

    private static PropertySpec optional(String name, String description) {
        return new PropertySpec(name, description, false);
    }
}
