package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/**
 * Ironic's {@code redfish-virtual-media} boot, for a prebuilt ISO: the deploy ramdisk boots from
 * {@code redfish_deploy_iso} (or {@code deploy_iso}) inserted as a virtual CD. Building an ISO from
 * a kernel and a ramdisk is not done here.
 */
final class RedfishVirtualMediaBoot extends RedfishInterface implements BootInterface {
    static final List<String> ISO_KEYS = List.of("redfish_deploy_iso", "deploy_iso");

    private final RedfishManagement management;

    RedfishVirtualMediaBoot(Connections connections, RedfishManagement management) {
        super(connections);
        this.management = management;
    }

    @Override
    public String name() {
        return "redfish-virtual-media";
    }

    @Override
    public List<PropertySpec> properties() {
        List<PropertySpec> p = new ArrayList<>(super.properties());
        p.add(PropertySpec.optional("redfish_deploy_iso", "URL of the deploy ISO inserted as a virtual CD. "
                + "Required if deploy_iso is not set."));
        p.add(PropertySpec.optional("deploy_iso", "URL of the deployment ISO to use. Required if redfish_deploy_iso is not set."));
        return p;
    }

    @Override
    public void validate(TaskContext task) throws DriverException {
        super.validate(task);
        deployIso(task.node());
    }

    static String deployIso(NodeView node) throws InvalidParameterException {
        Map<String, Object> info = node.driverInfo() == null ? Map.of() : node.driverInfo();
        for (String key : ISO_KEYS) {
            String v = DriverInfo.string(info, key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new InvalidParameterException("Missing the following properties in node " + node.uuid()
                + " driver_info: redfish_deploy_iso or deploy_iso (the URL of the deploy ISO)");
    }

    /** Ejects the CD, inserts the deploy ISO, syncs the boot mode if the node asks for one, boots from CD once. */
    @Override
    public void prepareRamdisk(TaskContext task) throws DriverException {
        String iso = deployIso(task.node());
        RedfishSystem system = connections.system(task.node());
        VirtualMedia.eject(system, "CD");
        VirtualMedia.insert(system, iso, "CD");
        String wanted = requestedBootMode(task.node());
        if (wanted != null && !wanted.equals(management.getBootMode(task))) {
            management.setBootMode(task, wanted);
        }
        management.setBootDevice(task, "cdrom", false);
    }

    @Override
    public void cleanUpRamdisk(TaskContext task) throws DriverException {
        ejectAll(task);
    }

    /** A whole-disk image boots from the disk: no media, the disk as persistent boot device. */
    @Override
    public void prepareInstance(TaskContext task) throws DriverException {
        ejectAll(task);
        management.setBootDevice(task, "disk", true);
    }

    @Override
    public void cleanUpInstance(TaskContext task) throws DriverException {
        ejectAll(task);
    }

    private void ejectAll(TaskContext task) throws DriverException {
        VirtualMedia.eject(connections.system(task.node()), null);
    }

    /** instance_info.deploy_boot_mode, else the boot_mode capability, as Ironic's boot_mode_utils. */
    static String requestedBootMode(NodeView node) {
        Object direct = node.instanceInfo() == null ? null : node.instanceInfo().get("deploy_boot_mode");
        if (direct != null) {
            return direct.toString();
        }
        Object caps = node.properties() == null ? null : node.properties().get("capabilities");
        if (caps instanceof Map<?, ?> map) {
            return map.get("boot_mode") == null ? null : map.get("boot_mode").toString();
        }
        if (caps != null) {
            for (String kv : caps.toString().split(",")) {
                String[] p = kv.split(":", 2);
                if (p.length == 2 && p[0].strip().equals("boot_mode")) {
                    return p[1].strip();
                }
            }
        }
        return null;
    }
}
