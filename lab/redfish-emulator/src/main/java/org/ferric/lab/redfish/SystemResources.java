package org.ferric.lab.redfish;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of a ComputerSystem and of everything below it. */
final class SystemResources {
    static final String SYSTEMS = "/redfish/v1/Systems";
    static final String MANAGERS = "/redfish/v1/Managers";
    static final String CHASSIS = "/redfish/v1/Chassis";

    private SystemResources() {
    }

    static String path(EmulatedSystem s) {
        return SYSTEMS + "/" + s.id();
    }

    static ObjectNode system(EmulatedSystem s) {
        String p = path(s);
        ObjectNode n = Json.resource(p, "#ComputerSystem.v1_10_0.ComputerSystem", s.id(), "Emulated server " + s.id());
        n.put("UUID", s.uuid());
        n.put("SystemType", "Physical");
        n.put("Manufacturer", "Ferric Lab");
        n.put("Model", "Redfish emulator");
        n.put("SerialNumber", "FL-" + s.id());
        n.put("PowerState", s.powerState());
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        ObjectNode boot = n.putObject("Boot");
        boot.put("BootSourceOverrideTarget", s.bootTarget());
        boot.put("BootSourceOverrideEnabled", s.bootEnabled());
        boot.put("BootSourceOverrideMode", s.bootMode());
        strings(boot.putArray("BootSourceOverrideTarget@Redfish.AllowableValues"), EmulatedSystem.BOOT_TARGETS);
        strings(boot.putArray("BootSourceOverrideMode@Redfish.AllowableValues"), EmulatedSystem.BOOT_MODES);
        Hardware hw = s.hardware();
        n.putObject("ProcessorSummary").put("Count", hw.processors())
                .put("LogicalProcessorCount", hw.processors() * hw.threads()).put("Model", "Emulated CPU")
                .putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.putObject("MemorySummary").put("TotalSystemMemoryGiB", hw.memoryGib())
                .putObject("Status").put("State", "Enabled").put("Health", "OK");
        for (String sub : List.of("Processors", "SimpleStorage", "Storage", "EthernetInterfaces", "Bios", "VirtualMedia")) {
            n.set(sub, Json.link(p + "/" + sub));
        }
        ObjectNode links = n.putObject("Links");
        links.putArray("ManagedBy").add(Json.link(MANAGERS + "/" + s.id()));
        links.putArray("Chassis").add(Json.link(CHASSIS + "/" + s.id()));
        ObjectNode reset = n.putObject("Actions").putObject("#ComputerSystem.Reset");
        reset.put("target", p + "/Actions/ComputerSystem.Reset");
        strings(reset.putArray("ResetType@Redfish.AllowableValues"), EmulatedSystem.RESET_TYPES);
        return n;
    }

    static ObjectNode processors(EmulatedSystem s) {
        return Json.collection(path(s) + "/Processors", "#ProcessorCollection.ProcessorCollection", "Processors",
                range(s.hardware().processors()).stream().map(i -> path(s) + "/Processors/CPU" + i).toList());
    }

    static ObjectNode processor(EmulatedSystem s, String id) {
        Hardware hw = s.hardware();
        if (!range(hw.processors()).stream().map(i -> "CPU" + i).toList().contains(id)) {
            throw RedfishError.notFound(path(s) + "/Processors/" + id);
        }
        ObjectNode n = Json.resource(path(s) + "/Processors/" + id, "#Processor.v1_7_0.Processor", id, id);
        n.put("ProcessorType", "CPU");
        n.put("ProcessorArchitecture", hw.architecture());
        n.put("InstructionSet", "x86".equals(hw.architecture()) ? "x86-64" : hw.architecture());
        n.put("Model", "Emulated CPU");
        n.put("TotalCores", Math.max(1, hw.threads() / 2));
        n.put("TotalThreads", hw.threads());
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return n;
    }

    static ObjectNode simpleStorageCollection(EmulatedSystem s) {
        return Json.collection(path(s) + "/SimpleStorage", "#SimpleStorageCollection.SimpleStorageCollection",
                "Simple storage", List.of(path(s) + "/SimpleStorage/1"));
    }

    static ObjectNode simpleStorage(EmulatedSystem s, String id) {
        if (!"1".equals(id)) {
            throw RedfishError.notFound(path(s) + "/SimpleStorage/" + id);
        }
        ObjectNode n = Json.resource(path(s) + "/SimpleStorage/1", "#SimpleStorage.v1_2_0.SimpleStorage", "1", "SATA controller");
        ArrayNode devices = n.putArray("Devices");
        for (Hardware.Disk d : s.hardware().disks()) {
            devices.addObject().put("Name", d.name()).put("CapacityBytes", d.capacityBytes())
                    .putObject("Status").put("State", "Enabled").put("Health", "OK");
        }
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return n;
    }

    static ObjectNode storageCollection(EmulatedSystem s) {
        return Json.collection(path(s) + "/Storage", "#StorageCollection.StorageCollection", "Storage",
                List.of(path(s) + "/Storage/1"));
    }

    static ObjectNode storage(EmulatedSystem s, String id) {
        if (!"1".equals(id)) {
            throw RedfishError.notFound(path(s) + "/Storage/" + id);
        }
        ObjectNode n = Json.resource(path(s) + "/Storage/1", "#Storage.v1_4_0.Storage", "1", "Storage controller");
        ArrayNode drives = n.putArray("Drives");
        s.hardware().disks().forEach(d -> drives.add(Json.link(path(s) + "/Storage/1/Drives/" + d.name())));
        n.put("Drives@odata.count", drives.size());
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return n;
    }

    static ObjectNode drive(EmulatedSystem s, String storageId, String name) {
        Hardware.Disk disk = s.hardware().disks().stream().filter(d -> d.name().equals(name) && "1".equals(storageId))
                .findFirst().orElseThrow(() -> RedfishError.notFound(path(s) + "/Storage/" + storageId + "/Drives/" + name));
        ObjectNode n = Json.resource(path(s) + "/Storage/1/Drives/" + name, "#Drive.v1_4_0.Drive", name, disk.name());
        n.put("CapacityBytes", disk.capacityBytes());
        n.put("MediaType", "HDD");
        n.put("Protocol", "SATA");
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return n;
    }

    static ObjectNode nics(EmulatedSystem s) {
        return Json.collection(path(s) + "/EthernetInterfaces", "#EthernetInterfaceCollection.EthernetInterfaceCollection",
                "Ethernet interfaces", s.hardware().nics().stream().map(n -> path(s) + "/EthernetInterfaces/" + n.id()).toList());
    }

    static ObjectNode nic(EmulatedSystem s, String id) {
        Hardware.Nic nic = s.hardware().nics().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> RedfishError.notFound(path(s) + "/EthernetInterfaces/" + id));
        ObjectNode n = Json.resource(path(s) + "/EthernetInterfaces/" + id, "#EthernetInterface.v1_4_0.EthernetInterface",
                id, "Ethernet interface " + id);
        n.put("MACAddress", nic.mac());
        n.put("PermanentMACAddress", nic.mac());
        n.put("SpeedMbps", 10000);
        n.putObject("Status").put("State", nic.enabled() ? "Enabled" : "Disabled").put("Health", "OK");
        return n;
    }

    static ObjectNode bios(EmulatedSystem s) {
        String p = path(s) + "/Bios";
        ObjectNode n = Json.resource(p, "#Bios.v1_1_0.Bios", "BIOS", "BIOS configuration");
        n.put("AttributeRegistry", "BiosAttributeRegistry.v1_0_0");
        n.set("Attributes", Json.fromMap(s.bios()));
        ObjectNode settings = n.putObject("@Redfish.Settings");
        settings.put("@odata.type", "#Settings.v1_3_0.Settings");
        settings.set("SettingsObject", Json.link(p + "/Settings"));
        strings(settings.putArray("SupportedApplyTimes"), List.of("OnReset"));
        ObjectNode actions = n.putObject("Actions");
        actions.putObject("#Bios.ResetBios").put("target", p + "/Actions/Bios.ResetBios");
        actions.putObject("#Bios.ChangePassword").put("target", p + "/Actions/Bios.ChangePassword");
        return n;
    }

    static ObjectNode biosSettings(EmulatedSystem s) {
        ObjectNode n = Json.resource(path(s) + "/Bios/Settings", "#Bios.v1_1_0.Bios", "Settings", "BIOS pending settings");
        n.set("Attributes", Json.fromMap(s.pendingBios()));
        return n;
    }

    static ObjectNode virtualMediaCollection(String base, EmulatedSystem s) {
        return Json.collection(base + "/VirtualMedia", "#VirtualMediaCollection.VirtualMediaCollection", "Virtual media",
                s.mediaIds().stream().map(id -> base + "/VirtualMedia/" + id).toList());
    }

    static ObjectNode virtualMedia(String base, EmulatedSystem s, String id) {
        EmulatedSystem.Media m = s.media(id);
        if (m == null) {
            throw RedfishError.notFound(base + "/VirtualMedia/" + id);
        }
        String p = base + "/VirtualMedia/" + id;
        ObjectNode n = Json.resource(p, "#VirtualMedia.v1_3_0.VirtualMedia", id, "Virtual " + m.types.get(0));
        strings(n.putArray("MediaTypes"), m.types);
        String image = m.image();
        n.put("Image", image);
        n.put("ImageName", image == null ? null : image.substring(image.lastIndexOf('/') + 1));
        n.put("Inserted", m.inserted());
        n.put("WriteProtected", m.writeProtected);
        n.put("ConnectedVia", m.inserted() ? "URI" : "NotConnected");
        n.put("TransferProtocolType", image == null ? null : image.substring(0, Math.max(0, image.indexOf(':'))).toUpperCase());
        ObjectNode actions = n.putObject("Actions");
        actions.putObject("#VirtualMedia.InsertMedia").put("target", p + "/Actions/VirtualMedia.InsertMedia");
        actions.putObject("#VirtualMedia.EjectMedia").put("target", p + "/Actions/VirtualMedia.EjectMedia");
        return n;
    }

    static ObjectNode manager(EmulatedSystem s) {
        String p = MANAGERS + "/" + s.id();
        ObjectNode n = Json.resource(p, "#Manager.v1_5_0.Manager", s.id(), "BMC of " + s.id());
        n.put("ManagerType", "BMC");
        n.put("UUID", s.uuid());
        n.put("FirmwareVersion", "ferric-lab-1.0");
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.set("VirtualMedia", Json.link(p + "/VirtualMedia"));
        ObjectNode links = n.putObject("Links");
        links.putArray("ManagerForServers").add(Json.link(path(s)));
        links.putArray("ManagerForChassis").add(Json.link(CHASSIS + "/" + s.id()));
        return n;
    }

    static ObjectNode chassis(EmulatedSystem s) {
        ObjectNode n = Json.resource(CHASSIS + "/" + s.id(), "#Chassis.v1_8_0.Chassis", s.id(), "Chassis of " + s.id());
        n.put("ChassisType", "RackMount");
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        ObjectNode links = n.putObject("Links");
        links.putArray("ComputerSystems").add(Json.link(path(s)));
        links.putArray("ManagedBy").add(Json.link(MANAGERS + "/" + s.id()));
        return n;
    }

    /** Attributes of a PATCH to Bios/Settings, as plain values. */
    static Map<String, Object> attributes(JsonNode body) {
        JsonNode attrs = body.get("Attributes");
        if (attrs == null || !attrs.isObject()) {
            throw new RedfishError(400, "Base.1.8.PropertyMissing",
                    "The property Attributes is a required property and must be included in the request.");
        }
        return Json.MAPPER.convertValue(attrs, Json.MAPPER.getTypeFactory().constructMapType(
                java.util.LinkedHashMap.class, String.class, Object.class));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }
}
