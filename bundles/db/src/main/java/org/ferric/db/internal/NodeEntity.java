package org.ferric.db.internal;

import java.sql.Timestamp;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.ferric.db.api.Node;
import org.ferric.db.api.ValueTooLongException;

/**
 * A row of {@code nodes}. Attribute names are the {@link org.ferric.db.api.Node} field names, so that
 * list filters and sort keys translate one to one; JSON documents are kept as text ({@link JsonText}).
 */
@Entity(name = "NodeEntity")
@Table(name = "nodes")
public class NodeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "uuid")
    String uuid;

    @Column(name = "name")
    String name;

    @Column(name = "chassis_uuid")
    String chassisUuid;

    @Column(name = "instance_uuid")
    String instanceUuid;

    @Column(name = "driver")
    String driver;

    @Column(name = "driver_info")
    String driverInfo;

    @Column(name = "driver_internal_info")
    String driverInternalInfo;

    @Column(name = "properties")
    String properties;

    @Column(name = "instance_info")
    String instanceInfo;

    @Column(name = "extra")
    String extra;

    @Column(name = "power_state")
    String powerState;

    @Column(name = "target_power_state")
    String targetPowerState;

    @Column(name = "provision_state")
    String provisionState;

    @Column(name = "target_provision_state")
    String targetProvisionState;

    @Column(name = "provision_updated_at")
    Timestamp provisionUpdatedAt;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "maintenance")
    boolean maintenance;

    @Column(name = "maintenance_reason")
    String maintenanceReason;

    @Column(name = "fault")
    String fault;

    @Column(name = "console_enabled")
    boolean consoleEnabled;

    @Column(name = "reservation")
    String reservation;

    @Column(name = "conductor_affinity")
    String conductorAffinity;

    @Column(name = "conductor_group")
    String conductorGroup;

    @Column(name = "clean_step")
    String cleanStep;

    @Column(name = "deploy_step")
    String deployStep;

    @Column(name = "raid_config")
    String raidConfig;

    @Column(name = "target_raid_config")
    String targetRaidConfig;

    @Column(name = "resource_class")
    String resourceClass;

    @Column(name = "inspection_started_at")
    Timestamp inspectionStartedAt;

    @Column(name = "inspection_finished_at")
    Timestamp inspectionFinishedAt;

    @Column(name = "bios_interface")
    String biosInterface;

    @Column(name = "boot_interface")
    String bootInterface;

    @Column(name = "console_interface")
    String consoleInterface;

    @Column(name = "deploy_interface")
    String deployInterface;

    @Column(name = "inspect_interface")
    String inspectInterface;

    @Column(name = "management_interface")
    String managementInterface;

    @Column(name = "network_interface")
    String networkInterface;

    @Column(name = "power_interface")
    String powerInterface;

    @Column(name = "raid_interface")
    String raidInterface;

    @Column(name = "rescue_interface")
    String rescueInterface;

    @Column(name = "storage_interface")
    String storageInterface;

    @Column(name = "vendor_interface")
    String vendorInterface;

    @Column(name = "automated_clean")
    Boolean automatedClean;

    @Column(name = "protected")
    boolean protected_;

    @Column(name = "protected_reason")
    String protectedReason;

    @Column(name = "owner")
    String owner;

    @Column(name = "lessee")
    String lessee;

    @Column(name = "allocation_uuid")
    String allocationUuid;

    @Column(name = "description")
    String description;

    @Column(name = "retired")
    boolean retired;

    @Column(name = "retired_reason")
    String retiredReason;

    @Column(name = "network_data")
    String networkData;

    @Column(name = "boot_mode")
    String bootMode;

    @Column(name = "secure_boot")
    Boolean secureBoot;

    @Column(name = "shard")
    String shard;

    @Column(name = "created_at")
    Timestamp createdAt;

    @Column(name = "updated_at")
    Timestamp updatedAt;

    /**
     * Copies every field a caller may change. Not the uuid (the node's identity), nor the reservation
     * (only the lock methods change it), nor the timestamps (the database's business).
     */
    void fill(Node n) {
        name = n.getName();
        chassisUuid = n.getChassisUuid();
        instanceUuid = n.getInstanceUuid();
        driver = n.getDriver();
        driverInfo = limited("driver_info", JsonText.ofMap(n.getDriverInfo()));
        driverInternalInfo = JsonText.ofMap(n.getDriverInternalInfo());
        properties = limited("properties", JsonText.ofMap(n.getProperties()));
        instanceInfo = JsonText.ofMap(n.getInstanceInfo());
        extra = limited("extra", JsonText.ofMap(n.getExtra()));
        powerState = n.getPowerState();
        targetPowerState = n.getTargetPowerState();
        provisionState = n.getProvisionState();
        targetProvisionState = n.getTargetProvisionState();
        provisionUpdatedAt = Timestamps.toDb(n.getProvisionUpdatedAt());
        lastError = shortened(n.getLastError());
        maintenance = n.isMaintenance();
        maintenanceReason = limited("maintenance_reason", n.getMaintenanceReason());
        fault = n.getFault();
        consoleEnabled = n.isConsoleEnabled();
        conductorAffinity = n.getConductorAffinity();
        conductorGroup = n.getConductorGroup() == null ? "" : n.getConductorGroup();
        cleanStep = limited("clean_step", JsonText.ofMap(n.getCleanStep()));
        deployStep = limited("deploy_step", JsonText.ofMap(n.getDeployStep()));
        raidConfig = limited("raid_config", JsonText.ofMap(n.getRaidConfig()));
        targetRaidConfig = limited("target_raid_config", JsonText.ofMap(n.getTargetRaidConfig()));
        resourceClass = n.getResourceClass();
        inspectionStartedAt = Timestamps.toDb(n.getInspectionStartedAt());
        inspectionFinishedAt = Timestamps.toDb(n.getInspectionFinishedAt());
        biosInterface = n.getBiosInterface();
        bootInterface = n.getBootInterface();
        consoleInterface = n.getConsoleInterface();
        deployInterface = n.getDeployInterface();
        inspectInterface = n.getInspectInterface();
        managementInterface = n.getManagementInterface();
        networkInterface = n.getNetworkInterface();
        powerInterface = n.getPowerInterface();
        raidInterface = n.getRaidInterface();
        rescueInterface = n.getRescueInterface();
        storageInterface = n.getStorageInterface();
        vendorInterface = n.getVendorInterface();
        automatedClean = n.getAutomatedClean();
        protected_ = n.isProtected();
        protectedReason = limited("protected_reason", n.getProtectedReason());
        owner = n.getOwner();
        lessee = n.getLessee();
        allocationUuid = n.getAllocationUuid();
        description = limited("description", n.getDescription());
        retired = n.isRetired();
        retiredReason = limited("retired_reason", n.getRetiredReason());
        networkData = limited("network_data", JsonText.ofMap(n.getNetworkData()));
        bootMode = n.getBootMode();
        secureBoot = n.getSecureBoot();
        shard = n.getShard();
    }

    /** The node's short texts and documents are VARCHAR on Derby (migration V005); refused if longer, on every database alike. */
    private static String limited(String field, String value) {
        if (value != null && value.length() > ValueTooLongException.MAX_CHARS) {
            throw new ValueTooLongException(field, value.length());
        }
        return value;
    }

    /** An error is the conductor's own report and is never refused: its end goes if it is too long. */
    private static String shortened(String error) {
        if (error == null || error.length() <= ValueTooLongException.MAX_CHARS) {
            return error;
        }
        String cut = " ... (cut to " + ValueTooLongException.MAX_CHARS + " characters)";
        return error.substring(0, ValueTooLongException.MAX_CHARS - cut.length()) + cut;
    }

    /** A detached API copy; {@code traits} come from node_traits, loaded separately. */
    Node toNode(List<String> traits) {
        Node n = new Node();
        n.setId(id);
        n.setUuid(uuid);
        n.setName(name);
        n.setChassisUuid(chassisUuid);
        n.setInstanceUuid(instanceUuid);
        n.setDriver(driver);
        n.setDriverInfo(JsonText.toMap(driverInfo));
        n.setDriverInternalInfo(JsonText.toMap(driverInternalInfo));
        n.setProperties(JsonText.toMap(properties));
        n.setInstanceInfo(JsonText.toMap(instanceInfo));
        n.setExtra(JsonText.toMap(extra));
        n.setPowerState(powerState);
        n.setTargetPowerState(targetPowerState);
        n.setProvisionState(provisionState);
        n.setTargetProvisionState(targetProvisionState);
        n.setProvisionUpdatedAt(Timestamps.fromDb(provisionUpdatedAt));
        n.setLastError(lastError);
        n.setMaintenance(maintenance);
        n.setMaintenanceReason(maintenanceReason);
        n.setFault(fault);
        n.setConsoleEnabled(consoleEnabled);
        n.setReservation(reservation);
        n.setConductorAffinity(conductorAffinity);
        n.setConductorGroup(conductorGroup);
        n.setCleanStep(JsonText.toMap(cleanStep));
        n.setDeployStep(JsonText.toMap(deployStep));
        n.setRaidConfig(JsonText.toMap(raidConfig));
        n.setTargetRaidConfig(JsonText.toMap(targetRaidConfig));
        n.setResourceClass(resourceClass);
        n.setInspectionStartedAt(Timestamps.fromDb(inspectionStartedAt));
        n.setInspectionFinishedAt(Timestamps.fromDb(inspectionFinishedAt));
        n.setBiosInterface(biosInterface);
        n.setBootInterface(bootInterface);
        n.setConsoleInterface(consoleInterface);
        n.setDeployInterface(deployInterface);
        n.setInspectInterface(inspectInterface);
        n.setManagementInterface(managementInterface);
        n.setNetworkInterface(networkInterface);
        n.setPowerInterface(powerInterface);
        n.setRaidInterface(raidInterface);
        n.setRescueInterface(rescueInterface);
        n.setStorageInterface(storageInterface);
        n.setVendorInterface(vendorInterface);
        n.setAutomatedClean(automatedClean);
        n.setProtected(protected_);
        n.setProtectedReason(protectedReason);
        n.setOwner(owner);
        n.setLessee(lessee);
        n.setAllocationUuid(allocationUuid);
        n.setDescription(description);
        n.setRetired(retired);
        n.setRetiredReason(retiredReason);
        n.setNetworkData(JsonText.toMap(networkData));
        n.setBootMode(bootMode);
        n.setSecureBoot(secureBoot);
        n.setShard(shard);
        n.setCreatedAt(Timestamps.fromDb(createdAt));
        n.setUpdatedAt(Timestamps.fromDb(updatedAt));
        n.setTraits(traits);
        return n;
    }
}
