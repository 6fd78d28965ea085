package org.ferric.api.internal;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;

/** What a sub-resource of {@code /v1/nodes/{node_ident}} works with; created per request by a locator in {@link NodesResource}. */
abstract class NodeSubresource {
    final DbApi db;
    final ConductorRpc rpc;
    final ApiSettings settings;
    final String ident;

    NodeSubresource(DbApi db, ConductorRpc rpc, ApiSettings settings, String ident) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
        this.ident = ident;
    }

    /** The node, after checking the version has this sub-resource (406 otherwise, as Ironic). */
    Node node(ApiVersion version, int minVersion) {
        if (!version.atLeast(minVersion)) {
            throw ApiError.notAcceptable();
        }
        return NodeLookup.find(db, ident, version);
    }
}
