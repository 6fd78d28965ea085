package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BiosInterface;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.Step;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/** Offers Ironic's fake BIOS clean/deploy steps (priority 0: only when asked for) and completes them at once. */
final class FakeBios extends FakeInterface implements BiosInterface {
    private static final List<Step> STEPS = List.of(
            new Step(InterfaceType.BIOS, "apply_configuration", 0, false, Map.of()),
            new Step(InterfaceType.BIOS, "factory_reset", 0, false, Map.of()));

    @Override
    public List<Step> cleanSteps(TaskContext task) {
        return STEPS;
    }

    @Override
    public List<Step> deploySteps(TaskContext task) {
        return STEPS;
    }

    @Override
    public StepResult executeStep(TaskContext task, Step step) {
        return StepResult.DONE;
    }


    @Override
    public StepResult applyConfiguration(TaskContext task, List<Map<String, Object>> settings) {
        return StepResult.DONE;
    }

    @Override
    public StepResult factoryReset(TaskContext task) {
        return StepResult.DONE;
    }

    @Override
    public Map<String, String> cacheBiosSettings(TaskContext task) {
        return Map.of();
    }
}
