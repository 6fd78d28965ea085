package org.ferric.db.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A chassis grouping nodes. */
public class Chassis {
    private Long id;
    private String uuid;
    private String description;
    private Map<String, Object> extra = new LinkedHashMap<>();
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, Object> extra) {
        this.extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
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
    public Chassis copy() {
        Chassis c = new Chassis();
        c.setId(getId());
        c.setUuid(getUuid());
        c.setDescription(getDescription());
        c.setExtra(getExtra());
        c.setCreatedAt(getCreatedAt());
        c.setUpdatedAt(getUpdatedAt());
        return c;
    }

}
