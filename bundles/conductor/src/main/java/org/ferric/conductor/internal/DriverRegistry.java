package org.ferric.conductor.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferric.driver.api.HardwareType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers installed right now. Drivers are bundles that come and go while Ferric runs, so
 * they are tracked with a dynamic, multiple, greedy reference (as openHAB tracks its bindings):
 * a driver that appears is usable at once, one that vanishes is gone at once.
 */
@Component(service = DriverRegistry.class)
public class DriverRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);

    /** Notified after the set of drivers changed. */
    public interface Listener {
        void driversChanged();
    }

    private final Map<String, HardwareType> drivers = new ConcurrentSkipListMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHardwareType(HardwareType driver) {
        HardwareType previous = drivers.put(driver.name(), driver);
        LOG.info("Driver {} {}", driver.name(), previous == null ? "loaded" : "replaced");
        listeners.forEach(Listener::driversChanged);
    }

    void removeHardwareType(HardwareType driver) {
        // Only remove if it is still the registered instance: a replacement may have arrived first.
        if (drivers.remove(driver.name(), driver)) {
            LOG.info("Driver {} unloaded", driver.name());
            listeners.forEach(Listener::driversChanged);
        }
    }

    public Optional<HardwareType> get(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(drivers.get(name));
    }

    /** Names of the loaded drivers, sorted. */
    public List<String> names() {
        return List.copyOf(drivers.keySet());
    }

    public List<HardwareType> all() {
        return List.copyOf(drivers.values());
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }
}
