package org.ferric.db.internal;

import java.sql.Timestamp;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.ferric.db.api.Port;

/** A row of {@code ports}; attribute names are the {@link Port} field names. */
@Entity(name = "PortEntity")
@Table(name = "ports")
public class PortEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "uuid")
    String uuid;

    @Column(name = "address")
    String address;

    @Column(name = "node_uuid")
    String nodeUuid;

    @Column(name = "portgroup_uuid")
    String portgroupUuid;

    @Column(name = "local_link_connection")
    String localLinkConnection;

    @Column(name = "pxe_enabled")
    boolean pxeEnabled;

    @Column(name = "physical_network")
    String physicalNetwork;

    @Column(name = "internal_info")
    String internalInfo;

    @Column(name = "extra")
    String extra;

    @Column(name = "is_smartnic")
    boolean smartnic;

    @Column(name = "created_at")
    Timestamp createdAt;

    @Column(name = "updated_at")
    Timestamp updatedAt;

    /** Copies what a caller may change; the uuid and the timestamps are the database's business. */
    void fill(Port p) {
        address = p.getAddress();
        nodeUuid = p.getNodeUuid();
        portgroupUuid = p.getPortgroupUuid();
        localLinkConnection = JsonText.ofMap(p.getLocalLinkConnection());
        pxeEnabled = p.isPxeEnabled();
        physicalNetwork = p.getPhysicalNetwork();
        internalInfo = JsonText.ofMap(p.getInternalInfo());
        extra = JsonText.ofMap(p.getExtra());
        smartnic = p.isSmartnic();
    }

    Port toPort() {
        Port p = new Port();
        p.setId(id);
        p.setUuid(uuid);
        p.setAddress(address);
        p.setNodeUuid(nodeUuid);
        p.setPortgroupUuid(portgroupUuid);
        p.setLocalLinkConnection(JsonText.toMap(localLinkConnection));
        p.setPxeEnabled(pxeEnabled);
        p.setPhysicalNetwork(physicalNetwork);
        p.setInternalInfo(JsonText.toMap(internalInfo));
        p.setExtra(JsonText.toMap(extra));
        p.setSmartnic(smartnic);
        p.setCreatedAt(Timestamps.fromDb(createdAt));
        p.setUpdatedAt(Timestamps.fromDb(updatedAt));
        return p;
    }
}
