package org.ferric.driver.redfish.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PropertySpec;

/**
 * A node's {@code driver_info} for Redfish, parsed and checked as Ironic's
 * {@code redfish_utils.parse_driver_info}. {@link #toString()} hides the password.
 *
 * @param address  scheme and authority, e.g. {@code https://10.0.0.5:8443}
 * @param rootPath the service root, {@code /redfish/v1/} unless the address has a path
 * @param systemId the System's path, or null to pick the only one
 * @param verifyCa {@code "true"}, {@code "false"} or a CA file or directory
 */
record DriverInfo(String uuid, String address, String rootPath, String systemId, String username, String password,
        String verifyCa, String authType) {

    static final List<String> AUTH_TYPES = List.of("basic", "session", "auto");

    /** Ironic's redfish {@code COMMON_PROPERTIES}, with its descriptions. */
    static final List<PropertySpec> PROPERTIES = List.of(
            new PropertySpec("redfish_address", "The URL address to the Redfish controller. It must include the authority "
                    + "portion of the URL. If the scheme is missing, https is assumed. For example: https://mgmt.vendor.com. "
                    + "If a path is added, it will be used as the API endpoint root_prefix. Required", true),
            PropertySpec.optional("redfish_system_id", "The canonical path to the ComputerSystem resource that the driver "
                    + "will interact with. It should include the root service, version and the unique resource path to a "
                    + "ComputerSystem within the same authority as the redfish_address property. For example: "
                    + "/redfish/v1/Systems/1. This property is only required if target BMC manages more than one "
                    + "ComputerSystem. Otherwise ironic will pick the only available ComputerSystem automatically."),
            PropertySpec.optional("redfish_username", "User account with admin/server-profile access privilege. Although "
                    + "this property is not mandatory it's highly recommended to set a username."),
            PropertySpec.optional("redfish_password", "User account password. Although this property is not mandatory, "
                    + "it's highly recommended to set a password."),
            PropertySpec.optional("redfish_verify_ca", "Either a Boolean value, a path to a CA_BUNDLE file or directory "
                    + "with certificates of trusted CAs. If set to True the driver will verify the host certificates; if "
                    + "False the driver will ignore verifying the SSL certificate. If it's a path the driver will use the "
                    + "specified certificate or one of the certificates in the directory. Defaults to True."),
            new PropertySpec("redfish_auth_type", "Redfish HTTP client authentication method. Can be \"basic\", "
                    + "\"session\" or \"auto\". If not set, the default value is taken from the driver's auth.type "
                    + "setting.", false));

    static DriverInfo parse(NodeView node, String defaultAuthType) throws InvalidParameterException {
        Map<String, Object> info = node.driverInfo() == null ? Map.of() : node.driverInfo();
        String raw = string(info, "redfish_address");
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException("Missing the following Redfish properties in node " + node.uuid()
                    + " driver_info: redfish_address");
        }
        String withScheme = raw.contains("://") ? raw.strip() : "https://" + raw.strip();
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw invalidAddress(raw, node);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw invalidAddress(raw, node);
        }
        String address = scheme + "://" + uri.getRawAuthority();
        String root = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? "/redfish/v1/" : uri.getRawPath().endsWith("/") ? uri.getRawPath() : uri.getRawPath() + "/";

        String systemId = string(info, "redfish_system_id");
        if (systemId != null && (systemId.isBlank() || !systemId.startsWith("/"))) {
            throw new InvalidParameterException("Invalid value \"" + systemId + "\" set in driver_info/redfish_system_id "
                    + "on node " + node.uuid() + ". The value should be a path (string) to the resource that the driver "
                    + "will interact with. For example: /redfish/v1/Systems/1");
        }

        String verify = verifyCa(info.get("redfish_verify_ca"), node);
        String auth = string(info, "redfish_auth_type");
        auth = auth == null ? defaultAuthType : auth;
        if (!AUTH_TYPES.contains(auth)) {
            throw new InvalidParameterException("Invalid value \"" + auth + "\" set in driver_info/redfish_auth_type on "
                    + "node " + node.uuid() + ". The value should be one of \"basic\", \"session\" or \"auto\".");
        }
        return new DriverInfo(node.uuid(), address, root, systemId == null ? null : systemId.replaceAll("/+$", ""),
                string(info, "redfish_username"), string(info, "redfish_password"), verify, auth);
    }

    private static InvalidParameterException invalidAddress(String raw, NodeView node) {
        return new InvalidParameterException("Invalid Redfish address " + raw
                + " set in driver_info/redfish_address on node " + node.uuid());
    }

    private static String verifyCa(Object value, NodeView node) throws InvalidParameterException {
        if (value == null) {
            return "true";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        String s = value.toString().strip();
        if (Files.exists(Path.of(s))) {
            return s;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1":
                return "true";
            case "false", "f", "no", "n", "off", "0":
                return "false";
            default:
                throw new InvalidParameterException("Invalid value type set in driver_info/redfish_verify_ca on node "
                        + node.uuid() + ". The value should be a Boolean or the path to a file/directory, not \"" + s + "\"");
        }
    }

    static String string(Map<String, Object> info, String key) {
        Object v = info.get(key);
        return v == null ? null : v.toString();
    }

    /** What identifies one BMC connection: two nodes on one BMC share it, a new password makes a new one. */
    String connectionKey() {
        return String.join("\u0000", address, rootPath, String.valueOf(username),
                Integer.toHexString(String.valueOf(password).hashCode()), verifyCa, authType);
    }

    @Override
    public String toString() {
        return "DriverInfo[address=" + address + rootPath + ", system=" + systemId + ", username=" + username
                + ", password=" + (password == null ? "none" : "******") + ", verifyCa=" + verifyCa
                + ", authType=" + authType + "]";
    }
}
