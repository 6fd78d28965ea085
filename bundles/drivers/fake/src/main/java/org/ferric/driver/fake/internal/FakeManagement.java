package org.ferric.driver.fake.internal;

import java.util.List;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.Indicator;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.TaskContext;

/**
 * Keeps the boot device in driver_internal_info so that a get returns what was set. Indicators are
 * Ironic's fake ones: a read-only chassis LED and a system LED. Ironic's fake cannot set the system
 * LED (and reports every LED on); this one keeps what was set, so that the API's PUT runs on the
 * reference driver.
 */
final class FakeManagement extends FakeInterface implements ManagementInterface {
    private static final List<String> DEVICES = List.of("pxe", "disk");
    private static final String BOOT_DEVICE_KEY = "fake_boot_device";
    private static final String PERSISTENT_KEY = "fake_boot_device_persistent";
    private static final String INDICATORS_KEY = "fake_indicators";
    private static final Map<String, Map<String, Indicator>> INDICATORS = Map.of(
            "chassis", Map.of("led-0", new Indicator(true, List.of(Indicator.OFF, Indicator.ON))),
            "system", Map.of("led", new Indicator(false, List.of(Indicator.BLINKING, Indicator.OFF, Indicator.ON))));

    @Override
    public List<String> supportedBootDevices(TaskContext task) {
        return DEVICES;
    }

    @Override
    public void setBootDevice(TaskContext task, String device, boolean persistent) throws InvalidParameterException {
        if (!DEVICES.contains(device)) {
            throw new InvalidParameterException("Invalid boot device " + device + " specified.");
        }
        task.putDriverInternalInfo(BOOT_DEVICE_KEY, device);
        task.putDriverInternalInfo(PERSISTENT_KEY, persistent);
    }

    @Override
    public BootDevice getBootDevice(TaskContext task) {
        Map<String, Object> info = task.node().driverInternalInfo();
        Object device = info.get(BOOT_DEVICE_KEY);
        Object persistent = info.get(PERSISTENT_KEY);
        return new BootDevice(device == null ? "pxe" : device.toString(),
                persistent == null ? Boolean.FALSE : Boolean.valueOf(persistent.toString()));
    }

    @Override
    public void injectNmi(TaskContext task) {
        // A fake server has nothing to interrupt.
    }

    @Override
    public Map<String, Object> sensorsData(TaskContext task) {
        return Map.of();
    }

    @Override
    public Map<String, Map<String, Indicator>> supportedIndicators(TaskContext task) {
        return INDICATORS;
    }

    @Override
    public void setIndicatorState(TaskContext task, String component, String indicator, String state)
            throws InvalidParameterException {
        Indicator known = indicator(component, indicator);
        if (known.readonly()) {
            throw new InvalidParameterException("Indicator " + indicator + " of component " + component + " is read-only.");
        }
        if (!known.states().contains(state)) {
            throw new InvalidParameterException("Invalid state " + state + " for indicator " + indicator
                    + "; allowed: " + known.states() + ".");
        }
        Map<String, Object> states = new java.util.HashMap<>();
        recordedStates(task).forEach((k, v) -> states.put(k.toString(), v));
        states.put(indicator + "@" + component, state);
        task.putDriverInternalInfo(INDICATORS_KEY, states);
    }

    /** What was set, else "on" as Ironic's fake always answers. */
    @Override
    public String getIndicatorState(TaskContext task, String component, String indicator)
            throws InvalidParameterException {
        indicator(component, indicator);
        Object state = recordedStates(task).get(indicator + "@" + component);
        return state == null ? Indicator.ON : state.toString();
    }

    private static Indicator indicator(String component, String indicator) throws InvalidParameterException {
        Map<String, Indicator> ofComponent = INDICATORS.get(component);
        if (ofComponent == null) {
            throw new InvalidParameterException("Invalid component " + component + " specified.");
        }
        Indicator known = ofComponent.get(indicator);
        if (known == null) {
            throw new InvalidParameterException("Invalid indicator " + indicator + " specified.");
        }
        return known;
    }

    private static Map<?, ?> recordedStates(TaskContext task) {
        Object recorded = task.node().driverInternalInfo().get(INDICATORS_KEY);
        return recorded instanceof Map<?, ?> m ? m : Map.of();
    }
}
