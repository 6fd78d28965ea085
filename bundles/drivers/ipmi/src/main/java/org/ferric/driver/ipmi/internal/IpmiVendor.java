package org.ferric.driver.ipmi.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PassthruMethod;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.ferric.driver.api.VendorInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ironic's ipmitool {@code VendorPassthru}: {@code send_raw} and {@code bmc_reset}. */
final class IpmiVendor extends IpmiInterface implements VendorInterface {
    private static final Logger LOG = LoggerFactory.getLogger(IpmiVendor.class);
    private static final Pattern RAW_BYTE = Pattern.compile("(0x)?[0-9a-fA-F]{1,2}");

    static final String SEND_RAW = "send_raw";
    static final String BMC_RESET = "bmc_reset";

    IpmiVendor(IpmiTool ipmitool) {
        super(ipmitool);
    }

    @Override
    public List<PassthruMethod> methods() {
        return List.of(
                new PassthruMethod(SEND_RAW, Set.of("POST"), true, "Send raw bytes to the BMC. Required argument: "
                        + "'raw_bytes' - a string of raw bytes (e.g. '0x00 0x01').", false, true),
                new PassthruMethod(BMC_RESET, Set.of("POST"), true, "Reset the BMC. Required argument: 'warm' "
                        + "(Boolean) - for warm (True) or cold (False) reset.", false, true));
    }

    @Override
    public Object call(TaskContext task, String method, String httpMethod, Map<String, Object> data)
            throws DriverException {
        Map<String, Object> args = data == null ? Map.of() : data;
        if (!"POST".equalsIgnoreCase(httpMethod)) {
            throw new UnsupportedDriverOperationException("Vendor method " + method + " only accepts POST");
        }
        DriverInfo info = DriverInfo.parse(task.node());
        switch (method) {
            case SEND_RAW -> {
                String[] command = IpmiManagement.rawCommand(rawBytes(args.get("raw_bytes")));
                LOG.debug("Sending node {} raw bytes {}", info.uuid(), args.get("raw_bytes"));
                IpmiTool.Output out = ipmitool.run(info, command);
                LOG.debug("send_raw for node {} returned {}", info.uuid(), out.stdout().strip());
                return null; // as Ironic: the answer is not returned to the caller
            }
            case BMC_RESET -> {
                String kind = DriverInfo.bool(args.getOrDefault("warm", true), false) ? "warm" : "cold";
                LOG.info("Doing a {} BMC reset on node {}", kind, info.uuid());
                ipmitool.run(info, "bmc", "reset", kind);
                return null;
            }
            default -> throw new UnsupportedDriverOperationException(
                    "No vendor method " + method + " in the ipmitool vendor interface; known: send_raw, bmc_reset");
        }
    }

    /** Checked here because ipmitool's own complaint about a bad byte is hard to read. */
    static String rawBytes(Object value) throws InvalidParameterException {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidParameterException("Parameter raw_bytes (string of bytes) was not specified.");
        }
        String bytes = value.toString().strip();
        for (String b : bytes.split("\\s+")) {
            if (!RAW_BYTE.matcher(b).matches()) {
                throw new InvalidParameterException("Parameter raw_bytes must be bytes separated by spaces, e.g. "
                        + "'0x00 0x01'; got \"" + b + "\".");
            }
        }
        return bytes;
    }
}
