package org.ferric.conductor.internal;

import org.ferric.db.api.Node;
import org.ferric.driver.api.InterfaceType;

/** Reads and writes a node's {@code <type>_interface} fields by interface type. */
final class NodeInterfaces {

    private NodeInterfaces() {
    }

    static String get(Node node, InterfaceType type) {
        return switch (type) {
            case BIOS -> node.getBiosInterface();
            case BOOT -> node.getBootInterface();
            case CONSOLE -> node.getConsoleInterface();
            case DEPLOY -> node.getDeployInterface();
            case INSPECT -> node.getInspectInterface();
            case MANAGEMENT -> node.getManagementInterface();
            case NETWORK -> node.getNetworkInterface();
            case POWER -> node.getPowerInterface();
            case RAID -> node.getRaidInterface();
            case RESCUE -> node.getRescueInterface();
            case STORAGE -> node.getStorageInterface();
            case VENDOR -> node.getVendorInterface();
        };
    }

    static void set(Node node, InterfaceType type, String value) {
        switch (type) {
            case BIOS -> node.setBiosInterface(value);
            case BOOT -> node.setBootInterface(value);
            case CONSOLE -> node.setConsoleInterface(value);
            case DEPLOY -> node.setDeployInterface(value);
            case INSPECT -> node.setInspectInterface(value);
            case MANAGEMENT -> node.setManagementInterface(value);
            case NETWORK -> node.setNetworkInterface(value);
            case POWER -> node.setPowerInterface(value);
            case RAID -> node.setRaidInterface(value);
            case RESCUE -> node.setRescueInterface(value);
            case STORAGE -> node.setStorageInterface(value);
            case VENDOR -> node.setVendorInterface(value);
        }
    }
}
