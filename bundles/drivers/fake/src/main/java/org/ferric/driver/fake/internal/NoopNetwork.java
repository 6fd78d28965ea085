package org.ferric.driver.fake.internal;

import org.ferric.driver.api.NetworkInterface;
import org.ferric.driver.api.TaskContext;

/** Ironic's {@code noop} network: nothing to plug, every hook succeeds. */
final class NoopNetwork extends FakeInterface implements NetworkInterface {

    @Override
    public String name() {
        return "noop";
    }

    /** Ironic's noop network accepts a VIF and keeps nothing (its vif_list is always empty). */
    @Override
    public void vifAttach(TaskContext task, String vifId) {
    }

    @Override
    public void vifDetach(TaskContext task, String vifId) {
    }
}
