package org.ferric.driver.fake.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.AgentInterfaces;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.HardwareTypeName;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.NoInterfaces;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fake-hardware}, as Ironic's: every interface answers at once and succeeds, the power
 * state is whatever was last set. It lets every API path run without hardware, and is the
 * reference a vendor can read next to the SPI.
 */
@Component(service = HardwareType.class)
@HardwareTypeName(FakeHardware.NAME)
public class FakeHardware implements HardwareType {
    static final String NAME = "fake-hardware";

    private final Map<InterfaceType, List<DriverInterface>> interfaces = new EnumMap<>(InterfaceType.class);

    /** Without the conductor's agent interfaces: for unit tests of the fake interfaces alone. */
    FakeHardware() {
        this(null);
    }

    @Activate
    public FakeHardware(@Reference AgentInterfaces agent) {
        // Defaults first, as Ironic's fake-hardware lists them.
        interfaces.put(InterfaceType.BIOS, List.of(new FakeBios(), NoInterfaces.bios()));
        interfaces.put(InterfaceType.BOOT, List.of(new FakeBoot()));
        interfaces.put(InterfaceType.CONSOLE, List.of(new FakeConsole(), NoInterfaces.console()));
        // As Ironic's, fake-hardware can also deploy for real with the agent (power and boot stay fake).
        interfaces.put(InterfaceType.DEPLOY, agent == null ? List.of(new FakeDeploy()) : List.of(new FakeDeploy(), agent.direct()));
        interfaces.put(InterfaceType.INSPECT, List.of(new FakeInspect(), NoInterfaces.inspect()));
        interfaces.put(InterfaceType.MANAGEMENT, List.of(new FakeManagement()));
        interfaces.put(InterfaceType.NETWORK, List.of(new NoopNetwork()));
        interfaces.put(InterfaceType.POWER, List.of(new FakePower()));
        interfaces.put(InterfaceType.RAID, List.of(new FakeRaid(), NoInterfaces.raid()));
        interfaces.put(InterfaceType.RESCUE, List.of(new FakeRescue(), NoInterfaces.rescue()));
        interfaces.put(InterfaceType.STORAGE, List.of(new NoopStorage(), new FakeStorage()));
        interfaces.put(InterfaceType.VENDOR, List.of(new FakeVendor(), NoInterfaces.vendor()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<? extends DriverInterface> interfaces(InterfaceType type) {
        return interfaces.getOrDefault(type, List.of());
    }
}
