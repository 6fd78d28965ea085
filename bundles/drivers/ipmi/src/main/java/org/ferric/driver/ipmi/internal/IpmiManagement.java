package org.ferric.driver.ipmi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ironic's {@code IPMIManagement}: boot device, NMI and sensors through ipmitool. */
final class IpmiManagement extends IpmiInterface implements ManagementInterface {
    private static final Logger LOG = LoggerFactory.getLogger(IpmiManagement.class);

    /** Boot device selector values of Set System Boot Options parameter 5 (IPMI 2.0 spec, 28.13). */
    static final Map<String, String> BOOT_DEVICE_CODES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pxe", "0x04");
        m.put("disk", "0x08");
        m.put("cdrom", "0x14");
        m.put("bios", "0x18");
        m.put("safe", "0x0c");
        BOOT_DEVICE_CODES = java.util.Collections.unmodifiableMap(m);
    }

    /** Set System Boot Options parameter 3: keeps the BMC from dropping the boot flags after 60 s. */
    static final String DISABLE_BOOT_TIMEOUT = "0x00 0x08 0x03 0x08";

    static final String PERSISTENT_BOOT_DEVICE = "persistent_boot_device";
    static final String NEXT_BOOT_PERSISTENT = "is_next_boot_persistent";

    IpmiManagement(IpmiTool ipmitool) {
        super(ipmitool);
    }

    @Override
    public List<String> supportedBootDevices(TaskContext task) {
        return List.copyOf(BOOT_DEVICE_CODES.keySet());
    }

    @Override
    public void setBootDevice(TaskContext task, String device, boolean persistent) throws DriverException {
        if (!BOOT_DEVICE_CODES.containsKey(device)) {
            throw new InvalidParameterException("Invalid boot device " + device + " specified; supported: "
                    + String.join(", ", BOOT_DEVICE_CODES.keySet()));
        }
        DriverInfo info = DriverInfo.parse(task.node());
        if (info.forceBootDevice()) {
            // The BMC may not keep a persistent device: remember it and set it again before each power on.
            if (persistent) {
                task.putDriverInternalInfo(NEXT_BOOT_PERSISTENT, null);
                task.putDriverInternalInfo(PERSISTENT_BOOT_DEVICE, device);
            } else {
                task.putDriverInternalInfo(NEXT_BOOT_PERSISTENT, false);
            }
            persistent = false;
        }
        sendBootDevice(task, info, device, persistent);
    }

    private void sendBootDevice(TaskContext task, DriverInfo info, String device, boolean persistent)
            throws DriverException {
        boolean disableTimeout = info.disableBootTimeout() != null ? info.disableBootTimeout()
                : settings().disableBootTimeout();
        if (disableTimeout) {
            ipmitool.run(info, rawCommand(DISABLE_BOOT_TIMEOUT));
        } else {
            LOG.debug("Node {}: ipmi_disable_boot_timeout is false, not disabling the boot flag timeout", info.uuid());
        }
        ipmitool.run(info, bootDeviceCommand(task, device, persistent));
    }

    /**
     * UEFI boots are set with raw bytes because ipmitool's {@code efiboot} option does not work on every
     * BMC; legacy boots with {@code chassis bootdev}, as Ironic does.
     */
    String[] bootDeviceCommand(TaskContext task, String device, boolean persistent) {
        if (BootMode.UEFI.equals(BootMode.of(task.node(), settings().defaultBootMode()))) {
            String code = BOOT_DEVICE_CODES.get(device);
            Object vendor = task.node().properties() == null ? null : task.node().properties().get("vendor");
            if (device.equals("disk") && vendor != null && vendor.toString().toLowerCase(Locale.ROOT).equals("supermicro")) {
                code = "0x24"; // Supermicro's UEFI hard disk
            }
            return rawCommand("0x00 0x08 0x05 " + (persistent ? "0xe0" : "0xa0") + " " + code + " 0x00 0x00 0x00");
        }
        List<String> cmd = new ArrayList<>(List.of("chassis", "bootdev", device));
        if (persistent) {
            cmd.add("options=persistent");
        }
        return cmd.toArray(String[]::new);
    }

    static String[] rawCommand(String bytes) {
        List<String> cmd = new ArrayList<>();
        cmd.add("raw");
        cmd.addAll(List.of(bytes.strip().split("\\s+")));
        return cmd.toArray(String[]::new);
    }

    @Override
    public BootDevice getBootDevice(TaskContext task) throws DriverException {
        DriverInfo info = DriverInfo.parse(task.node());
        Map<String, Object> internal = task.node().driverInternalInfo() == null ? Map.of() : task.node().driverInternalInfo();
        Object remembered = internal.get(PERSISTENT_BOOT_DEVICE);
        if (info.forceBootDevice() && remembered != null && DriverInfo.bool(internal.get(NEXT_BOOT_PERSISTENT), true)) {
            return new BootDevice(remembered.toString(), true);
        }
        return BootParamParser.parse(ipmitool.run(info, "chassis", "bootparam", "get", "5").stdout());
    }

    /**
     * Ironic's {@code ensure_next_boot_device}: with ipmi_force_boot_device, sets the remembered
     * persistent device again before a power on, unless a one-time device was asked for.
     */
    void ensureNextBootDevice(TaskContext task, DriverInfo info) throws DriverException {
        if (!info.forceBootDevice()) {
            return;
        }
        Map<String, Object> internal = task.node().driverInternalInfo() == null ? Map.of() : task.node().driverInternalInfo();
        if (Boolean.FALSE.equals(internal.get(NEXT_BOOT_PERSISTENT))
                || "false".equalsIgnoreCase(String.valueOf(internal.get(NEXT_BOOT_PERSISTENT)))) {
            task.putDriverInternalInfo(NEXT_BOOT_PERSISTENT, null);
        } else if (internal.get(PERSISTENT_BOOT_DEVICE) != null) {
            String device = internal.get(PERSISTENT_BOOT_DEVICE).toString();
            // A one-time setting, repeated before every power on; unlike Ironic (which goes through
            // set_boot_device and so marks the next boot as one-time) the remembered state is left alone.
            sendBootDevice(task, info, device, false);
        }
    }

    @Override
    public void injectNmi(TaskContext task) throws DriverException {
        ipmitool.run(DriverInfo.parse(task.node()), "power", "diag");
    }

    @Override
    public Map<String, Object> sensorsData(TaskContext task) throws DriverException {
        DriverInfo info = DriverInfo.parse(task.node());
        try {
            return SensorDataParser.parse(ipmitool.run(info, "sdr", "-v").stdout());
        } catch (DriverException e) {
            throw new DriverException("Failed to get sensor data for node " + info.uuid() + ": " + e.getMessage(), e);
        }
    }
}
