package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ironic's {@code RedfishManagement}: the boot override (Boot.BootSourceOverrideTarget, with
 * Enabled Once or Continuous), the boot mode (BootSourceOverrideMode), and NMI (Reset Nmi).
 */
final class RedfishManagement extends RedfishInterface implements ManagementInterface {
    private static final Logger LOG = LoggerFactory.getLogger(RedfishManagement.class);

    /** Ironic's BOOT_DEVICE_MAP, Ironic's names to Redfish's. */
    static final Map<String, String> BOOT_DEVICES = orderedMap("pxe", "Pxe", "disk", "Hdd", "cdrom", "Cd", "bios", "BiosSetup");
    /** Ironic's BOOT_MODE_MAP. */
    static final Map<String, String> BOOT_MODES = orderedMap("uefi", "UEFI", "bios", "Legacy");

    RedfishManagement(Connections connections) {
        super(connections);
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String ironicName(Map<String, String> map, String redfish) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(redfish)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @Override
    public List<String> supportedBootDevices(TaskContext task) throws DriverException {
        JsonNode allowed = connections.system(task.node()).json().path("Boot").path("BootSourceOverrideTarget@Redfish.AllowableValues");
        if (!allowed.isArray() || allowed.isEmpty()) {
            return List.copyOf(BOOT_DEVICES.keySet()); // the BMC does not say: assume the standard ones
        }
        List<String> devices = new ArrayList<>();
        for (JsonNode a : allowed) {
            String name = ironicName(BOOT_DEVICES, a.asText());
            if (name != null) {
                devices.add(name);
            }
        }
        return devices;
    }

    @Override
    public void setBootDevice(TaskContext task, String device, boolean persistent) throws DriverException {
        String target = BOOT_DEVICES.get(device);
        if (target == null) {
            throw new InvalidParameterException("Invalid boot device " + device + " specified. Valid devices: "
                    + String.join(", ", BOOT_DEVICES.keySet()));
        }
        ObjectNode boot = RedfishClient.JSON.createObjectNode();
        boot.put("BootSourceOverrideTarget", target);
        boot.put("BootSourceOverrideEnabled", persistent ? "Continuous" : "Once");
        patchBoot(task, boot, "Setting boot device to " + device);
        LOG.info("Node {} set to boot from {} ({})", task.node().uuid(), device, persistent ? "persistent" : "next boot");
    }

    @Override
    public BootDevice getBootDevice(TaskContext task) throws DriverException {
        JsonNode boot = connections.system(task.node()).json().path("Boot");
        String enabled = boot.path("BootSourceOverrideEnabled").asText("");
        Boolean persistent = switch (enabled) {
            case "Continuous" -> Boolean.TRUE;
            case "Once" -> Boolean.FALSE;
            default -> null;
        };
        return new BootDevice(ironicName(BOOT_DEVICES, boot.path("BootSourceOverrideTarget").asText("")), persistent);
    }

    /** {@code uefi} or {@code bios} (legacy), or null when the BMC does not say. */
    String getBootMode(TaskContext task) throws DriverException {
        return ironicName(BOOT_MODES, connections.system(task.node()).json().path("Boot").path("BootSourceOverrideMode").asText(""));
    }

    void setBootMode(TaskContext task, String mode) throws DriverException {
        String redfish = BOOT_MODES.get(mode);
        if (redfish == null) {
            throw new InvalidParameterException("Invalid boot mode " + mode + "; valid modes: uefi, bios");
        }
        ObjectNode boot = RedfishClient.JSON.createObjectNode().put("BootSourceOverrideMode", redfish);
        patchBoot(task, boot, "Setting boot mode to " + mode);
    }

    /** PATCHes System.Boot with the ETag just read; a 412 means someone changed it in between: read again, once. */
    private void patchBoot(TaskContext task, ObjectNode boot, String what) throws DriverException {
        RedfishSystem system = connections.system(task.node());
        ObjectNode body = RedfishClient.JSON.createObjectNode();
        body.set("Boot", boot);
        for (int attempt = 1; ; attempt++) {
            RedfishClient.Response current = system.fetch();
            RedfishClient.Response r = system.client.exchange("PATCH", system.path, body, current.etag());
            if (r.status() == 412 && attempt == 1) {
                continue;
            }
            try {
                system.client.awaitTask(system.client.check("PATCH", system.path, r), what);
            } catch (DriverException e) {
                throw new DriverException(what + " failed for node " + task.node().uuid() + ". Error: " + e.getMessage(), e);
            }
            return;
        }
    }

    @Override
    public void injectNmi(TaskContext task) throws DriverException {
        try {
            connections.system(task.node()).reset("Nmi");
        } catch (DriverException e) {
            throw new DriverException("Redfish inject NMI failed for node " + task.node().uuid() + ". Error: "
                    + e.getMessage(), e);
        }
        LOG.info("NMI injected into node {}", task.node().uuid());
    }
}
