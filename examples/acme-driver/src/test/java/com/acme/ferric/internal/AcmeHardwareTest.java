package com.acme.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;
import org.junit.jupiter.api.Test;

class AcmeHardwareTest {
    private final AcmeHardware hardware = new AcmeHardware();

    /**
     * A task as the conductor gives one: what is recorded is visible to the next call. Built as a
     * proxy because TaskContext and NodeView are Ferric's to implement (@ProviderType) and may grow
     * methods in a minor version; a test that implemented them would stop compiling.
     */
    static final class Task {
        final Map<String, Object> driverInfo = new HashMap<>();
        final Map<String, Object> internal = new HashMap<>();
        PowerState power;

        TaskContext context() {
            NodeView node = proxy(NodeView.class, (name, args) -> switch (name) {
                case "uuid" -> "1be26c0b-03f2-4d2e-ae87-c02d7f33c123";
                case "driver" -> AcmeHardware.NAME;
                case "driverInfo" -> Map.copyOf(driverInfo);
                case "driverInternalInfo" -> Map.copyOf(internal);
                case "powerState" -> power;
                default -> null;
            });
            return proxy(TaskContext.class, (name, args) -> switch (name) {
                case "node" -> node;
                case "putDriverInternalInfo" -> internal.put((String) args[0], args[1]);
                case "recordPowerState" -> power = (PowerState) args[0];
                case "isSharedLock" -> false;
                default -> null;
            });
        }

        interface Answer {
            Object answer(String method, Object[] args);
        }

        static <T> T proxy(Class<T> type, Answer answer) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (p, method, args) -> answer.answer(method.getName(), args)));
        }
    }

    @Test
    void everyCoreInterfaceTypeHasAnImplementation() {
        assertEquals("acme", hardware.name());
        for (InterfaceType type : InterfaceType.values()) {
            if (type.isCore()) {
                assertFalse(hardware.interfaces(type).isEmpty(), type.apiName());
            }
            for (DriverInterface impl : hardware.interfaces(type)) {
                assertEquals(type, impl.type(), impl.name());
            }
        }
    }

    @Test
    void validateNamesTheMissingAddressAndNeverShowsThePassword() {
        Task task = new Task();
        task.driverInfo.put(AcmeInterface.PASSWORD, "s3cret");
        DriverInterface power = hardware.interfaces(InterfaceType.POWER).get(0);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> power.validate(task.context()));
        assertTrue(e.getMessage().contains(AcmeInterface.ADDRESS), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));

        task.driverInfo.put(AcmeInterface.ADDRESS, "192.0.2.10");
        assertDoesNotThrow(() -> power.validate(task.context()));
    }

    @Test
    void powerAndBootDeviceAreWhatWasLastSet() throws Exception {
        Task task = new Task();
        PowerInterface power = (PowerInterface) hardware.interfaces(InterfaceType.POWER).get(0);
        power.setPowerState(task.context(), PowerState.POWER_ON, null);
        assertEquals(PowerState.POWER_ON, power.getPowerState(task.context()));
        power.setPowerState(task.context(), PowerState.POWER_OFF, null);
        assertEquals(PowerState.POWER_OFF, power.getPowerState(task.context()));

        ManagementInterface management = (ManagementInterface) hardware.interfaces(InterfaceType.MANAGEMENT).get(0);
        management.setBootDevice(task.context(), "pxe", true);
        assertEquals(new BootDevice("pxe", true), management.getBootDevice(task.context()));
        assertThrows(InvalidParameterException.class, () -> management.setBootDevice(task.context(), "floppy", false));
    }
}
