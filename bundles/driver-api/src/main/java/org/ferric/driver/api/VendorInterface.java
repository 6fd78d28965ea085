package org.ferric.driver.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Vendor passthru: methods beyond the standard interfaces. The API relays calls untouched: the
 * request body arrives as {@code data}, the return value goes back as the response body.
 */
@ConsumerType
public interface VendorInterface extends DriverInterface {

    @Override
    default InterfaceType type() {
        return InterfaceType.VENDOR;
    }

    /** Methods callable on a node ({@code /v1/nodes/{id}/vendor_passthru}). */
    List<PassthruMethod> methods();

    /** Methods callable on the driver ({@code /v1/drivers/{name}/vendor_passthru}). */
    default List<PassthruMethod> driverMethods() {
        return List.of();
    }

    /** Calls a node method; the result is returned to the client as JSON (may be null). */
    Object call(TaskContext task, String method, String httpMethod, Map<String, Object> data) throws DriverException;

    /** Calls a driver method. */
    default Object callDriver(String method, String httpMethod, Map<String, Object> data) throws DriverException {
        throw new UnsupportedDriverOperationException("No driver vendor method " + method);
    }
}
