package org.ferric.db.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A row of {@code node_traits}. Its own entity rather than an element collection, so that a page of
 * nodes gets its traits with one IN query instead of one query per node.
 */
@Entity(name = "NodeTraitEntity")
@Table(name = "node_traits")
@IdClass(NodeTraitEntity.Key.class)
public class NodeTraitEntity {
    @Id
    @Column(name = "node_id")
    Long nodeId;

    @Id
    @Column(name = "trait")
    String trait;

    public NodeTraitEntity() {
    }

    NodeTraitEntity(Long nodeId, String trait) {
        this.nodeId = nodeId;
        this.trait = trait;
    }

    /** The primary key (node_id, trait). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public Long nodeId;
        public String trait;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(nodeId, k.nodeId) && Objects.equals(trait, k.trait);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nodeId, trait);
        }
    }
}
