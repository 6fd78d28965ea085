package org.ferric.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.Step;
import org.junit.jupiter.api.Test;

class StepPlanTest {
    private static Step step(InterfaceType t, String name, int priority) {
        return new Step(t, name, priority, false, Map.of());
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(s -> s.interfaceType().apiName() + "." + s.name() + ":" + s.priority()).toList();
    }

    private final List<Step> driver = List.of(
            step(InterfaceType.DEPLOY, "deploy", 100),
            step(InterfaceType.DEPLOY, "write_image", 80),
            step(InterfaceType.BIOS, "apply_configuration", 0),
            step(InterfaceType.RAID, "create_configuration", 80),
            step(InterfaceType.MANAGEMENT, "reset_idrac", 0));

    @Test
    void driverStepsRunByPriorityThenInterface() {
        assertEquals(List.of("deploy.deploy:100", "deploy.write_image:80", "raid.create_configuration:80"),
                names(StepPlan.deploy("n", driver, List.of(), List.of())));
    }

    @Test
    void templateStepsEnableAndReorderDriverSteps() {
        List<Step> template = List.of(step(InterfaceType.BIOS, "apply_configuration", 150),
                step(InterfaceType.RAID, "create_configuration", 0));
        assertEquals(List.of("bios.apply_configuration:150", "deploy.deploy:100", "deploy.write_image:80"),
                names(StepPlan.deploy("n", driver, template, List.of())));
    }

    @Test
    void userStepsOverrideTemplateSteps() {
        List<Step> template = List.of(step(InterfaceType.BIOS, "apply_configuration", 150));
        List<Step> user = List.of(new Step(InterfaceType.BIOS, "apply_configuration", 90, false, Map.of("settings", List.of())));
        List<Step> plan = StepPlan.deploy("n", driver, template, user);
        assertEquals(List.of("deploy.deploy:100", "bios.apply_configuration:90", "deploy.write_image:80",
                "raid.create_configuration:80"), names(plan));
        assertEquals(Map.of("settings", List.of()), plan.get(1).args());
    }

    @Test
    void aStepTheDriverDoesNotOfferIsRefused() {
        ConductorException e = assertThrows(ConductorException.class, () -> StepPlan.deploy("n1", driver, List.of(),
                List.of(step(InterfaceType.DEPLOY, "format_everything", 10))));
        assertEquals(400, e.status());
        assertEquals("Node n1 does not support the deploy step deploy.format_everything.", e.getMessage());
    }

    @Test
    void automatedCleaningSkipsDisabledStepsAndOrdersTies() {
        List<Step> clean = List.of(step(InterfaceType.RAID, "delete_configuration", 10), step(InterfaceType.DEPLOY, "erase_devices", 10),
                step(InterfaceType.DEPLOY, "erase_devices_metadata", 99), step(InterfaceType.BIOS, "factory_reset", 0),
                step(InterfaceType.POWER, "cycle", 10));
        assertEquals(List.of("deploy.erase_devices_metadata:99", "power.cycle:10", "deploy.erase_devices:10", "raid.delete_configuration:10"),
                names(StepPlan.automatedClean(clean)));
    }

    @Test
    void parsingValidatesTheShape() {
        assertEquals(1, StepPlan.parse(List.of(Map.of("interface", "deploy", "step", "deploy", "priority", 5)), "deploy_steps", true).size());
        assertThrows(ConductorException.class, () -> StepPlan.parse("x", "deploy_steps", true));
        assertThrows(ConductorException.class, () -> StepPlan.parse(List.of(Map.of("interface", "nope", "step", "s", "priority", 1)),
                "deploy_steps", true));
        assertThrows(ConductorException.class, () -> StepPlan.parse(List.of(Map.of("interface", "deploy", "step", "s")),
                "deploy_steps", true));
    }
}
