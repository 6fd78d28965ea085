package org.ferric.db.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A registered conductor service and the drivers it serves. */
public class Conductor {
    private Long id;
    private String hostname;
    private String conductorGroup = "";
    private boolean online;
    private List<String> drivers = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getConductorGroup() {
        return conductorGroup;
    }

    public void setConductorGroup(String conductorGroup) {
        this.conductorGroup = conductorGroup;
    }

    public boolean isOnline() {
        return online;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    public List<String> getDrivers() {
        return drivers;
    }

    public void setDrivers(List<String> drivers) {
        this.drivers = drivers == null ? new ArrayList<>() : new ArrayList<>(drivers);
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
    public Conductor copy() {
        Conductor c = new Conductor();
        c.setId(getId());
        c.setHostname(getHostname());
        c.setConductorGroup(getConductorGroup());
        c.setOnline(isOnline());
        c.setDrivers(getDrivers());
        c.setCreatedAt(getCreatedAt());
        c.setUpdatedAt(getUpdatedAt());
        return c;
    }

}
