package org.ferric.conductor.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.conductor.rpc.VendorResult;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.PassthruMethod;
import org.ferric.driver.api.VendorInterface;

/**
 * Relays vendor passthru calls to the driver's vendor interface untouched: node methods on the
 * node's vendor interface (under the exclusive lock when the method asks for it, in the background
 * when it is asynchronous), driver methods on the hardware type's default vendor interface.
 */
final class VendorPassthru {
    private final DriverRegistry drivers;
    private final TaskManager tasks;

    VendorPassthru(DriverRegistry drivers, TaskManager tasks) {
        this.drivers = drivers;
        this.tasks = tasks;
    }

    Map<String, Map<String, Object>> nodeMethods(String nodeUuid) {
        NodeTask task = tasks.shared(nodeUuid);
        VendorInterface vendor = NodeManagement.require(task, InterfaceType.VENDOR);
        return describe(vendor.methods());
    }

    VendorResult callNode(String nodeUuid, String method, String httpMethod, Map<String, Object> data) {
        NodeTask shared = tasks.shared(nodeUuid);
        VendorInterface vendor = NodeManagement.require(shared, InterfaceType.VENDOR);
        PassthruMethod m = find(vendor.methods(), method, httpMethod);
        if (m.async()) {
            NodeTask task = tasks.acquire(nodeUuid);
            tasks.spawn(task, t -> vendor.call(t, method, httpMethod, data),
                    (t, e) -> t.editable().setLastError("Vendor passthru " + method + " failed: " + e.getMessage()));
            return new VendorResult(true, m.attach(), null);
        }
        if (!m.requireExclusiveLock()) {
            return new VendorResult(false, m.attach(), NodeManagement.call(() -> vendor.call(shared, method, httpMethod, data)));
        }
        NodeTask task = tasks.acquire(nodeUuid);
        try {
            Object value = NodeManagement.call(() -> vendor.call(task, method, httpMethod, data));
            tasks.finish(task);
            return new VendorResult(false, m.attach(), value);
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
    }

    Map<String, Map<String, Object>> driverMethods(String driverName) {
        return describe(driverVendor(driverName).driverMethods());
    }

    VendorResult callDriver(String driverName, String method, String httpMethod, Map<String, Object> data) {
        VendorInterface vendor = driverVendor(driverName);
        PassthruMethod m = find(vendor.driverMethods(), method, httpMethod);
        return new VendorResult(false, m.attach(), NodeManagement.call(() -> vendor.callDriver(method, httpMethod, data)));
    }

    private VendorInterface driverVendor(String driverName) {
        HardwareType driver = drivers.get(driverName).orElseThrow(() -> ConductorException.notFound(
                "Could not find the following driver(s) or hardware type(s): " + driverName + "."));
        List<? extends DriverInterface> vendors = driver.interfaces(InterfaceType.VENDOR);
        if (vendors.isEmpty() || !(vendors.get(0) instanceof VendorInterface v)) {
            throw ConductorException.badRequest("Driver " + driverName + " does not support vendor (disabled or not implemented).");
        }
        return v;
    }

    private static PassthruMethod find(List<PassthruMethod> methods, String method, String httpMethod) {
        for (PassthruMethod m : methods) {
            if (m.name().equals(method)) {
                if (!m.httpMethods().contains(httpMethod)) {
                    throw ConductorException.badRequest("The method " + method + " does not support HTTP " + httpMethod);
                }
                return m;
            }
        }
        throw ConductorException.badRequest("Unsupported method (" + method + ") passed through to vendor extension.");
    }

    private static Map<String, Map<String, Object>> describe(List<PassthruMethod> methods) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (PassthruMethod m : methods) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("http_methods", List.copyOf(new TreeSet<>(m.httpMethods())));
            d.put("async", m.async());
            d.put("description", m.description());
            d.put("attach", m.attach());
            d.put("require_exclusive_lock", m.requireExclusiveLock());
            out.put(m.name(), d);
        }
        return out;
    }
}
