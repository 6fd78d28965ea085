package org.ferric.driver.ipmi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's serial console: a TCP port on which each client (one at a time, like Ironic's socat
 * with max-children=1) is joined to a fresh {@code ipmitool sol activate}. ipmitool needs a
 * terminal for SOL, so it runs under {@code script}, which gives it a pty. The password reaches
 * it through the environment ({@code -E}), never through the command line.
 */
final class SolSession {
    private static final Logger LOG = LoggerFactory.getLogger(SolSession.class);

    private final String node;
    private final ServerSocket server;
    private final List<String> command;
    private final String password;
    private final Thread acceptor;
    private volatile Process process;
    private volatile Socket client;
    private volatile boolean stopped;

    SolSession(String node, ServerSocket server, List<String> ipmitoolArguments, String password) {
        this.node = node;
        this.server = server;
        this.command = List.of("script", "-qfec", shellQuoted(ipmitoolArguments), "/dev/null");
        this.password = password == null ? "" : password;
        this.acceptor = new Thread(this::acceptLoop, "ipmi-console-" + node);
        this.acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopped) {
            try (Socket s = server.accept()) {
                client = s;
                serve(s);
            } catch (IOException e) {
                if (!stopped) {
                    LOG.warn("Console of node {}: {}", node, e.toString());
                }
            } finally {
                killProcess();
                client = null;
            }
        }
    }

    private void serve(Socket s) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("IPMI_PASSWORD", password);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TERM", "vt100");
        Process p = pb.start();
        process = p;
        LOG.info("Console client {} connected to node {}", s.getRemoteSocketAddress(), node);
        Thread toBmc = new Thread(() -> pump(safe(s::getInputStream), p.getOutputStream()), "ipmi-console-in-" + node);
        toBmc.setDaemon(true);
        toBmc.start();
        pump(p.getInputStream(), s.getOutputStream());
        LOG.info("Console client of node {} disconnected", node);
    }

    private interface StreamSupplier {
        InputStream get() throws IOException;
    }

    private static InputStream safe(StreamSupplier s) {
        try {
            return s.get();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    /** Copies until either side ends, then ends both, so the other pump stops too. */
    private void pump(InputStream in, OutputStream out) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away or the process ended
        } finally {
            Socket c = client;
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            killProcess();
        }
    }

    private void killProcess() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    void stop() {
        stopped = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
        Socket c = client;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        killProcess();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String shellQuoted(List<String> args) {
        List<String> quoted = new ArrayList<>();
        for (String a : args) {
            quoted.add("'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
