package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.ferric.db.api.Node;

/**
 * A node field as the API shows it: name, the microversion that introduced it (Ironic's
 * {@code VERSIONED_FIELDS}), its JSON kind and how it maps to {@link Node}. Declared in Ironic's
 * output order: uuid and the timestamps, then {@code _get_fields_for_node_query}'s list.
 */
enum NodeField {
    UUID("uuid", 1, Kind.TEXT, Node::getUuid, (n, v) -> n.setUuid((String) v), "uuid"),
    CREATED_AT("created_at", 1, Kind.TIME, Node::getCreatedAt, null, "createdAt"),
    UPDATED_AT("updated_at", 1, Kind.TIME, Node::getUpdatedAt, null, "updatedAt"),
    AUTOMATED_CLEAN("automated_clean", 47, Kind.OPT_BOOL, Node::getAutomatedClean, (n, v) -> n.setAutomatedClean((Boolean) v), "automatedClean"),
    BIOS_INTERFACE("bios_interface", 40, Kind.TEXT, Node::getBiosInterface, (n, v) -> n.setBiosInterface((String) v), "biosInterface"),
    BOOT_INTERFACE("boot_interface", 31, Kind.TEXT, Node::getBootInterface, (n, v) -> n.setBootInterface((String) v), "bootInterface"),
    BOOT_MODE("boot_mode", 75, Kind.TEXT, Node::getBootMode, (n, v) -> n.setBootMode((String) v), "bootMode"),
    CLEAN_STEP("clean_step", 7, Kind.DICT, Node::getCleanStep, null, null),
    CONDUCTOR_GROUP("conductor_group", 46, Kind.TEXT, Node::getConductorGroup,
            (n, v) -> n.setConductorGroup(v == null ? "" : ((String) v).toLowerCase(java.util.Locale.ROOT)), "conductorGroup"),
    CONSOLE_ENABLED("console_enabled", 1, Kind.BOOL, Node::isConsoleEnabled, (n, v) -> n.setConsoleEnabled(Boolean.TRUE.equals(v)), "consoleEnabled"),
    CONSOLE_INTERFACE("console_interface", 31, Kind.TEXT, Node::getConsoleInterface, (n, v) -> n.setConsoleInterface((String) v), "consoleInterface"),
    DEPLOY_INTERFACE("deploy_interface", 31, Kind.TEXT, Node::getDeployInterface, (n, v) -> n.setDeployInterface((String) v), "deployInterface"),
    DEPLOY_STEP("deploy_step", 44, Kind.DICT, Node::getDeployStep, null, null),
    DESCRIPTION("description", 51, Kind.TEXT, Node::getDescription, (n, v) -> n.setDescription((String) v), "description"),
    DRIVER("driver", 1, Kind.TEXT, Node::getDriver, (n, v) -> n.setDriver((String) v), "driver"),
    DRIVER_INFO("driver_info", 1, Kind.DICT, Node::getDriverInfo, (n, v) -> n.setDriverInfo(map(v)), null),
    DRIVER_INTERNAL_INFO("driver_internal_info", 3, Kind.DICT, Node::getDriverInternalInfo, null, null),
    EXTRA("extra", 1, Kind.DICT, Node::getExtra, (n, v) -> n.setExtra(map(v)), null),
    FAULT("fault", 42, Kind.TEXT, Node::getFault, null, "fault"),
    INSPECTION_FINISHED_AT("inspection_finished_at", 6, Kind.TIME, Node::getInspectionFinishedAt, null, "inspectionFinishedAt"),
    INSPECTION_STARTED_AT("inspection_started_at", 6, Kind.TIME, Node::getInspectionStartedAt, null, "inspectionStartedAt"),
    INSPECT_INTERFACE("inspect_interface", 31, Kind.TEXT, Node::getInspectInterface, (n, v) -> n.setInspectInterface((String) v), "inspectInterface"),
    INSTANCE_INFO("instance_info", 1, Kind.DICT, Node::getInstanceInfo, (n, v) -> n.setInstanceInfo(map(v)), null),
    INSTANCE_UUID("instance_uuid", 1, Kind.TEXT, Node::getInstanceUuid, (n, v) -> n.setInstanceUuid((String) v), "instanceUuid"),
    LAST_ERROR("last_error", 1, Kind.TEXT, Node::getLastError, null, "lastError"),
    LESSEE("lessee", 65, Kind.TEXT, Node::getLessee, (n, v) -> n.setLessee((String) v), "lessee"),
    MAINTENANCE("maintenance", 1, Kind.BOOL, Node::isMaintenance, (n, v) -> n.setMaintenance(Boolean.TRUE.equals(v)), "maintenance"),
    MAINTENANCE_REASON("maintenance_reason", 1, Kind.TEXT, Node::getMaintenanceReason, null, "maintenanceReason"),
    MANAGEMENT_INTERFACE("management_interface", 31, Kind.TEXT, Node::getManagementInterface, (n, v) -> n.setManagementInterface((String) v), "managementInterface"),
    NAME("name", 5, Kind.TEXT, Node::getName, (n, v) -> n.setName((String) v), "name"),
    NETWORK_DATA("network_data", 66, Kind.DICT, Node::getNetworkData, (n, v) -> n.setNetworkData(map(v)), null),
    NETWORK_INTERFACE("network_interface", 20, Kind.TEXT, Node::getNetworkInterface, (n, v) -> n.setNetworkInterface((String) v), "networkInterface"),
    OWNER("owner", 50, Kind.TEXT, Node::getOwner, (n, v) -> n.setOwner((String) v), "owner"),
    POWER_INTERFACE("power_interface", 31, Kind.TEXT, Node::getPowerInterface, (n, v) -> n.setPowerInterface((String) v), "powerInterface"),
    POWER_STATE("power_state", 1, Kind.TEXT, Node::getPowerState, null, "powerState"),
    PROPERTIES("properties", 1, Kind.DICT, Node::getProperties, (n, v) -> n.setProperties(map(v)), null),
    PROTECTED("protected", 48, Kind.BOOL, Node::isProtected, (n, v) -> n.setProtected(Boolean.TRUE.equals(v)), "protected_"),
    PROTECTED_REASON("protected_reason", 48, Kind.TEXT, Node::getProtectedReason, (n, v) -> n.setProtectedReason((String) v), "protectedReason"),
    PROVISION_STATE("provision_state", 1, Kind.TEXT, Node::getProvisionState, null, "provisionState"),
    PROVISION_UPDATED_AT("provision_updated_at", 1, Kind.TIME, Node::getProvisionUpdatedAt, null, "provisionUpdatedAt"),
    RAID_CONFIG("raid_config", 12, Kind.DICT, Node::getRaidConfig, null, null),
    RAID_INTERFACE("raid_interface", 31, Kind.TEXT, Node::getRaidInterface, (n, v) -> n.setRaidInterface((String) v), "raidInterface"),
    RESCUE_INTERFACE("rescue_interface", 38, Kind.TEXT, Node::getRescueInterface, (n, v) -> n.setRescueInterface((String) v), "rescueInterface"),
    RESERVATION("reservation", 1, Kind.TEXT, Node::getReservation, null, "reservation"),
    RESOURCE_CLASS("resource_class", 21, Kind.TEXT, Node::getResourceClass, (n, v) -> n.setResourceClass((String) v), "resourceClass"),
    RETIRED("retired", 61, Kind.BOOL, Node::isRetired, (n, v) -> n.setRetired(Boolean.TRUE.equals(v)), "retired"),
    RETIRED_REASON("retired_reason", 61, Kind.TEXT, Node::getRetiredReason, (n, v) -> n.setRetiredReason((String) v), "retiredReason"),
    SECURE_BOOT("secure_boot", 75, Kind.OPT_BOOL, Node::getSecureBoot, (n, v) -> n.setSecureBoot((Boolean) v), "secureBoot"),
    SHARD("shard", 82, Kind.TEXT, Node::getShard, (n, v) -> n.setShard((String) v), "shard"),
    STORAGE_INTERFACE("storage_interface", 33, Kind.TEXT, Node::getStorageInterface, (n, v) -> n.setStorageInterface((String) v), "storageInterface"),
    TARGET_POWER_STATE("target_power_state", 1, Kind.TEXT, Node::getTargetPowerState, null, "targetPowerState"),
    TARGET_PROVISION_STATE("target_provision_state", 1, Kind.TEXT, Node::getTargetProvisionState, null, "targetProvisionState"),
    TARGET_RAID_CONFIG("target_raid_config", 12, Kind.DICT, Node::getTargetRaidConfig, null, null),
    TRAITS("traits", 37, Kind.LIST, Node::getTraits, null, null),
    VENDOR_INTERFACE("vendor_interface", 31, Kind.TEXT, Node::getVendorInterface, (n, v) -> n.setVendorInterface((String) v), "vendorInterface"),
    // Filled in by the API rather than stored as such in Ironic; shown after the links.
    CONDUCTOR("conductor", 49, Kind.TEXT, n -> null, null, null),
    ALLOCATION_UUID("allocation_uuid", 52, Kind.TEXT, Node::getAllocationUuid, null, null),
    CHASSIS_UUID("chassis_uuid", 1, Kind.TEXT, Node::getChassisUuid, (n, v) -> n.setChassisUuid((String) v), null);

    enum Kind { TEXT, BOOL, OPT_BOOL, DICT, LIST, TIME }

    private static final Map<String, NodeField> BY_NAME = new HashMap<>();
    static {
        for (NodeField f : values()) {
            BY_NAME.put(f.api, f);
        }
    }

    final String api;
    final int minMinor;
    final Kind kind;
    final Function<Node, Object> getter;
    final BiConsumer<Node, Object> setter;
    /** The {@link Node} property to sort by, or null if Ironic refuses to sort on it. */
    final String sortProperty;

    NodeField(String api, int minMinor, Kind kind, Function<Node, Object> getter, BiConsumer<Node, Object> setter,
            String sortProperty) {
        this.api = api;
        this.minMinor = minMinor;
        this.kind = kind;
        this.getter = getter;
        this.setter = setter;
        this.sortProperty = sortProperty;
    }

    static NodeField byName(String api) {
        return BY_NAME.get(api);
    }

    boolean visibleAt(ApiVersion v) {
        return v.atLeast(minMinor);
    }

    /** Shown after {@code links} in Ironic's output (the API fills them in after the object's own fields). */
    boolean apiFulfilled() {
        return this == CONDUCTOR || this == ALLOCATION_UUID || this == CHASSIS_UUID;
    }

    /** Field names a request at {@code v} may not name (Ironic's {@code disallowed_fields}). */
    static List<String> disallowedAt(ApiVersion v) {
        List<String> names = new ArrayList<>();
        for (NodeField f : values()) {
            if (!f.visibleAt(v)) {
                names.add(f.api);
            }
        }
        return Collections.unmodifiableList(names);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return (Map<String, Object>) v;
    }
}
