package com.acme.ferric.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.HardwareTypeName;
import org.ferric.driver.api.InterfaceType;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code acme} hardware type. Ferric finds it as a {@link HardwareType} service named by
 * {@link HardwareTypeName}; stopping this bundle takes it away at once and its nodes answer with an
 * error until it is back.
 */
@Component(service = HardwareType.class)
@HardwareTypeName(AcmeHardware.NAME)
public class AcmeHardware implements HardwareType {
    static final String NAME = "acme";

    private final Map<InterfaceType, List<DriverInterface>> interfaces = new EnumMap<>(InterfaceType.class);

    public AcmeHardware() {
        // Every core interface type needs at least one implementation; the first one is the default.
        interfaces.put(InterfaceType.POWER, List.of(new AcmePower()));
        interfaces.put(InterfaceType.MANAGEMENT, List.of(new AcmeManagement()));
        interfaces.put(InterfaceType.DEPLOY, List.of(new AcmeDeploy()));
        interfaces.put(InterfaceType.BOOT, List.of(new AcmeBoot()));
        interfaces.put(InterfaceType.NETWORK, List.of(new NoopNetwork()));
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
