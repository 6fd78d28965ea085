package org.ferric.db.api;

import java.time.Instant;

/**
 * One event in a node's history (Ironic 1.78): failures and state changes the conductor records.
 *
 * @param eventType what kind of work it was, e.g. {@code provisioning}, {@code power}, {@code maintenance}
 * @param severity  {@code INFO}, {@code WARNING} or {@code ERROR}
 * @param user      who asked for it (a project or user id), or null
 */
public record NodeHistory(String uuid, String nodeUuid, String event, String eventType, String severity,
        String conductor, String user, Instant createdAt) {

    public static NodeHistory of(StoredObject o) {
        return new NodeHistory(o.uuid(), o.string("node_uuid"), o.string("event"), o.string("event_type"),
                o.string("severity"), o.string("conductor"), o.string("user"), o.createdAt());
    }
}
