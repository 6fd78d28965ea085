package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.driver.api.PassthruMethod;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.ferric.driver.api.VendorInterface;

/** Echoes its input back, so vendor passthru can be exercised end to end. */
final class FakeVendor extends FakeInterface implements VendorInterface {

    @Override
    public List<PropertySpec> properties() {
        // Ironic's fake vendor interface documents these two; kept so /properties matches it.
        return List.of(PropertySpec.required("B1", "B1 description."), PropertySpec.required("B2", "B2 description."));
    }

    @Override
    public List<PassthruMethod> methods() {
        return List.of(new PassthruMethod("echo", Set.of("POST", "GET"), false,
                "Returns the data it was given.", false, false));
    }

    @Override
    public List<PassthruMethod> driverMethods() {
        return methods();
    }

    @Override
    public Object call(TaskContext task, String method, String httpMethod, Map<String, Object> data)
            throws UnsupportedDriverOperationException {
        return callDriver(method, httpMethod, data);
    }

    @Override
    public Object callDriver(String method, String httpMethod, Map<String, Object> data)
            throws UnsupportedDriverOperationException {
        if (!"echo".equals(method)) {
            throw new UnsupportedDriverOperationException("Unsupported vendor method " + method);
        }
        return data;
    }
}
