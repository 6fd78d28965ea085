package org.ferric.driver.fake.internal;

import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/** Deploys and tears down instantly without touching the power state, like Ironic's FakeDeploy. */
final class FakeDeploy extends FakeInterface implements DeployInterface {

    @Override
    public StepResult deploy(TaskContext task) {
        return StepResult.DONE;
    }

    @Override
    public void tearDown(TaskContext task) {
        // Nothing was deployed.
    }
}
