package org.ferric.conductor.internal;

import org.ferric.db.api.DbApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes node history events (served by {@code /v1/nodes/{id}/history}): every provision state
 * change and every failure, as Ironic records them. Recording never breaks the work it describes.
 */
final class NodeHistoryLog {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHistoryLog.class);
    static final String INFO = "INFO";
    static final String ERROR = "ERROR";

    private final DbApi db;
    private final String host;

    NodeHistoryLog(DbApi db, String host) {
        this.db = db;
        this.host = host;
    }

    void info(String nodeUuid, String eventType, String event) {
        record(nodeUuid, eventType, event, INFO);
    }

    void error(String nodeUuid, String eventType, String event) {
        record(nodeUuid, eventType, event, ERROR);
    }

    private void record(String nodeUuid, String eventType, String event, String severity) {
        try {
            db.recordNodeHistory(nodeUuid, event, eventType, severity, host, null);
        } catch (RuntimeException e) {
            LOG.warn("Could not record a history event of node {}: {}", nodeUuid, e.toString());
        }
    }
}
