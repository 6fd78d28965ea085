package org.ferric.db.internal;

import java.sql.Timestamp;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.ferric.db.api.Chassis;

/** A row of {@code chassis}. */
@Entity(name = "ChassisEntity")
@Table(name = "chassis")
public class ChassisEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "uuid")
    String uuid;

    @Column(name = "description")
    String description;

    @Column(name = "extra")
    String extra;

    @Column(name = "created_at")
    Timestamp createdAt;

    @Column(name = "updated_at")
    Timestamp updatedAt;

    void fill(Chassis c) {
        description = c.getDescription();
        extra = JsonText.ofMap(c.getExtra());
    }

    Chassis toChassis() {
        Chassis c = new Chassis();
        c.setId(id);
        c.setUuid(uuid);
        c.setDescription(description);
        c.setExtra(JsonText.toMap(extra));
        c.setCreatedAt(Timestamps.fromDb(createdAt));
        c.setUpdatedAt(Timestamps.fromDb(updatedAt));
        return c;
    }
}
