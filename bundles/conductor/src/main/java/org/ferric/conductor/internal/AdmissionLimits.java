package org.ferric.conductor.internal;

import java.util.List;
import java.util.Map;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.NodeQuery;

/**
 * Fleet-wide limits on nodes deploying or cleaning at once (Ironic's {@code max_concurrent_deploy}
 * and {@code max_concurrent_clean}), answered with 503 as Ironic's ConcurrentActionLimit.
 */
final class AdmissionLimits {
    private static final List<String> DEPLOYING = List.of(ProvisionStateMachine.DEPLOYING, ProvisionStateMachine.DEPLOYWAIT);
    private static final List<String> CLEANING = List.of(ProvisionStateMachine.CLEANING, ProvisionStateMachine.CLEANWAIT);

    private final DbApi db;
    private final int maxDeploy;
    private final int maxClean;

    AdmissionLimits(DbApi db, int maxDeploy, int maxClean) {
        this.db = db;
        this.maxDeploy = maxDeploy;
        this.maxClean = maxClean;
    }

    /** Throws 503 if starting {@code event} would exceed its limit. */
    void check(String event) {
        switch (event) {
            case "deploy", "rebuild" -> check(DEPLOYING, maxDeploy, "deploy");
            case "provide", "clean", "delete" -> check(CLEANING, maxClean, "cleaning");
            default -> {
            }
        }
    }

    private void check(List<String> states, int max, String what) {
        if (max <= 0) {
            return;
        }
        int count = 0;
        for (String state : states) {
            count += db.listNodes(new NodeQuery(Map.of("provisionState", state), null, null, max + 1, null, "id", true)).size();
        }
        if (count >= max) {
            throw new ConductorException(ConductorException.SERVICE_UNAVAILABLE, "Requested action cannot be performed due to "
                    + "concurrency limit of " + what + " operations being reached. Limit: " + max + ".");
        }
    }
}
