package org.ferric.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.ferric.lab.redfish.EmulatedSystem;
import org.ferric.lab.redfish.PowerTransition;
import org.ferric.lab.redfish.RedfishEmulator;

/**
 * A node that is one system of the lab's Redfish emulator. The emulator's power listener tells it of
 * every start and stop; the agent is a child process of the lab's JVM.
 */
final class RedfishNode extends LabNode {
    static final String USER = "admin";
    static final String PASSWORD = "password";

    private final RedfishEmulator bmc;
    private final EmulatedSystem system;
    private final String deployIso;
    private Process agent; // guarded by this
    private boolean stopped; // guarded by this

    RedfishNode(NodeSpec spec, RedfishEmulator bmc, String systemId, String deployIso) {
        super(spec);
        this.bmc = bmc;
        this.system = bmc.system(systemId);
        this.deployIso = deployIso;
    }

    @Override
    public String driver() {
        return "redfish";
    }

    @Override
    public int bmcPort() {
        return bmc.port();
    }

    @Override
    public boolean powerOn() {
        String s = system.powerState();
        return s.equals("On") || s.equals("PoweringOff");
    }

    @Override
    public String bootDevice() {
        if (system.bootEnabled().equals("Disabled")) {
            return "none";
        }
        return switch (system.bootTarget()) {
            case "Pxe" -> "pxe";
            case "Hdd" -> "disk";
            case "Cd" -> "cdrom";
            case "BiosSetup" -> "bios";
            default -> system.bootTarget().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public synchronized OptionalLong agentPid() {
        return agent == null ? OptionalLong.empty() : OptionalLong.of(agent.pid());
    }

    /** From the emulator, with the system's lock held: a boot starts the ramdisk or not, a stop is a power cut. */
    void powerChanged(PowerTransition t) {
        if (!t.poweredOn()) {
            console(killAgent() ? "power off: the agent is killed" : "power off");
            return;
        }
        String target = t.bootTarget();
        switch (target) {
            case "None", "Pxe" -> startAgent("boot: network (" + target + "), the deploy ramdisk starts the agent (agent.log)");
            case "Cd" -> {
                if (t.virtualMediaInserted()) {
                    startAgent("boot: virtual CD " + t.virtualMediaImage() + ", the deploy ramdisk starts the agent (agent.log)");
                } else {
                    console("boot: Cd, but no media is inserted: nothing to boot (no agent)");
                }
            }
            case "Hdd" -> console("boot: disk, the instance on " + disk() + " boots (no agent)");
            default -> console("boot: " + target + ", nothing to boot there (no agent)");
        }
    }

    private synchronized void startAgent(String why) {
        if (stopped) {
            return;
        }
        killAgent();
        console(why);
        try {
            Process p = new ProcessBuilder(spec.agentCommand()).directory(dir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(agentLog().toFile())).start();
            agent = p;
            Files.writeString(dir().resolve("agent.pid"), p.pid() + "\n");
            p.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            console("the agent did not start: " + e.getMessage());
        }
    }

    /** Kills the agent, if one runs, and waits for it; true if one ran. */
    private synchronized boolean killAgent() {
        Process p = agent;
        if (p == null) {
            return false;
        }
        agent = null; // so that exited() knows the lab did it
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletePidFile();
        return true;
    }

    /**
     * The agent ended by itself ({@code standby.power_off}, or {@code standby.reboot} with code 10): the
     * machine powers off or restarts, as the BMC then reports. Outside this node's lock: the reset takes
     * the system's, and the listener then takes this one.
     */
    private void exited(Process p) {
        synchronized (this) {
            if (agent != p || stopped) {
                return;
            }
            agent = null;
            deletePidFile();
        }
        int code = p.exitValue();
        if (code == 10) {
            console("the agent rebooted the machine");
            system.reset("ForceRestart");
        } else {
            console("the agent exited with code " + code + ": power off");
            system.reset("ForceOff");
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(dir().resolve("agent.pid"));
        } catch (IOException e) {
            // stale pid files are checked against the live process anyway
        }
    }

    @Override
    Map<String, Object> driverInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("redfish_address", bmc.url());
        info.put("redfish_system_id", "/redfish/v1/Systems/" + system.id());
        info.put("redfish_username", USER);
        info.put("redfish_password", PASSWORD);
        info.put("redfish_deploy_iso", deployIso);
        return info;
    }

    @Override
    String bootInterface() {
        return "redfish-virtual-media";
    }

    @Override
    synchronized void stop() {
        stopped = true;
        killAgent();
    }
}
