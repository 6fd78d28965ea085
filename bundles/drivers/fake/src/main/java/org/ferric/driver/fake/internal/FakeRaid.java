package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.Step;

import org.ferric.driver.api.RaidInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/** Offers Ironic's fake RAID clean/deploy steps (priority 0: only when asked for) and completes them at once. */
final class FakeRaid extends FakeInterface implements RaidInterface {
    private static final List<Step> STEPS = List.of(
            new Step(InterfaceType.RAID, "create_configuration", 0, false, Map.of()),
            new Step(InterfaceType.RAID, "delete_configuration", 0, false, Map.of()));

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
    public StepResult createConfiguration(TaskContext task, Map<String, Object> targetRaidConfig) {
        return StepResult.DONE;
    }

    @Override
    public StepResult deleteConfiguration(TaskContext task) {
        return StepResult.DONE;
    }
}
