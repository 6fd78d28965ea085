package org.ferric.conductor.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ironic's provision state machine ({@code ironic/common/states.py}) as one table: every
 * transition, the target each transient state works towards, and which states are stable.
 * The conductor asks it; nothing else decides whether an event is allowed.
 */
public final class ProvisionStateMachine {

    // States, with Ironic's spelling.
    public static final String ENROLL = "enroll";
    public static final String VERIFYING = "verifying";
    public static final String MANAGEABLE = "manageable";
    public static final String AVAILABLE = "available";
    public static final String ACTIVE = "active";
    public static final String DEPLOYING = "deploying";
    public static final String DEPLOYWAIT = "wait call-back";
    public static final String DEPLOYFAIL = "deploy failed";
    public static final String DELETING = "deleting";
    public static final String ERROR = "error";
    public static final String CLEANING = "cleaning";
    public static final String CLEANWAIT = "clean wait";
    public static final String CLEANFAIL = "clean failed";
    public static final String INSPECTING = "inspecting";
    public static final String INSPECTWAIT = "inspect wait";
    public static final String INSPECTFAIL = "inspect failed";
    public static final String ADOPTING = "adopting";
    public static final String ADOPTFAIL = "adopt failed";
    public static final String RESCUING = "rescuing";
    public static final String RESCUEWAIT = "rescue wait";
    public static final String RESCUEFAIL = "rescue failed";
    public static final String RESCUE = "rescue";
    public static final String UNRESCUING = "unrescuing";
    public static final String UNRESCUEFAIL = "unrescue failed";

    /** States a PATCH is allowed in even while a target state is set. */
    public static final Set<String> UPDATE_ALLOWED_STATES = Set.of(DEPLOYFAIL, INSPECTING, INSPECTFAIL,
            INSPECTWAIT, CLEANFAIL, ERROR, VERIFYING, ADOPTFAIL, RESCUEFAIL, UNRESCUEFAIL);

    /** States a node may be deleted in (outside maintenance); Ironic adds available by default. */
    public static final List<String> DELETE_ALLOWED_STATES = List.of(MANAGEABLE, ENROLL, ADOPTFAIL, AVAILABLE);

    /** Transient states that cannot continue after a conductor dies: they are moved to their fail state. */
    public static final Set<String> STUCK_STATES_TREATED_AS_FAIL = Set.of(DEPLOYING, CLEANING, VERIFYING,
            INSPECTING, ADOPTING, RESCUING, UNRESCUING, DELETING);

    private static final Set<String> STABLE = Set.of(ENROLL, MANAGEABLE, AVAILABLE, ACTIVE, ERROR, RESCUE);

    private final Map<String, Map<String, String>> transitions = new LinkedHashMap<>();
    private final Map<String, String> targets = new HashMap<>();

    public ProvisionStateMachine() {
        target(MANAGEABLE, VERIFYING);
        target(ACTIVE, DEPLOYING, DEPLOYWAIT, DEPLOYFAIL, ADOPTING, ADOPTFAIL, UNRESCUING, UNRESCUEFAIL);
        target(AVAILABLE, CLEANING, CLEANWAIT, CLEANFAIL, DELETING);
        target(MANAGEABLE, INSPECTING, INSPECTWAIT, INSPECTFAIL);
        target(RESCUE, RESCUING, RESCUEWAIT, RESCUEFAIL);

        on(ENROLL, "manage", VERIFYING);
        on(VERIFYING, "done", MANAGEABLE);
        on(VERIFYING, "fail", ENROLL);
        on(MANAGEABLE, "provide", CLEANING);
        on(MANAGEABLE, "clean", CLEANING);
        on(MANAGEABLE, "inspect", INSPECTING);
        on(MANAGEABLE, "adopt", ADOPTING);
        on(INSPECTING, "done", MANAGEABLE);
        on(INSPECTING, "fail", INSPECTFAIL);
        on(INSPECTING, "wait", INSPECTWAIT);
        on(INSPECTWAIT, "done", MANAGEABLE);
        on(INSPECTWAIT, "fail", INSPECTFAIL);
        on(INSPECTWAIT, "abort", INSPECTFAIL);
        on(INSPECTFAIL, "manage", MANAGEABLE);
        on(INSPECTFAIL, "inspect", INSPECTING);
        on(CLEANING, "done", AVAILABLE);
        on(CLEANING, "manage", MANAGEABLE);
        on(CLEANING, "fail", CLEANFAIL);
        on(CLEANING, "wait", CLEANWAIT);
        on(CLEANWAIT, "resume", CLEANING);
        on(CLEANWAIT, "fail", CLEANFAIL);
        on(CLEANWAIT, "abort", CLEANFAIL);
        on(CLEANFAIL, "manage", MANAGEABLE);
        on(AVAILABLE, "deploy", DEPLOYING);
        on(AVAILABLE, "manage", MANAGEABLE);
        on(DEPLOYING, "wait", DEPLOYWAIT);
        on(DEPLOYING, "done", ACTIVE);
        on(DEPLOYING, "fail", DEPLOYFAIL);
        on(DEPLOYWAIT, "resume", DEPLOYING);
        on(DEPLOYWAIT, "fail", DEPLOYFAIL);
        on(DEPLOYWAIT, "delete", DELETING);
        on(DEPLOYFAIL, "rebuild", DEPLOYING);
        on(DEPLOYFAIL, "deploy", DEPLOYING);
        on(DEPLOYFAIL, "delete", DELETING);
        on(ACTIVE, "rebuild", DEPLOYING);
        on(ACTIVE, "delete", DELETING);
        on(ACTIVE, "rescue", RESCUING);
        on(DELETING, "clean", CLEANING);
        on(DELETING, "fail", ERROR);
        on(ERROR, "rebuild", DEPLOYING);
        on(ERROR, "delete", DELETING);
        on(ADOPTING, "done", ACTIVE);
        on(ADOPTING, "fail", ADOPTFAIL);
        on(ADOPTFAIL, "adopt", ADOPTING);
        on(ADOPTFAIL, "manage", MANAGEABLE);
        on(RESCUING, "done", RESCUE);
        on(RESCUING, "wait", RESCUEWAIT);
        on(RESCUING, "fail", RESCUEFAIL);
        on(RESCUEWAIT, "resume", RESCUING);
        on(RESCUEWAIT, "fail", RESCUEFAIL);
        on(RESCUEWAIT, "abort", RESCUEFAIL);
        on(RESCUEWAIT, "delete", DELETING);
        on(RESCUE, "rescue", RESCUING);
        on(RESCUE, "unrescue", UNRESCUING);
        on(RESCUE, "delete", DELETING);
        on(RESCUEFAIL, "rescue", RESCUING);
        on(RESCUEFAIL, "unrescue", UNRESCUING);
        on(RESCUEFAIL, "delete", DELETING);
        on(UNRESCUEFAIL, "rescue", RESCUING);
        on(UNRESCUEFAIL, "unrescue", UNRESCUING);
        on(UNRESCUEFAIL, "delete", DELETING);
        on(UNRESCUING, "done", ACTIVE);
        on(UNRESCUING, "fail", UNRESCUEFAIL);
    }

    private void on(String from, String event, String to) {
        transitions.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(event, to);
    }

    private void target(String target, String... states) {
        for (String s : states) {
            targets.put(s, target);
        }
    }

    /** The state {@code event} leads to from {@code state}, if the machine allows it. */
    public Optional<String> next(String state, String event) {
        return Optional.ofNullable(transitions.getOrDefault(state, Map.of()).get(event));
    }

    /** The stable state a state works towards: the node's {@code target_provision_state}; null for stable states. */
    public String targetOf(String state) {
        return targets.get(state);
    }

    public boolean isStable(String state) {
        return STABLE.contains(state);
    }

    /** Every transition: state to (event to state). */
    public Map<String, Map<String, String>> transitions() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        transitions.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** The fail state of a transient state (what the {@code fail} event leads to), if any. */
    public Optional<String> failStateOf(String state) {
        return next(state, "fail");
    }

    /** Maps an API verb to the machine's event: {@code active}/{@code deploy} → deploy, {@code deleted}/{@code undeploy} → delete. */
    public static String eventForVerb(String verb) {
        return switch (verb) {
            case "active", "deploy" -> "deploy";
            case "deleted", "undeploy" -> "delete";
            default -> verb;
        };
    }
}
