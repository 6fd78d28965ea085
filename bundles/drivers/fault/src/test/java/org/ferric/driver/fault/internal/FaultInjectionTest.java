package org.ferric.driver.fault.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    /** A task on a node with the given driver_info; nothing else is needed by FaultInjection. */
    private static TaskContext task(Map<String, Object> driverInfo) {
        NodeView node = (NodeView) Proxy.newProxyInstance(NodeView.class.getClassLoader(), new Class<?>[] {NodeView.class},
                (p, m, a) -> switch (m.getName()) {
                    case "driverInfo" -> driverInfo;
                    case "uuid" -> "n-1";
                    default -> null;
                });
        return (TaskContext) Proxy.newProxyInstance(TaskContext.class.getClassLoader(), new Class<?>[] {TaskContext.class},
                (p, m, a) -> "node".equals(m.getName()) ? node : null);
    }

    @Test
    void noFaultMeansDone() throws Exception {
        assertEquals(StepResult.DONE, FaultInjection.apply(task(Map.of()), "deploy"));
    }

    @Test
    void failNamesThePhaseAndTheNode() {
        DriverException e = assertThrows(DriverException.class,
                () -> FaultInjection.apply(task(Map.of("fault_deploy", "fail")), "deploy"));
        assertEquals("Injected failure in deploy of node n-1", e.getMessage());
    }

    @Test
    void faultsArePerPhase() throws Exception {
        assertEquals(StepResult.DONE, FaultInjection.apply(task(Map.of("fault_deploy", "fail")), "clean"));
        assertEquals(StepResult.WAIT, FaultInjection.apply(task(Map.of("fault_clean", "wait")), "clean"));
    }

    @Test
    void slowTakesItsDelay() throws Exception {
        long start = System.nanoTime();
        assertEquals(StepResult.DONE, FaultInjection.apply(task(Map.of("fault_power", "slow", "fault_delay_ms", "150")), "power"));
        assertTrue(System.nanoTime() - start >= 150_000_000L);
    }

    @Test
    void hangEndsInAFailureAfterItsTime() {
        DriverException e = assertThrows(DriverException.class,
                () -> FaultInjection.apply(task(Map.of("fault_power", "hang", "fault_hang_seconds", "0")), "power"));
        assertTrue(e.getMessage().contains("hang"));
    }

    @Test
    void unknownFaultIsAClearError() {
        DriverException e = assertThrows(DriverException.class,
                () -> FaultInjection.apply(task(Map.of("fault_power", "explode")), "power"));
        assertEquals("Unknown fault explode for power", e.getMessage());
    }

    @Test
    void inventoryIsStablePerNode() {
        assertEquals(FaultHardware.Inventories.of("abc"), FaultHardware.Inventories.of("abc"));
    }
}
