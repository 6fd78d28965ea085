package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A System's virtual media devices: under the System itself (newer BMCs) or under the Managers
 * that manage it (older ones), as Ironic's {@code _insert_vmedia}/{@code _eject_vmedia}.
 */
final class VirtualMedia {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMedia.class);

    /** Redfish MediaTypes, as Ironic (sushy) names the devices. */
    static final List<String> TYPES = List.of("CD", "DVD", "Floppy", "USBStick");

    record Device(String path, List<String> types, boolean inserted, String image, String insertTarget, String ejectTarget) {
        boolean accepts(String type) {
            // A DVD drive plays CDs too (Ironic's note on Cisco UCS blades).
            return types.contains(type) || ("CD".equals(type) && types.contains("DVD"));
        }
    }

    private VirtualMedia() {
    }

    static List<Device> devices(RedfishSystem system) throws DriverException {
        JsonNode json = system.json();
        List<String> collections = new ArrayList<>();
        String own = RedfishSystem.link(json, "VirtualMedia");
        if (own != null) {
            collections.add(own);
        } else {
            for (JsonNode m : json.path("Links").path("ManagedBy")) {
                String manager = m.path("@odata.id").asText("");
                if (!manager.isBlank()) {
                    String vm = RedfishSystem.link(system.client.get(manager), "VirtualMedia");
                    if (vm != null) {
                        collections.add(vm);
                    }
                }
            }
        }
        List<Device> devices = new ArrayList<>();
        for (String c : collections) {
            for (String path : RedfishSystem.members(system.client.get(c))) {
                JsonNode d = system.client.get(path);
                List<String> types = new ArrayList<>();
                d.path("MediaTypes").forEach(t -> types.add(t.asText()));
                JsonNode actions = d.path("Actions");
                devices.add(new Device(path, types, d.path("Inserted").asBoolean(false),
                        d.path("Image").isNull() ? null : d.path("Image").asText(null),
                        actions.path("#VirtualMedia.InsertMedia").path("target").asText(null),
                        actions.path("#VirtualMedia.EjectMedia").path("target").asText(null)));
            }
        }
        return devices;
    }

    /** Normalises a user's device name ({@code cd}, {@code usbstick}, ...) to Redfish's; null stays null (all). */
    static String type(Object name) throws InvalidParameterException {
        if (name == null) {
            return null;
        }
        for (String t : TYPES) {
            if (t.toLowerCase(Locale.ROOT).equals(name.toString().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new InvalidParameterException("The parameter boot_device must be one of " + String.join(", ", TYPES)
                + "; got \"" + name + "\".");
    }

    static void insert(RedfishSystem system, String image, String type) throws DriverException {
        for (Device d : devices(system)) {
            if (!d.accepts(type)) {
                continue;
            }
            if (d.inserted()) {
                if (image.equals(d.image())) {
                    LOG.debug("{} is already in {} of node {}", image, d.path(), system.nodeUuid);
                    return;
                }
                continue;
            }
            ObjectNode body = RedfishClient.JSON.createObjectNode().put("Image", image).put("Inserted", true)
                    .put("WriteProtected", true);
            if (d.insertTarget() != null) {
                system.client.awaitTask(system.client.post(d.insertTarget(), body), "Inserting " + image);
            } else { // before Redfish 1.2 (VirtualMedia 1.1): a PATCH of the device
                system.client.awaitTask(system.client.patch(d.path(), body, null), "Inserting " + image);
            }
            LOG.info("Inserted {} into {} of node {}", image, d.path(), system.nodeUuid);
            return;
        }
        throw new InvalidParameterException("No suitable virtual media device (" + type + ") found for node "
                + system.nodeUuid + " on the Redfish BMC at " + system.client.address());
    }

    /** Ejects what is inserted in devices of that type (all devices when null); true if anything was. */
    static boolean eject(RedfishSystem system, String type) throws DriverException {
        boolean found = false;
        for (Device d : devices(system)) {
            if (type != null && !d.accepts(type)) {
                continue;
            }
            if (!d.inserted()) {
                continue;
            }
            if (d.ejectTarget() != null) {
                system.client.awaitTask(system.client.post(d.ejectTarget(), null), "Ejecting " + d.path());
            } else {
                ObjectNode body = RedfishClient.JSON.createObjectNode().put("Inserted", false);
                body.putNull("Image");
                system.client.awaitTask(system.client.patch(d.path(), body, null), "Ejecting " + d.path());
            }
            LOG.info("Ejected {} from {} of node {}", d.image(), d.path(), system.nodeUuid);
            found = true;
        }
        return found;
    }
}
