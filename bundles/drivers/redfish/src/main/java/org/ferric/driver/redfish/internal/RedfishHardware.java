package org.ferric.driver.redfish.internal;

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
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code redfish} hardware type: Ironic's, over the JDK's HTTP client. A configuration
 * change re-creates the component (and its BMC connections), so every interface sees one
 * consistent set of settings.
 */
@Component(service = HardwareType.class, configurationPid = RedfishSettings.PID)
@Designate(ocd = RedfishConfig.class)
@HardwareTypeName(RedfishHardware.NAME)
public class RedfishHardware implements HardwareType {
    static final String NAME = "redfish";
    private static final Logger LOG = LoggerFactory.getLogger(RedfishHardware.class);

    private final Connections connections;
    private final Map<InterfaceType, List<DriverInterface>> interfaces = new EnumMap<>(InterfaceType.class);

    @Activate
    public RedfishHardware(RedfishConfig config, @Reference AgentInterfaces agent) {
        this(RedfishSettings.from(config), agent);
    }

    RedfishHardware(RedfishSettings settings, AgentInterfaces agent) {
        connections = new Connections(settings);
        RedfishPower power = new RedfishPower(connections);
        RedfishManagement management = new RedfishManagement(connections);
        // Defaults first, as in Ironic's RedfishHardware (PXE boot excepted: virtual media boots the agent).
        interfaces.put(InterfaceType.BIOS, List.of(new RedfishBios(connections, power), NoInterfaces.bios()));
        interfaces.put(InterfaceType.BOOT, List.of(new RedfishVirtualMediaBoot(connections, management)));
        interfaces.put(InterfaceType.CONSOLE, List.of(NoInterfaces.console()));
        interfaces.put(InterfaceType.DEPLOY, List.of(agent.direct()));
        interfaces.put(InterfaceType.INSPECT, List.of(new RedfishInspect(connections), agent.inspect(), NoInterfaces.inspect()));
        interfaces.put(InterfaceType.MANAGEMENT, List.of(management, NoInterfaces.noopManagement()));
        interfaces.put(InterfaceType.NETWORK, List.of(NoInterfaces.noopNetwork()));
        interfaces.put(InterfaceType.POWER, List.of(power));
        interfaces.put(InterfaceType.RAID, List.of(NoInterfaces.raid()));
        interfaces.put(InterfaceType.RESCUE, List.of(NoInterfaces.rescue(), agent.rescue()));
        interfaces.put(InterfaceType.STORAGE, List.of(NoInterfaces.noopStorage()));
        interfaces.put(InterfaceType.VENDOR, List.of(new RedfishVendor(connections), NoInterfaces.vendor()));
        LOG.info("Redfish driver activated");
    }

    @Deactivate
    void deactivate() {
        connections.close();
        LOG.info("Redfish driver deactivated");
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
