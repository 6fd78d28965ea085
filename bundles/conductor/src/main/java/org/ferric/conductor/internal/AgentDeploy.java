package org.ferric.conductor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.db.api.Port;
import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.NodeView;
import org.ferric.driver.api.PowerInterface;
import org.ferric.driver.api.PowerState;
import org.ferric.driver.api.Step;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;

/**
 * Ironic's {@code direct} deploy: the node boots the agent ramdisk, and the agent streams the image to
 * the disk. The core {@code deploy} step boots the agent and waits; each heartbeat then lets the
 * conductor run the next step. Steps that the agent runs ({@code write_image}, every clean step) are
 * sent as async commands and polled on the following heartbeats ({@link #stepFinished}).
 */
final class AgentDeploy extends AgentInterface implements DeployInterface {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentDeploy.class);
    static final String NAME = "direct";
    private static final List<String> DEPLOY_STEPS = List.of("write_image", "prepare_instance_boot", "tear_down_agent",
            "boot_instance");

    AgentDeploy(AgentClient agent) {
        super(agent);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(TaskContext task) throws DriverException {
        NodeView node = task.node();
        Map<String, Object> info = node.instanceInfo();
        Object source = info.get("image_source");
        if (source == null || source.toString().isBlank()) {
            throw new InvalidParameterException("Node " + node.uuid() + " failed to validate deploy image info. Some parameters "
                    + "were missing. Missing are: ['instance_info.image_source']");
        }
        boolean hashValue = info.get("image_os_hash_value") != null;
        boolean hashAlgo = info.get("image_os_hash_algo") != null;
        if (hashValue != hashAlgo || (!hashValue && info.get("image_checksum") == null)) {
            throw new InvalidParameterException("image_source's \"image_checksum\", or \"image_os_hash_algo\" and "
                    + "\"image_os_hash_value\" must be provided in instance_info for node " + node.uuid());
        }
        String url = source.toString();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InvalidParameterException("Image source " + url + " of node " + node.uuid()
                    + " is not an HTTP(S) URL: the agent downloads the image itself.");
        }
    }

    @Override
    public StepResult deploy(TaskContext task) throws DriverException {
        AgentRamdisk.boot(task);
        return StepResult.WAIT;
    }

    @Override
    public List<Step> deploySteps(TaskContext task) {
        return List.of(step("write_image", 80), step("prepare_instance_boot", 60), step("tear_down_agent", 40),
                step("boot_instance", 20));
    }

    @Override
    public void tearDown(TaskContext task) throws DriverException {
        NodeTask t = AgentRamdisk.nodeTask(task);
        PowerInterface power = t.iface(InterfaceType.POWER);
        power.setPowerState(task, PowerState.POWER_OFF, null);
        task.recordPowerState(PowerState.POWER_OFF);
        AgentRamdisk.wipe(t);
    }

    @Override
    public StepResult prepareCleaning(TaskContext task) throws DriverException {
        AgentRamdisk.boot(task);
        return StepResult.WAIT;
    }

    @Override
    public void tearDownCleaning(TaskContext task) throws DriverException {
        AgentRamdisk.shutDown(task, true);
    }

    /** The agent's clean steps: what it reported at its last boot, else those of IPA's generic hardware manager. */
    @Override
    public List<Step> cleanSteps(TaskContext task) {
        Object cached = task.node().driverInternalInfo().get(AgentRamdisk.CACHED_CLEAN_STEPS);
        if (cached instanceof List<?>) {
            return StepPlan.parse(cached, "agent clean steps", false);
        }
        return List.of(step("erase_devices_metadata", 99), step("erase_devices", 10));
    }

    @Override
    public StepResult executeStep(TaskContext task, Step step) throws DriverException {
        NodeTask t = AgentRamdisk.nodeTask(task);
        if (!DEPLOY_STEPS.contains(step.name())) {
            return sendCleanStep(t, step);
        }
        switch (step.name()) {
            case "write_image" -> {
                Map<String, Object> args = new LinkedHashMap<>(step.args());
                args.put("image_info", imageInfo(task.node()));
                send(t, "deploy", new Step(step.interfaceType(), step.name(), step.priority(), false, args));
                return StepResult.WAIT;
            }
            case "prepare_instance_boot" -> {
                BootInterface boot = t.iface(InterfaceType.BOOT);
                if (boot != null) {
                    boot.prepareInstance(task);
                }
            }
            case "tear_down_agent" -> {
                try {
                    agent.execute(task.node(), "standby.sync", Map.of(), true);
                } catch (DriverException e) {
                    // The image is written and verified; a failed sync before the power-off is not worth a failed deploy.
                }
                AgentRamdisk.shutDown(task, false);
            }
            case "boot_instance" -> {
                PowerInterface power = t.iface(InterfaceType.POWER);
                power.setPowerState(task, PowerState.POWER_ON, null);
                task.recordPowerState(PowerState.POWER_ON);
            }
            default -> throw new IllegalStateException(step.name());
        }
        return StepResult.DONE;
    }

    private StepResult sendCleanStep(NodeTask task, Step step) throws DriverException {
        send(task, "clean", step);
        return StepResult.WAIT;
    }

    private void send(NodeTask task, String kind, Step step) throws DriverException {
        Map<String, Object> stepMap = StepPlan.asMap(step);
        stepMap.put("reboot_requested", false);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("step", stepMap);
        params.put("node", nodeForAgent(task.node()));
        params.put("ports", ports(task));
        Map<String, Object> answer = agent.execute(task.node(), kind + ".execute_" + kind + "_step", params, false);
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("id", answer.get("id"));
        pending.put("kind", kind);
        pending.put("step", step.interfaceType().apiName() + "." + step.name());
        task.putDriverInternalInfo(AgentRamdisk.PENDING_COMMAND, pending);
    }

    /**
     * Whether the agent step in flight (if any) has ended: false while it runs; throws with Ironic's
     * message when it failed. A step that succeeded is cleared, so the next step may start.
     */
    boolean stepFinished(NodeTask task) throws DriverException {
        if (!(task.editable().getDriverInternalInfo().get(AgentRamdisk.PENDING_COMMAND) instanceof Map<?, ?> pending)) {
            return true;
        }
        String kind = String.valueOf(pending.get("kind"));
        String stepId = String.valueOf(pending.get("step"));
        Map<String, Object> command = null;
        List<Map<String, Object>> commands;
        try {
            commands = agent.commands(task.node());
        } catch (DriverException e) {
            // One failed poll is no verdict (Ironic retries too): the next heartbeat asks again, and an
            // agent that is really gone stops heartbeating and times the node out.
            LOG.warn("Could not read the agent's commands on node {}: {}", task.editable().getUuid(), e.getMessage());
            return false;
        }
        for (Map<String, Object> c : commands) {
            if (String.valueOf(c.get("id")).equals(String.valueOf(pending.get("id")))) {
                command = c;
            }
        }
        String type = "clean".equals(kind) ? "Clean" : "Deploy";
        if (command == null) {
            throw new StepFailure(type + " step " + stepId + " failed on node " + task.editable().getUuid()
                    + ". The agent no longer knows the command: it was restarted while the step ran.");
        }
        String status = String.valueOf(command.get("command_status"));
        switch (status) {
            case "RUNNING" -> {
                return false;
            }
            case "SUCCEEDED" -> {
                task.putDriverInternalInfo(AgentRamdisk.PENDING_COMMAND, null);
                return true;
            }
            default -> throw new StepFailure(type + " step " + stepId + " failed on node " + task.editable().getUuid() + ". "
                    + ("FAILED".equals(status) ? AgentClient.commandError(command)
                            : "The agent's hardware managers changed while the steps ran (" + status + ")."));
        }
    }

    /** Asks the freshly booted agent for its clean steps and keeps them for {@link #cleanSteps}. */
    void refreshCleanSteps(NodeTask task) throws DriverException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("node", nodeForAgent(task.node()));
        params.put("ports", ports(task));
        Map<String, Object> answer = agent.execute(task.node(), "clean.get_clean_steps", params, true);
        List<Map<String, Object>> steps = new ArrayList<>();
        if (answer.get("command_result") instanceof Map<?, ?> result && result.get("clean_steps") instanceof Map<?, ?> byManager) {
            for (Object list : byManager.values()) {
                if (list instanceof List<?> l) {
                    for (Object s : l) {
                        // As Ironic's agent_base.get_steps(interface='deploy'): the deploy interface runs the agent's
                        // deploy-interface steps; others would need an agent-based interface of their type.
                        if (s instanceof Map<?, ?> m && (m.get("interface") == null || "deploy".equals(m.get("interface")))
                                && steps.stream().noneMatch(x -> x.get("step").equals(m.get("step")))) {
                            Map<String, Object> step = new LinkedHashMap<>();
                            step.put("interface", m.get("interface") == null ? "deploy" : m.get("interface"));
                            step.put("step", m.get("step"));
                            step.put("priority", m.get("priority") instanceof Number n ? n.intValue() : 0);
                            step.put("abortable", Boolean.TRUE.equals(m.get("abortable")));
                            steps.add(step);
                        }
                    }
                }
            }
        }
        task.putDriverInternalInfo(AgentRamdisk.CACHED_CLEAN_STEPS, steps);
    }

    /** What {@code write_image} needs, as Ironic's {@code build_instance_info_for_deploy} for an HTTP image. */
    static Map<String, Object> imageInfo(NodeView node) {
        Map<String, Object> info = node.instanceInfo();
        String source = String.valueOf(info.get("image_source"));
        Map<String, Object> image = new LinkedHashMap<>();
        String path = source.replaceAll("[?#].*$", "");
        image.put("id", path.substring(path.lastIndexOf('/') + 1));
        image.put("urls", List.of(source));
        copy(info, "image_disk_format", image, "disk_format");
        copy(info, "image_checksum", image, "checksum");
        copy(info, "image_os_hash_algo", image, "os_hash_algo");
        copy(info, "image_os_hash_value", image, "os_hash_value");
        image.put("stream_raw_images", true);
        image.put("image_type", "whole-disk");
        return image;
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to, String as) {
        if (from.get(key) != null) {
            to.put(as, from.get(key));
        }
    }

    /** The node as the agent sees it: no secrets (instance_info keeps the image's data, not the rescue password). */
    static Map<String, Object> nodeForAgent(NodeView node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", node.uuid());
        out.put("name", node.name());
        out.put("properties", node.properties());
        Map<String, Object> instance = new LinkedHashMap<>(node.instanceInfo());
        instance.remove("rescue_password");
        instance.remove("configdrive");
        out.put("instance_info", instance);
        return out;
    }

    private static List<Map<String, Object>> ports(NodeTask task) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Port p : task.ports()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", p.getUuid());
            m.put("address", p.getAddress());
            out.add(m);
        }
        return out;
    }

    private static Step step(String name, int priority) {
        return new Step(InterfaceType.DEPLOY, name, priority, false, Map.of());
    }
}
