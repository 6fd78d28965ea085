package org.ferric.driver.fake.internal;

import java.util.Map;

import org.ferric.driver.api.RaidInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

final class FakeRaid extends FakeInterface implements RaidInterface {

    @Override
    public StepResult createConfiguration(TaskContext task, Map<String, Object> targetRaidConfig) {
        return StepResult.DONE;
    }

    @Override
    public StepResult deleteConfiguration(TaskContext task) {
        return StepResult.DONE;
    }
}
