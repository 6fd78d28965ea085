package org.ferric.api.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;

/** Finding a node by UUID or name the way Ironic's {@code get_rpc_node} does, and which conductor serves it. */
final class NodeLookup {
    private NodeLookup() {
    }

    static Node find(DbApi db, String ident, ApiVersion version) {
        if (!Args.isUuidLike(ident) && !NodeBody.isValidLogicalName(ident, new ApiVersion(1, 10))) {
            throw ApiError.badRequest("Expected UUID or name for node_ident: " + ident);
        }
        Optional<Node> node;
        if (Args.isUuidLike(ident)) {
            node = db.getNodeByUuid(ident);
        } else if (version.atLeast(5)) {
            if (!NodeBody.isValidLogicalName(ident, version)) {
                throw ApiError.badRequest("Expected a logical name or UUID but received " + ident + ".");
            }
            node = db.getNodeByName(ident);
        } else {
            node = Optional.empty();
        }
        return node.orElseThrow(() -> ApiError.nodeNotFound(ident));
    }

    /**
     * What an answer of one node ({@code GET /v1/nodes/{ident}}) needs before it starts writing: the
     * node, the fields checked, and its conductor asked now, while an error can still be answered
     * (the answer is streamed). Shared by {@link NodesResource#get} and {@link NodeGetFilter}.
     */
    static Renderable readForAnswer(DbApi db, ConductorRpc rpc, String ident, ApiVersion version, List<String> fields) {
        Node node = find(db, ident, version);
        NodeRenderer.checkFields(fields, version);
        Function<Node, String> conductorOf = conductorOf(rpc);
        conductorOf.apply(node);
        return new Renderable(node, conductorOf);
    }

    /** A node read for an answer, with the conductor lookup that already knows about it. */
    record Renderable(Node node, Function<Node, String> conductorOf) {
    }

    /**
     * The conductor shown for a node: this conductor's host when its driver is loaded here. Asks
     * the conductor once per driver name and request, and only if a node is rendered — about the
     * one driver ({@code hasDriver}), without describing it.
     */
    static Function<Node, String> conductorOf(ConductorRpc rpc) {
        return new Function<>() {
            private final Map<String, Boolean> loaded = new HashMap<>();
            private String host;

            @Override
            public String apply(Node node) {
                String driver = node.getDriver();
                if (driver == null) {
                    return null;
                }
                Boolean here = loaded.get(driver);
                if (here == null) {
                    here = rpc.hasDriver(driver);
                    loaded.put(driver, here);
                }
                if (!here) {
                    return null;
                }
                if (host == null) {
                    host = rpc.hostname();
                }
                return host;
            }
        };
    }
}
