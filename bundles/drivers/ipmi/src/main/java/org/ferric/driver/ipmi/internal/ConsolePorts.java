package org.ferric.driver.ipmi.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;

/**
 * Ironic's {@code [console]port_range}: a node without {@code ipmi_terminal_port} gets the first
 * port of the range that can be bound. Binding is the allocation, so two consoles cannot race
 * for one port.
 */
final class ConsolePorts {
    private final String address;
    private final int first;
    private final int last;

    ConsolePorts(String address, String range) throws InvalidParameterException {
        this.address = address;
        if (range == null || range.isBlank()) {
            first = -1;
            last = -1;
            return;
        }
        String[] parts = range.strip().split(":");
        try {
            first = Integer.parseInt(parts[0].strip());
            last = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : first;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("console_port_range \"" + range + "\" is not start:end");
        }
        if (first < 1 || last > 65535 || first > last) {
            throw new InvalidParameterException("console_port_range \"" + range + "\" is not start:end within 1-65535");
        }
    }

    boolean configured() {
        return first > 0;
    }

    String address() {
        return address;
    }

    /** A server socket on the given port. */
    ServerSocket bind(int port) throws DriverException {
        ServerSocket s = tryBind(port);
        if (s == null) {
            throw new DriverException("Cannot listen for the console on " + address + ":" + port + ": the port is in use.");
        }
        return s;
    }

    /** A server socket on the first free port of the range. */
    ServerSocket allocate() throws DriverException {
        if (!configured()) {
            throw new InvalidParameterException("Either missing 'ipmi_terminal_port' parameter in node's driver_info "
                    + "or console_port_range is not configured");
        }
        for (int p = first; p <= last; p++) {
            ServerSocket s = tryBind(p);
            if (s != null) {
                return s;
            }
        }
        throw new DriverException("No free console port left in " + first + ":" + last);
    }

    private ServerSocket tryBind(int port) {
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.bind(new InetSocketAddress(address, port), 1);
            return s;
        } catch (IOException e) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing was bound
                }
            }
            return null;
        }
    }
}
