package org.ferric.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Core: puts an image on the server and tears it down again. */
@ConsumerType
public interface DeployInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.DEPLOY;
    }

    /** Prepares the environment (boot, network) before deploying. */
    default void prepare(TaskContext task) throws DriverException {
    }

    /** Deploys the instance; WAIT when the deploy continues after a callback. */
    StepResult deploy(TaskContext task) throws DriverException;

    /** Tears the instance down (typically powers the node off). */
    void tearDown(TaskContext task) throws DriverException;

    /** Cleans up what {@link #prepare} set up. */
    default void cleanUp(TaskContext task) throws DriverException {
    }

    /** Called when this conductor takes over an active node from another one. */
    default void takeOver(TaskContext task) throws DriverException {
    }

    /** Prepares the node for cleaning; WAIT when a ramdisk must boot first. */
    default StepResult prepareCleaning(TaskContext task) throws DriverException {
        return StepResult.DONE;
    }

    default void tearDownCleaning(TaskContext task) throws DriverException {
    }
}
