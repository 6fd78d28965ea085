package org.ferric.driver.fake.internal;

import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/** Inspection that finds nothing new and succeeds at once, like Ironic's FakeInspect. */
final class FakeInspect extends FakeInterface implements InspectInterface {

    @Override
    public StepResult inspectHardware(TaskContext task) {
        return StepResult.DONE;
    }

    @Override
    public void abort(TaskContext task) {
    }
}
