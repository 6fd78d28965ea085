package com.acme.ferric.internal;

import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/**
 * Deploys by powering the node on, tears down by powering it off: enough for the whole provision
 * state machine to run. A real deploy writes an image first and answers {@link StepResult#WAIT}
 * while it goes on.
 */
final class AcmeDeploy extends AcmeInterface implements DeployInterface {
    private final AcmePower power = new AcmePower();

    @Override
    public StepResult deploy(TaskContext task) throws DriverException {
        power.setPowerState(task, PowerState.POWER_ON, null);
        return StepResult.DONE;
    }

    @Override
    public void tearDown(TaskContext task) throws DriverException {
        power.setPowerState(task, PowerState.POWER_OFF, null);
    }
}
