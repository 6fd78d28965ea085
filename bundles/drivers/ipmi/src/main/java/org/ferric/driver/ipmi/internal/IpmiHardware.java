package org.ferric.driver.ipmi.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ferric.driver.api.AgentInterfaces;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.HardwareTypeName;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.NoInterfaces;
import org.ferric.driver.api.InvalidParameterException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ipmi} hardware type: Ironic's, with power, management, console and vendor passthru
 * through {@code ipmitool}. A configuration change re-creates the component, so every interface
 * sees one consistent set of settings.
 */
@Component(service = HardwareType.class, configurationPid = IpmiSettings.PID)
@Designate(ocd = IpmiConfig.class)
@HardwareTypeName(IpmiHardware.NAME)
public class IpmiHardware implements HardwareType {
    static final String NAME = "ipmi";
    private static final Logger LOG = LoggerFactory.getLogger(IpmiHardware.class);

    private final IpmiTool ipmitool;
    private final IpmiConsole console;
    private final Map<InterfaceType, List<DriverInterface>> interfaces = new EnumMap<>(InterfaceType.class);

    @Activate
    public IpmiHardware(IpmiConfig config, @Reference AgentInterfaces agent) throws InvalidParameterException {
        this(IpmiSettings.from(config), agent);
    }

    IpmiHardware(IpmiSettings settings, AgentInterfaces agent) throws InvalidParameterException {
        ipmitool = new IpmiTool(settings);
        IpmiManagement management = new IpmiManagement(ipmitool);
        IpmiPower power = new IpmiPower(ipmitool, management);
        console = new IpmiConsole(ipmitool, new ConsolePorts(settings.consoleAddress(), settings.consolePortRange()));
        // Defaults first, as in Ironic's IPMIHardware; in-band inspection is the agent's (Ironic: inspector).
        interfaces.put(InterfaceType.BIOS, List.of(NoInterfaces.bios()));
        interfaces.put(InterfaceType.BOOT, List.of(new IpmiPxeBoot(management), new Noop.Boot()));
        interfaces.put(InterfaceType.CONSOLE, List.of(NoInterfaces.console(), console));
        interfaces.put(InterfaceType.DEPLOY, List.of(agent.direct()));
        interfaces.put(InterfaceType.INSPECT, List.of(agent.inspect(), NoInterfaces.inspect()));
        interfaces.put(InterfaceType.MANAGEMENT, List.of(management, NoInterfaces.noopManagement()));
        interfaces.put(InterfaceType.NETWORK, List.of(NoInterfaces.noopNetwork()));
        interfaces.put(InterfaceType.POWER, List.of(power));
        interfaces.put(InterfaceType.RAID, List.of(NoInterfaces.raid()));
        interfaces.put(InterfaceType.RESCUE, List.of(NoInterfaces.rescue(), agent.rescue()));
        interfaces.put(InterfaceType.STORAGE, List.of(NoInterfaces.noopStorage()));
        interfaces.put(InterfaceType.VENDOR, List.of(new IpmiVendor(ipmitool), NoInterfaces.vendor()));
        LOG.info("IPMI driver activated ({})", settings.ipmitoolPath());
    }

    @Deactivate
    void deactivate() {
        console.stopAll();
        ipmitool.close();
        LOG.info("IPMI driver deactivated");
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
