package org.ferric.driver.ipmi.internal;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ferric.driver.api.ConsoleInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ironic's {@code ipmitool-socat} console: serial-over-LAN served as a raw TCP port, on
 * {@code ipmi_terminal_port} or on a port taken from the configured range (remembered in
 * driver_internal_info, as Ironic does).
 */
final class IpmiConsole extends IpmiInterface implements ConsoleInterface {
    private static final Logger LOG = LoggerFactory.getLogger(IpmiConsole.class);
    static final String ALLOCATED_PORT = "allocated_ipmi_terminal_port";

    private final ConsolePorts ports;
    private final Map<String, SolSession> sessions = new ConcurrentHashMap<>();

    IpmiConsole(IpmiTool ipmitool, ConsolePorts ports) {
        super(ipmitool);
        this.ports = ports;
    }

    @Override
    public String name() {
        return "ipmitool-socat";
    }

    @Override
    public List<PropertySpec> properties() {
        List<PropertySpec> all = new ArrayList<>(DriverInfo.PROPERTIES);
        all.addAll(DriverInfo.CONSOLE_PROPERTIES);
        return List.copyOf(all);
    }

    @Override
    public void validate(TaskContext task) throws InvalidParameterException {
        DriverInfo info = DriverInfo.parse(task.node());
        if (info.terminalPort() == null && !ports.configured()) {
            throw new InvalidParameterException("Either missing 'ipmi_terminal_port' parameter in node's driver_info "
                    + "or console_port_range is not configured");
        }
        if (!info.protocolVersion().equals("2.0")) {
            throw new InvalidParameterException("Serial over lan only works with IPMI protocol version 2.0. "
                    + "Check the 'ipmi_protocol_version' parameter in node's driver_info");
        }
    }

    @Override
    public void startConsole(TaskContext task) throws DriverException {
        validate(task);
        String uuid = task.node().uuid();
        closeSession(uuid);
        task.putDriverInternalInfo(ALLOCATED_PORT, null);
        Object fixed = task.node().driverInfo() == null ? null : task.node().driverInfo().get("ipmi_terminal_port");
        DriverInfo info = DriverInfo.parse(task.node());
        deactivateSol(info);
        ServerSocket server = fixed != null ? ports.bind(info.terminalPort()) : ports.allocate();
        List<String> args = new ArrayList<>(IpmiTool.connectionArguments(settings(), info));
        args.addAll(List.of("-E", "sol", "activate"));
        SolSession session = new SolSession(uuid, server, args, info.password());
        sessions.put(uuid, session);
        session.start();
        if (fixed == null) {
            task.putDriverInternalInfo(ALLOCATED_PORT, session.port());
        }
        LOG.info("Console of node {} listening on {}:{}", uuid, ports.address(), session.port());
    }

    @Override
    public void stopConsole(TaskContext task) throws DriverException {
        String uuid = task.node().uuid();
        closeSession(uuid);
        task.putDriverInternalInfo(ALLOCATED_PORT, null);
        deactivateSol(DriverInfo.parse(task.node()));
    }

    @Override
    public Map<String, Object> getConsole(TaskContext task) throws DriverException {
        DriverInfo info = DriverInfo.parse(task.node());
        SolSession running = sessions.get(task.node().uuid());
        Integer port = running != null ? Integer.valueOf(running.port()) : info.terminalPort();
        if (port == null) {
            throw new DriverException("The console of node " + info.uuid() + " is not started and has no ipmi_terminal_port.");
        }
        return Map.of("type", "socat", "url", "tcp://" + ports.address() + ":" + port);
    }

    /** A BMC allows one SOL session; drop any left over (rc 1 means there was none). */
    private void deactivateSol(DriverInfo info) throws DriverException {
        ipmitool.run(info, Set.of(0, 1), List.of("sol", "deactivate"));
    }

    private void closeSession(String uuid) {
        SolSession old = sessions.remove(uuid);
        if (old != null) {
            old.stop();
        }
    }

    boolean running(String uuid) {
        return sessions.containsKey(uuid);
    }

    void stopAll() {
        sessions.keySet().forEach(this::closeSession);
    }
}
