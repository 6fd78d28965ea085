package org.ferric.db.internal;

import java.sql.Timestamp;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.ferric.db.api.Conductor;

/** A row of {@code conductors}; {@code updatedAt} doubles as the heartbeat. */
@Entity(name = "ConductorEntity")
@Table(name = "conductors")
public class ConductorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "hostname")
    String hostname;

    @Column(name = "conductor_group")
    String conductorGroup;

    @Column(name = "online")
    boolean online;

    @Column(name = "drivers")
    String drivers;

    @Column(name = "created_at")
    Timestamp createdAt;

    @Column(name = "updated_at")
    Timestamp updatedAt;

    Conductor toConductor() {
        Conductor c = new Conductor();
        c.setId(id);
        c.setHostname(hostname);
        c.setConductorGroup(conductorGroup);
        c.setOnline(online);
        c.setDrivers(JsonText.toList(drivers));
        c.setCreatedAt(Timestamps.fromDb(createdAt));
        c.setUpdatedAt(Timestamps.fromDb(updatedAt));
        return c;
    }
}
