package org.ferric.driver.fake.internal;

import java.util.List;

import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** What every fake interface shares: named {@code fake}, needs nothing, always valid. */
abstract class FakeInterface implements DriverInterface {

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public void validate(TaskContext task) {
        // A fake interface has nothing to check.
    }
}
