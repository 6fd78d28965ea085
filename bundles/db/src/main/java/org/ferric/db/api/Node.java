package org.ferric.db.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bare-metal node, with all of Ironic's node fields (API 1.82). A plain data object, detached from the database. */
public class Node {
    private Long id;
    private String uuid;
    private String name;
    private String chassisUuid;
    private String instanceUuid;
    private String driver;
    private Map<String, Object> driverInfo = new LinkedHashMap<>();
    private Map<String, Object> driverInternalInfo = new LinkedHashMap<>();
    private Map<String, Object> properties = new LinkedHashMap<>();
    private Map<String, Object> instanceInfo = new LinkedHashMap<>();
    private Map<String, Object> extra = new LinkedHashMap<>();
    private String powerState;
    private String targetPowerState;
    private String provisionState;
    private String targetProvisionState;
    private Instant provisionUpdatedAt;
    private String lastError;
    private boolean maintenance;
    private String maintenanceReason;
    private String fault;
    private boolean consoleEnabled;
    private String reservation;
    private String conductorAffinity;
    private String conductorGroup = "";
    private Map<String, Object> cleanStep = new LinkedHashMap<>();
    private Map<String, Object> deployStep = new LinkedHashMap<>();
    private Map<String, Object> raidConfig = new LinkedHashMap<>();
    private Map<String, Object> targetRaidConfig = new LinkedHashMap<>();
    private String resourceClass;
    private Instant inspectionStartedAt;
    private Instant inspectionFinishedAt;
    private String biosInterface;
    private String bootInterface;
    private String consoleInterface;
    private String deployInterface;
    private String inspectInterface;
    private String managementInterface;
    private String networkInterface;
    private String powerInterface;
    private String raidInterface;
    private String rescueInterface;
    private String storageInterface;
    private String vendorInterface;
    private List<String> traits = new ArrayList<>();
    private Boolean automatedClean;
    private boolean protected_;
    private String protectedReason;
    private String owner;
    private String lessee;
    private String allocationUuid;
    private String description;
    private boolean retired;
    private String retiredReason;
    private Map<String, Object> networkData = new LinkedHashMap<>();
    private String bootMode;
    private Boolean secureBoot;
    private String shard;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getChassisUuid() {
        return chassisUuid;
    }

    public void setChassisUuid(String chassisUuid) {
        this.chassisUuid = chassisUuid;
    }

    public String getInstanceUuid() {
        return instanceUuid;
    }

    public void setInstanceUuid(String instanceUuid) {
        this.instanceUuid = instanceUuid;
    }

    public String getDriver() {
        return driver;
    }

    public void setDriver(String driver) {
        this.driver = driver;
    }

    public Map<String, Object> getDriverInfo() {
        return driverInfo;
    }

    public void setDriverInfo(Map<String, Object> driverInfo) {
        this.driverInfo = driverInfo == null ? new LinkedHashMap<>() : new LinkedHashMap<>(driverInfo);
    }

    public Map<String, Object> getDriverInternalInfo() {
        return driverInternalInfo;
    }

    public void setDriverInternalInfo(Map<String, Object> driverInternalInfo) {
        this.driverInternalInfo = driverInternalInfo == null ? new LinkedHashMap<>() : new LinkedHashMap<>(driverInternalInfo);
    }

    public Map<String, Object> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, Object> properties) {
        this.properties = properties == null ? new LinkedHashMap<>() : new LinkedHashMap<>(properties);
    }

    public Map<String, Object> getInstanceInfo() {
        return instanceInfo;
    }

    public void setInstanceInfo(Map<String, Object> instanceInfo) {
        this.instanceInfo = instanceInfo == null ? new LinkedHashMap<>() : new LinkedHashMap<>(instanceInfo);
    }

    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, Object> extra) {
        this.extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }

    public String getPowerState() {
        return powerState;
    }

    public void setPowerState(String powerState) {
        this.powerState = powerState;
    }

    public String getTargetPowerState() {
        return targetPowerState;
    }

    public void setTargetPowerState(String targetPowerState) {
        this.targetPowerState = targetPowerState;
    }

    public String getProvisionState() {
        return provisionState;
    }

    public void setProvisionState(String provisionState) {
        this.provisionState = provisionState;
    }

    public String getTargetProvisionState() {
        return targetProvisionState;
    }

    public void setTargetProvisionState(String targetProvisionState) {
        this.targetProvisionState = targetProvisionState;
    }

    public Instant getProvisionUpdatedAt() {
        return provisionUpdatedAt;
    }

    public void setProvisionUpdatedAt(Instant provisionUpdatedAt) {
        this.provisionUpdatedAt = provisionUpdatedAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public boolean isMaintenance() {
        return maintenance;
    }

    public void setMaintenance(boolean maintenance) {
        this.maintenance = maintenance;
    }

    public String getMaintenanceReason() {
        return maintenanceReason;
    }

    public void setMaintenanceReason(String maintenanceReason) {
        this.maintenanceReason = maintenanceReason;
    }

    public String getFault() {
        return fault;
    }

    public void setFault(String fault) {
        this.fault = fault;
    }

    public boolean isConsoleEnabled() {
        return consoleEnabled;
    }

    public void setConsoleEnabled(boolean consoleEnabled) {
        this.consoleEnabled = consoleEnabled;
    }

    public String getReservation() {
        return reservation;
    }

    public void setReservation(String reservation) {
        this.reservation = reservation;
    }

    public String getConductorAffinity() {
        return conductorAffinity;
    }

    public void setConductorAffinity(String conductorAffinity) {
        this.conductorAffinity = conductorAffinity;
    }

    public String getConductorGroup() {
        return conductorGroup;
    }

    public void setConductorGroup(String conductorGroup) {
        this.conductorGroup = conductorGroup;
    }

    public Map<String, Object> getCleanStep() {
        return cleanStep;
    }

    public void setCleanStep(Map<String, Object> cleanStep) {
        this.cleanStep = cleanStep == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cleanStep);
    }

    public Map<String, Object> getDeployStep() {
        return deployStep;
    }

    public void setDeployStep(Map<String, Object> deployStep) {
        this.deployStep = deployStep == null ? new LinkedHashMap<>() : new LinkedHashMap<>(deployStep);
    }

    public Map<String, Object> getRaidConfig() {
        return raidConfig;
    }

    public void setRaidConfig(Map<String, Object> raidConfig) {
        this.raidConfig = raidConfig == null ? new LinkedHashMap<>() : new LinkedHashMap<>(raidConfig);
    }

    public Map<String, Object> getTargetRaidConfig() {
        return targetRaidConfig;
    }

    public void setTargetRaidConfig(Map<String, Object> targetRaidConfig) {
        this.targetRaidConfig = targetRaidConfig == null ? new LinkedHashMap<>() : new LinkedHashMap<>(targetRaidConfig);
    }

    public String getResourceClass() {
        return resourceClass;
    }

    public void setResourceClass(String resourceClass) {
        this.resourceClass = resourceClass;
    }

    public Instant getInspectionStartedAt() {
        return inspectionStartedAt;
    }

    public void setInspectionStartedAt(Instant inspectionStartedAt) {
        this.inspectionStartedAt = inspectionStartedAt;
    }

    public Instant getInspectionFinishedAt() {
        return inspectionFinishedAt;
    }

    public void setInspectionFinishedAt(Instant inspectionFinishedAt) {
        this.inspectionFinishedAt = inspectionFinishedAt;
    }

    public String getBiosInterface() {
        return biosInterface;
    }

    public void setBiosInterface(String biosInterface) {
        this.biosInterface = biosInterface;
    }

    public String getBootInterface() {
        return bootInterface;
    }

    public void setBootInterface(String bootInterface) {
        this.bootInterface = bootInterface;
    }

    public String getConsoleInterface() {
        return consoleInterface;
    }

    public void setConsoleInterface(String consoleInterface) {
        this.consoleInterface = consoleInterface;
    }

    public String getDeployInterface() {
        return deployInterface;
    }

    public void setDeployInterface(String deployInterface) {
        this.deployInterface = deployInterface;
    }

    public String getInspectInterface() {
        return inspectInterface;
    }

    public void setInspectInterface(String inspectInterface) {
        this.inspectInterface = inspectInterface;
    }

    public String getManagementInterface() {
        return managementInterface;
    }

    public void setManagementInterface(String managementInterface) {
        this.managementInterface = managementInterface;
    }

    public String getNetworkInterface() {
        return networkInterface;
    }

    public void setNetworkInterface(String networkInterface) {
        this.networkInterface = networkInterface;
    }

    public String getPowerInterface() {
        return powerInterface;
    }

    public void setPowerInterface(String powerInterface) {
        this.powerInterface = powerInterface;
    }

    public String getRaidInterface() {
        return raidInterface;
    }

    public void setRaidInterface(String raidInterface) {
        this.raidInterface = raidInterface;
    }

    public String getRescueInterface() {
        return rescueInterface;
    }

    public void setRescueInterface(String rescueInterface) {
        this.rescueInterface = rescueInterface;
    }

    public String getStorageInterface() {
        return storageInterface;
    }

    public void setStorageInterface(String storageInterface) {
        this.storageInterface = storageInterface;
    }

    public String getVendorInterface() {
        return vendorInterface;
    }

    public void setVendorInterface(String vendorInterface) {
        this.vendorInterface = vendorInterface;
    }

    public List<String> getTraits() {
        return traits;
    }

    public void setTraits(List<String> traits) {
        this.traits = traits == null ? new ArrayList<>() : new ArrayList<>(traits);
    }

    public Boolean getAutomatedClean() {
        return automatedClean;
    }

    public void setAutomatedClean(Boolean automatedClean) {
        this.automatedClean = automatedClean;
    }

    public boolean isProtected() {
        return protected_;
    }

    public void setProtected(boolean protected_) {
        this.protected_ = protected_;
    }

    public String getProtectedReason() {
        return protectedReason;
    }

    public void setProtectedReason(String protectedReason) {
        this.protectedReason = protectedReason;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getLessee() {
        return lessee;
    }

    public void setLessee(String lessee) {
        this.lessee = lessee;
    }

    public String getAllocationUuid() {
        return allocationUuid;
    }

    public void setAllocationUuid(String allocationUuid) {
        this.allocationUuid = allocationUuid;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isRetired() {
        return retired;
    }

    public void setRetired(boolean retired) {
        this.retired = retired;
    }

    public String getRetiredReason() {
        return retiredReason;
    }

    public void setRetiredReason(String retiredReason) {
        this.retiredReason = retiredReason;
    }

    public Map<String, Object> getNetworkData() {
        return networkData;
    }

    public void setNetworkData(Map<String, Object> networkData) {
        this.networkData = networkData == null ? new LinkedHashMap<>() : new LinkedHashMap<>(networkData);
    }

    public String getBootMode() {
        return bootMode;
    }

    public void setBootMode(String bootMode) {
        this.bootMode = bootMode;
    }

    public Boolean getSecureBoot() {
        return secureBoot;
    }

    public void setSecureBoot(Boolean secureBoot) {
        this.secureBoot = secureBoot;
    }

    public String getShard() {
        return shard;
    }

    public void setShard(String shard) {
        this.shard = shard;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** A deep enough copy: maps and lists are copied, their values shared. */
    public Node copy() {
        Node c = new Node();
        c.setId(getId());
        c.setUuid(getUuid());
        c.setName(getName());
        c.setChassisUuid(getChassisUuid());
        c.setInstanceUuid(getInstanceUuid());
        c.setDriver(getDriver());
        c.setDriverInfo(getDriverInfo());
        c.setDriverInternalInfo(getDriverInternalInfo());
        c.setProperties(getProperties());
        c.setInstanceInfo(getInstanceInfo());
        c.setExtra(getExtra());
        c.setPowerState(getPowerState());
        c.setTargetPowerState(getTargetPowerState());
        c.setProvisionState(getProvisionState());
        c.setTargetProvisionState(getTargetProvisionState());
        c.setProvisionUpdatedAt(getProvisionUpdatedAt());
        c.setLastError(getLastError());
        c.setMaintenance(isMaintenance());
        c.setMaintenanceReason(getMaintenanceReason());
        c.setFault(getFault());
        c.setConsoleEnabled(isConsoleEnabled());
        c.setReservation(getReservation());
        c.setConductorAffinity(getConductorAffinity());
        c.setConductorGroup(getConductorGroup());
        c.setCleanStep(getCleanStep());
        c.setDeployStep(getDeployStep());
        c.setRaidConfig(getRaidConfig());
        c.setTargetRaidConfig(getTargetRaidConfig());
        c.setResourceClass(getResourceClass());
        c.setInspectionStartedAt(getInspectionStartedAt());
        c.setInspectionFinishedAt(getInspectionFinishedAt());
        c.setBiosInterface(getBiosInterface());
        c.setBootInterface(getBootInterface());
        c.setConsoleInterface(getConsoleInterface());
        c.setDeployInterface(getDeployInterface());
        c.setInspectInterface(getInspectInterface());
        c.setManagementInterface(getManagementInterface());
        c.setNetworkInterface(getNetworkInterface());
        c.setPowerInterface(getPowerInterface());
        c.setRaidInterface(getRaidInterface());
        c.setRescueInterface(getRescueInterface());
        c.setStorageInterface(getStorageInterface());
        c.setVendorInterface(getVendorInterface());
        c.setTraits(getTraits());
        c.setAutomatedClean(getAutomatedClean());
        c.setProtected(isProtected());
        c.setProtectedReason(getProtectedReason());
        c.setOwner(getOwner());
        c.setLessee(getLessee());
        c.setAllocationUuid(getAllocationUuid());
        c.setDescription(getDescription());
        c.setRetired(isRetired());
        c.setRetiredReason(getRetiredReason());
        c.setNetworkData(getNetworkData());
        c.setBootMode(getBootMode());
        c.setSecureBoot(getSecureBoot());
        c.setShard(getShard());
        c.setCreatedAt(getCreatedAt());
        c.setUpdatedAt(getUpdatedAt());
        return c;
    }

}
