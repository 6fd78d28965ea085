package org.ferric.db.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A network port (NIC) of a node. */
public class Port {
    private Long id;
    private String uuid;
    private String address;
    private String nodeUuid;
    private String portgroupUuid;
    private Map<String, Object> localLinkConnection = new LinkedHashMap<>();
    private boolean pxeEnabled = true;
    private String physicalNetwork;
    private Map<String, Object> internalInfo = new LinkedHashMap<>();
    private Map<String, Object> extra = new LinkedHashMap<>();
    private boolean smartnic;
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getNodeUuid() {
        return nodeUuid;
    }

    public void setNodeUuid(String nodeUuid) {
        this.nodeUuid = nodeUuid;
    }

    public String getPortgroupUuid() {
        return portgroupUuid;
    }

    public void setPortgroupUuid(String portgroupUuid) {
        this.portgroupUuid = portgroupUuid;
    }

    public Map<String, Object> getLocalLinkConnection() {
        return localLinkConnection;
    }

    public void setLocalLinkConnection(Map<String, Object> localLinkConnection) {
        this.localLinkConnection = localLinkConnection == null ? new LinkedHashMap<>() : new LinkedHashMap<>(localLinkConnection);
    }

    public boolean isPxeEnabled() {
        return pxeEnabled;
    }

    public void setPxeEnabled(boolean pxeEnabled) {
        this.pxeEnabled = pxeEnabled;
    }

    public String getPhysicalNetwork() {
        return physicalNetwork;
    }

    public void setPhysicalNetwork(String physicalNetwork) {
        this.physicalNetwork = physicalNetwork;
    }

    public Map<String, Object> getInternalInfo() {
        return internalInfo;
    }

    public void setInternalInfo(Map<String, Object> internalInfo) {
        this.internalInfo = internalInfo == null ? new LinkedHashMap<>() : new LinkedHashMap<>(internalInfo);
    }

    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, Object> extra) {
        this.extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }

    public boolean isSmartnic() {
        return smartnic;
    }

    public void setSmartnic(boolean smartnic) {
        this.smartnic = smartnic;
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
    public Port copy() {
        Port c = new Port();
        c.setId(getId());
        c.setUuid(getUuid());
        c.setAddress(getAddress());
        c.setNodeUuid(getNodeUuid());
        c.setPortgroupUuid(getPortgroupUuid());
        c.setLocalLinkConnection(getLocalLinkConnection());
        c.setPxeEnabled(isPxeEnabled());
        c.setPhysicalNetwork(getPhysicalNetwork());
        c.setInternalInfo(getInternalInfo());
        c.setExtra(getExtra());
        c.setSmartnic(isSmartnic());
        c.setCreatedAt(getCreatedAt());
        c.setUpdatedAt(getUpdatedAt());
        return c;
    }

}
