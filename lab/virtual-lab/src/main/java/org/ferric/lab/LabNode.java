package org.ferric.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One server of the lab: a BMC, a disk file and, while it runs the deploy ramdisk, an agent process.
 * Its files are in {@link #dir()}: {@code disk.img}, {@code profile.json}, {@code agent.sh} (the
 * agent's command line), {@code agent.log}, {@code console.log} (one line per boot and power change).
 */
public abstract class LabNode {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final NodeSpec spec;

    LabNode(NodeSpec spec) {
        this.spec = spec;
    }

    /** The node's UUID, fixed by the lab (derived from its name): in the enrolment and the agent's {@code --node-uuid}. */
    public String uuid() {
        return spec.uuid();
    }

    public String name() {
        return spec.name();
    }

    /** {@code ipmi} or {@code redfish}. */
    public abstract String driver();

    /** The MAC addresses the agent reports (and looks its node up by); inspection makes the ports from them. */
    public List<String> macs() {
        return spec.macs();
    }

    /** The file the agent uses as its disk (sparse). */
    public Path disk() {
        return spec.disk();
    }

    public Path dir() {
        return spec.dir();
    }

    /** The port of the agent's command API on 127.0.0.1, fixed for the lab's life. */
    public int agentPort() {
        return spec.agentPort();
    }

    /** {@code http://127.0.0.1:PORT}: the agent's callback URL while it runs. */
    public String agentUrl() {
        return "http://127.0.0.1:" + agentPort();
    }

    public Path agentLog() {
        return dir().resolve("agent.log");
    }

    public Path consoleLog() {
        return dir().resolve("console.log");
    }

    /** The BMC's port: UDP for ipmi, the emulator's TCP port (shared by the nodes) for redfish. */
    public abstract int bmcPort();

    /** Whether the BMC says the power is on. */
    public abstract boolean powerOn();

    /**
     * The boot device the BMC holds, in Ironic's words: {@code pxe}, {@code disk}, {@code cdrom},
     * {@code bios}, or {@code none} when nothing is set (ipmi) or no override is enabled (redfish; a
     * {@code Once} override is gone after the boot it served).
     */
    public abstract String bootDevice();

    /** The agent's process id (the JVM), while it runs. */
    public abstract OptionalLong agentPid();

    /** Whether an agent process exists for this node (frozen or not). */
    public boolean agentRunning() {
        OptionalLong pid = agentPid();
        return pid.isPresent() && Processes.alive(pid.getAsLong());
    }

    /** SIGSTOPs the agent: it stops heartbeating and answering while the BMC still says the power is on. */
    public void freezeAgent() {
        Processes.kill("STOP", Long.toString(runningPid()));
    }

    /** SIGCONTs a frozen agent. */
    public void thawAgent() {
        Processes.kill("CONT", Long.toString(runningPid()));
    }

    private long runningPid() {
        OptionalLong pid = agentPid();
        if (pid.isEmpty() || !Processes.alive(pid.getAsLong())) {
            throw new IllegalStateException("no agent runs on " + name());
        }
        return pid.getAsLong();
    }

    /** Waits until the agent answers {@code GET /v1/status}; false if it did not within {@code timeout}. */
    public boolean awaitAgent(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(agentUrl() + "/v1/status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Processes.sleep(100);
        }
        return false;
    }

    /** This node as {@code baremetal create} takes it: one element of the enrolment's {@code nodes}. */
    public Map<String, Object> enrolment() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("uuid", uuid());
        n.put("name", name());
        n.put("driver", driver());
        n.put("driver_info", driverInfo());
        n.put("deploy_interface", "direct");
        n.put("boot_interface", bootInterface());
        n.put("inspect_interface", "agent");
        n.put("rescue_interface", "agent");
        n.put("properties", Map.of());
        return n;
    }

    abstract Map<String, Object> driverInfo();

    abstract String bootInterface();

    /** Stops the BMC side of the node and kills its agent; the lab calls it once, at close. */
    abstract void stop();

    void console(String line) {
        try {
            Files.writeString(consoleLog(), LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    + " " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a console line is for people; losing one breaks nothing
        }
    }

    @Override
    public String toString() {
        return name() + " (" + driver() + ", " + uuid() + ")";
    }
}
