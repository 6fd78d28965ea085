package org.ferric.driver.fake.internal;

import org.ferric.driver.api.NetworkInterface;

/** Ironic's {@code noop} network: nothing to plug, every hook succeeds. */
final class NoopNetwork extends FakeInterface implements NetworkInterface {

    @Override
    public String name() {
        return "noop";
    }
}
