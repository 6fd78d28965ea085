package org.ferric.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The table against Ironic 21.4's {@code states.py}, transition by transition. */
class ProvisionStateMachineTest {

    /** Ironic's 63 transitions: from | event | to. */
    private static final List<String> IRONIC = List.of(
            "enroll|manage|verifying",
            "verifying|done|manageable", "verifying|fail|enroll",
            "manageable|provide|cleaning", "manageable|clean|cleaning", "manageable|inspect|inspecting", "manageable|adopt|adopting",
            "inspecting|done|manageable", "inspecting|fail|inspect failed", "inspecting|wait|inspect wait",
            "inspect wait|done|manageable", "inspect wait|fail|inspect failed", "inspect wait|abort|inspect failed",
            "inspect failed|manage|manageable", "inspect failed|inspect|inspecting",
            "cleaning|done|available", "cleaning|manage|manageable", "cleaning|fail|clean failed", "cleaning|wait|clean wait",
            "clean wait|resume|cleaning", "clean wait|fail|clean failed", "clean wait|abort|clean failed",
            "clean failed|manage|manageable",
            "available|deploy|deploying", "available|manage|manageable",
            "deploying|wait|wait call-back", "deploying|done|active", "deploying|fail|deploy failed",
            "wait call-back|resume|deploying", "wait call-back|fail|deploy failed", "wait call-back|delete|deleting",
            "deploy failed|rebuild|deploying", "deploy failed|deploy|deploying", "deploy failed|delete|deleting",
            "active|rebuild|deploying", "active|delete|deleting", "active|rescue|rescuing",
            "deleting|clean|cleaning", "deleting|fail|error",
            "error|rebuild|deploying", "error|delete|deleting",
            "adopting|done|active", "adopting|fail|adopt failed",
            "adopt failed|adopt|adopting", "adopt failed|manage|manageable",
            "rescuing|done|rescue", "rescuing|wait|rescue wait", "rescuing|fail|rescue failed",
            "rescue wait|resume|rescuing", "rescue wait|fail|rescue failed", "rescue wait|abort|rescue failed", "rescue wait|delete|deleting",
            "rescue|rescue|rescuing", "rescue|unrescue|unrescuing", "rescue|delete|deleting",
            "rescue failed|rescue|rescuing", "rescue failed|unrescue|unrescuing", "rescue failed|delete|deleting",
            "unrescue failed|rescue|rescuing", "unrescue failed|unrescue|unrescuing", "unrescue failed|delete|deleting",
            "unrescuing|done|active", "unrescuing|fail|unrescue failed");

    private final ProvisionStateMachine fsm = new ProvisionStateMachine();

    @Test
    void everyIronicTransitionIsInTheTable() {
        assertEquals(63, IRONIC.size());
        for (String t : IRONIC) {
            String[] p = t.split("\\|");
            assertEquals(p[2], fsm.next(p[0], p[1]).orElse(null), "transition " + t);
        }
    }

    @Test
    void theTableHasNothingElse() {
        Set<String> ours = new HashSet<>();
        for (Map.Entry<String, Map<String, String>> from : fsm.transitions().entrySet()) {
            from.getValue().forEach((event, to) -> ours.add(from.getKey() + "|" + event + "|" + to));
        }
        assertEquals(new HashSet<>(IRONIC), ours);
    }

    @Test
    void refusesWhatIronicRefuses() {
        assertTrue(fsm.next("enroll", "deploy").isEmpty());
        assertTrue(fsm.next("active", "manage").isEmpty());
        assertTrue(fsm.next("available", "provide").isEmpty());
        assertTrue(fsm.next("enroll", "bogus").isEmpty());
    }

    @Test
    void transientStatesWorkTowardsTheirTarget() {
        assertEquals("active", fsm.targetOf("deploying"));
        assertEquals("active", fsm.targetOf("wait call-back"));
        assertEquals("available", fsm.targetOf("cleaning"));
        assertEquals("available", fsm.targetOf("deleting"));
        assertEquals("manageable", fsm.targetOf("verifying"));
        assertEquals("manageable", fsm.targetOf("inspect wait"));
        assertEquals("rescue", fsm.targetOf("rescuing"));
        assertNull(fsm.targetOf("active"));
        assertTrue(fsm.isStable("enroll"));
        assertFalse(fsm.isStable("deploying"));
    }

    @Test
    void apiVerbsMapToEvents() {
        assertEquals("deploy", ProvisionStateMachine.eventForVerb("active"));
        assertEquals("deploy", ProvisionStateMachine.eventForVerb("deploy"));
        assertEquals("delete", ProvisionStateMachine.eventForVerb("deleted"));
        assertEquals("delete", ProvisionStateMachine.eventForVerb("undeploy"));
        assertEquals("provide", ProvisionStateMachine.eventForVerb("provide"));
    }

    @Test
    void stuckStatesFailToTheirFailState() {
        for (String s : ProvisionStateMachine.STUCK_STATES_TREATED_AS_FAIL) {
            assertTrue(fsm.failStateOf(s).isPresent(), s);
        }
        assertEquals("deploy failed", fsm.failStateOf("deploying").orElseThrow());
        assertEquals("error", fsm.failStateOf("deleting").orElseThrow());
    }
}
