package org.ferric.driver.fake.internal;

import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

final class FakeRescue extends FakeInterface implements RescueInterface {

    @Override
    public StepResult rescue(TaskContext task) {
        return StepResult.DONE;
    }

    @Override
    public void unrescue(TaskContext task) {
    }
}
