package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BiosInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

final class FakeBios extends FakeInterface implements BiosInterface {

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
