package org.ferric.conductor.internal;

import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.TaskContext;

/**
 * Booting the agent ramdisk and powering it off again, through the node's own boot and power
 * interfaces. Every boot gets a new agent, so what the previous one left (its URL, its token, a
 * command in flight) is wiped first, as Ironic's {@code wipe_token_and_url}: the new agent's lookup
 * then gets a fresh token and its heartbeat may bring a new callback URL.
 */
final class AgentRamdisk {
    static final String PENDING_COMMAND = "agent_pending_command";
    static final String CACHED_CLEAN_STEPS = "agent_cached_clean_steps";

    private AgentRamdisk() {
    }

    static NodeTask nodeTask(TaskContext task) {
        if (task instanceof NodeTask t) {
            return t;
        }
        throw new IllegalArgumentException("Agent interfaces run only in the conductor's tasks");
    }

    /** Prepares the ramdisk boot and powers the node on (or reboots it) so that the agent starts. */
    static void boot(TaskContext context) throws DriverException {
        NodeTask task = nodeTask(context);
        wipe(task);
        BootInterface boot = task.iface(InterfaceType.BOOT);
        if (boot != null) {
            boot.prepareRamdisk(task);
        }
        PowerInterface power = requirePower(task);
        if (power.getPowerState(task) == PowerState.POWER_ON) {
            power.reboot(task, null);
        } else {
            power.setPowerState(task, PowerState.POWER_ON, null);
        }
        task.recordPowerState(PowerState.POWER_ON);
    }

    /** Powers the node off, which ends the agent, and undoes the ramdisk boot. */
    static void shutDown(TaskContext context, boolean cleanUpRamdisk) throws DriverException {
        NodeTask task = nodeTask(context);
        requirePower(task).setPowerState(task, PowerState.POWER_OFF, null);
        task.recordPowerState(PowerState.POWER_OFF);
        wipe(task);
        BootInterface boot = task.iface(InterfaceType.BOOT);
        if (cleanUpRamdisk && boot != null) {
            boot.cleanUpRamdisk(task);
        }
    }

    static void wipe(NodeTask task) {
        for (String key : new String[] {AgentCallbacks.TOKEN_KEY, "agent_url", "agent_version", "agent_verify_ca",
                PENDING_COMMAND}) {
            task.editable().getDriverInternalInfo().remove(key);
        }
    }

    private static PowerInterface requirePower(NodeTask task) throws DriverException {
        PowerInterface power = task.iface(InterfaceType.POWER);
        if (power == null) {
            throw new DriverException("Node " + task.editable().getUuid() + " has no power interface to boot the agent with.");
        }
        return power;
    }
}
