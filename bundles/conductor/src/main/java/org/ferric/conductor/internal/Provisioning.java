package org.ferric.conductor.internal;

import static org.ferric.conductor.internal.ProvisionStateMachine.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Node;
import org.ferric.driver.api.BootInterface;
import org.ferric.driver.api.DeployInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InspectInterface;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.RescueInterface;
import org.ferric.driver.api.Step;
import org.ferric.driver.api.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning verbs: validates a verb against the state machine, moves the node into the
 * transient state under its lock, and does the driver work in the background.
 */
final class Provisioning {
    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private final ProvisionStateMachine fsm;
    private final TaskManager tasks;
    private final boolean automatedCleanByDefault;
    private final Clock clock;
    private final AdmissionLimits admission;
    private final NodeHistoryLog history;
    private final InspectionResults inspection;
    private final DeployTemplates templates;

    Provisioning(ProvisionStateMachine fsm, TaskManager tasks, boolean automatedCleanByDefault, Clock clock,
            AdmissionLimits admission, NodeHistoryLog history, InspectionResults inspection, DeployTemplates templates) {
        this.templates = templates;
        this.fsm = fsm;
        this.tasks = tasks;
        this.automatedCleanByDefault = automatedCleanByDefault;
        this.clock = clock;
        this.admission = admission;
        this.history = history;
        this.inspection = inspection;
    }

    /** Accepts the verb (or throws 400/404/409) and leaves the work running. */
    void start(String nodeUuid, String verb, Map<String, Object> args) {
        String event = ProvisionStateMachine.eventForVerb(verb);
        NodeTask task = tasks.acquire(nodeUuid);
        boolean spawned = false;
        try {
            Node node = task.editable();
            String from = node.getProvisionState();
            String to = fsm.next(from, event).orElseThrow(() -> invalidState(verb, node));
            if ("abort".equals(event)) {
                abort(task, from, to);
                if ((CLEANWAIT.equals(from) && task.iface(InterfaceType.DEPLOY) instanceof AgentDeploy)
                        || (RESCUEWAIT.equals(from) && task.iface(InterfaceType.RESCUE) instanceof AgentRescue)) {
                    // The agent is running: power it off on a worker, still under the lock, as Ironic's
                    // tear_down_cleaning; the caller gets its answer at once.
                    tasks.save(task);
                    spawned = true; // spawn owns the lock now, and releases it itself if refused
                    tasks.spawn(task, t -> AgentRamdisk.shutDown(t, true),
                            (t, e) -> LOG.warn("Powering off node {} after the abort failed: {}", t.editable().getUuid(), e.getMessage()));
                } else {
                    tasks.finish(task);
                    spawned = true;
                }
                return;
            }
            checkNodeAllows(node, event);
            checkArguments(task, event, args);
            admission.check(event);
            enter(task, to);
            if ("clean".equals(event) && MANAGEABLE.equals(from)) {
                node.setTargetProvisionState(MANAGEABLE); // manual cleaning returns to manageable
            }
            node.setLastError(null);
            recordArguments(node, event, args);
            tasks.save(task);
            TaskManager.Work work = switch (event) {
                case "manage" -> VERIFYING.equals(to) ? this::verify : t -> done(t, "done");
                case "provide" -> t -> clean(t, List.of(), true);
                case "clean" -> t -> clean(t, manualSteps(args), false);
                case "deploy", "rebuild" -> {
                    List<Step> plan = deployPlan(task, args);
                    yield t -> deploy(t, plan);
                }
                case "delete" -> this::tearDown;
                case "inspect" -> this::inspect;
                case "adopt" -> this::adopt;
                case "rescue" -> this::rescue;
                case "unrescue" -> this::unrescue;
                default -> throw ConductorException.badRequest("Unsupported provision action " + verb);
            };
            spawned = true; // spawn owns the lock now, and releases it itself if refused
            tasks.spawn(task, work, this::fail);
        } finally {
            if (!spawned) {
                tasks.release(task);
            }
        }
    }

    /** Maintenance, protection and retirement forbid some verbs, with Ironic's messages. */
    private static void checkNodeAllows(Node node, String event) {
        String op = switch (event) {
            case "deploy", "rebuild" -> "provisioning";
            case "provide" -> "providing";
            case "clean" -> "cleaning";
            case "rescue" -> "rescuing";
            case "unrescue" -> "unrescuing";
            case "inspect" -> "inspection";
            default -> null;
        };
        if (op != null && node.isMaintenance()) {
            throw ConductorException.badRequest("The " + op + " operation can't be performed on node " + node.getUuid()
                    + " because it's in maintenance mode.");
        }
        if (("rebuild".equals(event) || "delete".equals(event)) && node.isProtected()) {
            throw new ConductorException(ConductorException.FORBIDDEN, "Node " + node.getUuid()
                    + " is protected and cannot be undeployed, rebuilt or deleted");
        }
        if ("provide".equals(event) && node.isRetired()) {
            throw ConductorException.badRequest("The providing operation can't be performed on node " + node.getUuid()
                    + " because it is retired.");
        }
    }

    private void checkArguments(NodeTask task, String event, Map<String, Object> args) {
        if ("clean".equals(event) && !(args.get("clean_steps") instanceof List<?>)) {
            throw ConductorException.badRequest("clean_steps is required and must be a list of steps for manual cleaning.");
        }
        if ("clean".equals(event)) {
            for (Step step : manualSteps(args)) {
                if (findStep(task, step, true) == null) {
                    throw ConductorException.badRequest("Node " + task.editable().getUuid() + " does not support clean step "
                            + step.interfaceType().apiName() + "." + step.name() + ".");
                }
            }
        }
        if ("deploy".equals(event) || "rebuild".equals(event)) {
            // As Ironic's do_node_deploy: missing image information is the caller's mistake, answered before anything moves.
            DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
            try {
                if (deploy != null) {
                    deploy.validate(task);
                }
            } catch (DriverException e) {
                throw ConductorException.badRequest(e.getMessage());
            }
        }
        if ("rescue".equals(event) && (args.get("rescue_password") == null || args.get("rescue_password").toString().isBlank())) {
            throw ConductorException.badRequest("A non-empty \"rescue_password\" is required when setting target provision state to rescue.");
        }
    }

    private static void recordArguments(Node node, String event, Map<String, Object> args) {
        if (("deploy".equals(event) || "rebuild".equals(event)) && args.get("configdrive") != null) {
            node.getInstanceInfo().put("configdrive", args.get("configdrive"));
        }
        if ("rescue".equals(event)) {
            node.getInstanceInfo().put("rescue_password", args.get("rescue_password"));
        }
    }

    // ---- flows; each runs on a worker under the node's lock ----

    private void verify(NodeTask task) throws DriverException {
        for (InterfaceType type : List.of(InterfaceType.POWER, InterfaceType.MANAGEMENT)) {
            DriverInterface iface = task.iface(type);
            if (iface == null) {
                throw new DriverException("The " + type.apiName() + " interface of node is not available.");
            }
            iface.validate(task);
        }
        done(task, "done");
    }

    private void clean(NodeTask task, List<Step> requested, boolean automated) throws DriverException {
        Node node = task.editable();
        DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
        boolean enabled = node.getAutomatedClean() == null ? automatedCleanByDefault : node.getAutomatedClean();
        List<Step> steps = automated ? (enabled ? automatedSteps(task) : List.of()) : requested;
        if (!steps.isEmpty()) {
            node.getDriverInternalInfo().put("clean_steps", stepsAsMaps(steps));
            node.getDriverInternalInfo().remove("clean_step_index");
            if (deploy.prepareCleaning(task) == StepResult.WAIT) {
                done(task, "wait");
                return;
            }
        }
        runCleanSteps(task, steps, 0, !steps.isEmpty());
    }

    /**
     * Runs the clean steps from {@code from} on; stops at a step that waits, and ends cleaning after the
     * last, tearing down what {@code prepareCleaning} set up if it ran (a booted agent may report no step).
     */
    private void runCleanSteps(NodeTask task, List<Step> steps, int from, boolean prepared) throws DriverException {
        Node node = task.editable();
        boolean manual = MANAGEABLE.equals(node.getTargetProvisionState());
        for (int i = from; i < steps.size(); i++) {
            Step step = steps.get(i);
            node.setCleanStep(stepAsMap(step));
            node.getDriverInternalInfo().put("clean_step_index", i);
            DriverInterface iface = task.iface(step.interfaceType());
            Step offered = findStep(task, step, manual);
            if (iface.executeStep(task, offered == null ? step : withArgs(offered, step.args())) == StepResult.WAIT) {
                done(task, "wait");
                return;
            }
        }
        if (prepared) {
            DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
            deploy.tearDownCleaning(task);
        }
        node.setCleanStep(Map.of());
        node.getDriverInternalInfo().remove("clean_step_index");
        node.getDriverInternalInfo().put("clean_steps", null);
        done(task, manual ? "manage" : "done");
    }

    /** The core step every deploy interface has, as Ironic's {@code deploy.deploy} at priority 100. */
    private static final Step CORE_DEPLOY_STEP = new Step(InterfaceType.DEPLOY, "deploy", 100, false, Map.of());

    /** Computes (and so validates, before the request is accepted) the deploy steps of this deploy. */
    private List<Step> deployPlan(NodeTask task, Map<String, Object> args) {
        List<Step> driverSteps = new ArrayList<>();
        driverSteps.add(CORE_DEPLOY_STEP);
        for (InterfaceType type : InterfaceType.values()) {
            DriverInterface iface = task.iface(type);
            if (iface != null) {
                driverSteps.addAll(iface.deploySteps(task));
            }
        }
        return StepPlan.deploy(task.editable().getUuid(), driverSteps, templates.stepsFor(task.editable()),
                StepPlan.parse(args.get("deploy_steps"), "deploy_steps", true));
    }

    private void deploy(NodeTask task, List<Step> plan) throws DriverException {
        Node node = task.editable();
        DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
        task.iface(InterfaceType.POWER).validate(task);
        deploy.validate(task);
        deploy.prepare(task);
        node.getDriverInternalInfo().put("deploy_steps", plan.stream().map(StepPlan::asMap).toList());
        runDeploySteps(task, plan, 0);
    }

    /** Runs the deploy steps from {@code from} on; stops at a step that waits, and ends the deploy after the last. */
    private void runDeploySteps(NodeTask task, List<Step> plan, int from) throws DriverException {
        Node node = task.editable();
        DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
        for (int i = from; i < plan.size(); i++) {
            Step step = plan.get(i);
            node.setDeployStep(StepPlan.asMap(step));
            node.getDriverInternalInfo().put("deploy_step_index", i);
            StepResult result = step.interfaceType() == InterfaceType.DEPLOY && "deploy".equals(step.name())
                    ? deploy.deploy(task)
                    : task.iface(step.interfaceType()).executeStep(task, step);
            if (result == StepResult.WAIT) {
                done(task, "wait");
                return;
            }
        }
        node.getDriverInternalInfo().remove("deploy_step_index");
        boolean bootPrepared = plan.stream().anyMatch(s -> "prepare_instance_boot".equals(s.name()));
        if (!bootPrepared) {
            BootInterface boot = task.iface(InterfaceType.BOOT);
            boot.prepareInstance(task);
        }
        node.setDeployStep(Map.of());
        node.getDriverInternalInfo().put("deploy_steps", null);
        done(task, "done");
    }

    /**
     * What a heartbeat of the deploy agent moves on (Ironic's {@code HeartbeatMixin.heartbeat}): the next
     * deploy or clean step once the agent's step in flight has ended, or the end of an in-band
     * inspection or rescue. Runs on a worker under the node's lock; the caller checked the node waits.
     */
    void agentHeartbeat(NodeTask task) throws DriverException {
        Node node = task.editable();
        switch (node.getProvisionState()) {
            case DEPLOYWAIT -> {
                if (task.iface(InterfaceType.DEPLOY) instanceof AgentDeploy agent && agent.stepFinished(task)) {
                    done(task, "resume");
                    runDeploySteps(task, StepPlan.parse(node.getDriverInternalInfo().get("deploy_steps"), "deploy_steps", false),
                            nextIndex(node, "deploy_step_index"));
                }
            }
            case CLEANWAIT -> {
                if (task.iface(InterfaceType.DEPLOY) instanceof AgentDeploy agent && agent.stepFinished(task)) {
                    boolean freshlyBooted = !node.getDriverInternalInfo().containsKey("clean_step_index");
                    boolean manual = MANAGEABLE.equals(node.getTargetProvisionState());
                    if (freshlyBooted) {
                        // The agent reports its own steps (a vendor's hardware manager may add some).
                        agent.refreshCleanSteps(task);
                        if (!manual) {
                            node.getDriverInternalInfo().put("clean_steps", stepsAsMaps(automatedSteps(task)));
                        }
                    }
                    done(task, "resume");
                    runCleanSteps(task, StepPlan.parse(node.getDriverInternalInfo().get("clean_steps"), "clean_steps", false),
                            nextIndex(node, "clean_step_index"), true);
                }
            }
            case INSPECTWAIT -> {
                if (task.iface(InterfaceType.INSPECT) instanceof AgentInspect agent) {
                    agent.finish(task);
                    inspection.apply(task);
                    node.setInspectionFinishedAt(clock.instant());
                    done(task, "done");
                }
            }
            case RESCUEWAIT -> {
                if (task.iface(InterfaceType.RESCUE) instanceof AgentRescue agent) {
                    done(task, "resume");
                    agent.finish(task);
                    done(task, "done");
                }
            }
            default -> {
            }
        }
    }

    /** Whether a heartbeat in this node's state has something for {@link #agentHeartbeat} to do. */
    static boolean agentDriven(NodeTask task) {
        return switch (task.editable().getProvisionState()) {
            case DEPLOYWAIT, CLEANWAIT -> task.iface(InterfaceType.DEPLOY) instanceof AgentDeploy;
            case INSPECTWAIT -> task.iface(InterfaceType.INSPECT) instanceof AgentInspect;
            case RESCUEWAIT -> task.iface(InterfaceType.RESCUE) instanceof AgentRescue;
            default -> false;
        };
    }

    private static int nextIndex(Node node, String key) {
        return node.getDriverInternalInfo().get(key) instanceof Number n ? n.intValue() + 1 : 0;
    }

    private void tearDown(NodeTask task) throws DriverException {
        Node node = task.editable();
        DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
        deploy.tearDown(task);
        BootInterface boot = task.iface(InterfaceType.BOOT);
        boot.cleanUpInstance(task);
        deploy.cleanUp(task);
        node.setInstanceInfo(Map.of());
        node.setInstanceUuid(null);
        node.getDriverInternalInfo().remove("deploy_steps");
        done(task, "clean");
        clean(task, List.of(), true);
    }

    private void inspect(NodeTask task) throws DriverException {
        Node node = task.editable();
        InspectInterface inspect = task.iface(InterfaceType.INSPECT);
        if (inspect == null) {
            throw new DriverException("Node " + node.getUuid() + " has no inspect interface.");
        }
        node.setInspectionStartedAt(clock.instant());
        node.setInspectionFinishedAt(null);
        if (inspect.inspectHardware(task) == StepResult.WAIT) {
            done(task, "wait");
            return;
        }
        inspection.apply(task);
        node.setInspectionFinishedAt(clock.instant());
        done(task, "done");
    }

    private void adopt(NodeTask task) throws DriverException {
        DeployInterface deploy = task.iface(InterfaceType.DEPLOY);
        deploy.validate(task);
        deploy.takeOver(task);
        done(task, "done");
    }

    private void rescue(NodeTask task) throws DriverException {
        RescueInterface rescue = task.iface(InterfaceType.RESCUE);
        if (rescue == null) {
            throw new DriverException("Node " + task.editable().getUuid() + " has no rescue interface.");
        }
        done(task, rescue.rescue(task) == StepResult.WAIT ? "wait" : "done");
    }

    private void unrescue(NodeTask task) throws DriverException {
        RescueInterface rescue = task.iface(InterfaceType.RESCUE);
        if (rescue == null) {
            throw new DriverException("Node " + task.editable().getUuid() + " has no rescue interface.");
        }
        rescue.unrescue(task);
        task.editable().getInstanceInfo().remove("rescue_password");
        done(task, "done");
    }

    private void abort(NodeTask task, String from, String to) {
        Node node = task.editable();
        if (INSPECTWAIT.equals(from)) {
            InspectInterface inspect = task.iface(InterfaceType.INSPECT);
            try {
                if (inspect != null) {
                    inspect.abort(task);
                }
            } catch (DriverException e) {
                throw ConductorException.badRequest(e.getMessage());
            }
        }
        node.setProvisionState(to);
        node.setProvisionUpdatedAt(clock.instant());
        node.setLastError(switch (from) {
            case CLEANWAIT -> "Clean operation aborted for node " + node.getUuid() + ".";
            case INSPECTWAIT -> "Inspection was aborted by request.";
            default -> "Rescue operation was aborted for node " + node.getUuid() + ".";
        });
    }

    /** Moves the task's node along an internal event ({@code done}, {@code wait}, {@code clean}...). */
    private void done(NodeTask task, String event) {
        Node node = task.editable();
        String to = fsm.next(node.getProvisionState(), event).orElseThrow(() -> new IllegalStateException(
                "No transition " + event + " from " + node.getProvisionState()));
        enter(task, to);
    }

    private void enter(NodeTask task, String state) {
        Node node = task.editable();
        if (!state.equals(node.getProvisionState())) {
            history.info(node.getUuid(), "provisioning", "Node moved from " + node.getProvisionState() + " to " + state + ".");
        }
        node.setProvisionState(state);
        node.setTargetProvisionState(fsm.isStable(state) ? null : fsm.targetOf(state));
        node.setProvisionUpdatedAt(clock.instant());
    }

    /** The node goes to the fail state of where it is, with the reason as last_error. */
    void fail(NodeTask task, Exception error) {
        Node node = task.editable();
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        String state = node.getProvisionState();
        String failState = fsm.failStateOf(state).orElse(null);
        String what = switch (state) {
            case DEPLOYING, DEPLOYWAIT -> "Deploy failed";
            case CLEANING, CLEANWAIT -> "Cleaning failed";
            case DELETING -> "Tear down failed";
            case VERIFYING -> "Failed to verify node";
            case INSPECTING, INSPECTWAIT -> "Failed to inspect hardware";
            case ADOPTING -> "Error while attempting to adopt node";
            case RESCUING, RESCUEWAIT -> "Rescue failed";
            case UNRESCUING -> "Unrescue failed";
            default -> "Operation failed";
        };
        node.setLastError(error instanceof StepFailure ? message : what + " for node " + node.getUuid() + ": " + message);
        if (failState != null) {
            node.setProvisionState(failState);
            node.setProvisionUpdatedAt(clock.instant());
            // Ironic keeps the target on failure, except verification that falls back to enroll.
            node.setTargetProvisionState(fsm.isStable(failState) ? null : fsm.targetOf(failState));
        }
        history.error(node.getUuid(), "provisioning", node.getLastError());
        LOG.info("Node {} moved to {}: {}", node.getUuid(), node.getProvisionState(), node.getLastError());
        powerOffFailedAgent(task, state);
    }

    /**
     * A deploy or cleaning that failed with the agent running leaves the node powered off, as Ironic's
     * {@code [deploy]power_off_after_deploy_failure} (default on) and {@code tear_down_cleaning}: the
     * ramdisk has nothing left to do and must not keep the token that lets it in.
     */
    private static void powerOffFailedAgent(NodeTask task, String failedIn) {
        boolean agentState = switch (failedIn) {
            case DEPLOYING, DEPLOYWAIT, CLEANING, CLEANWAIT -> task.iface(InterfaceType.DEPLOY) instanceof AgentDeploy;
            case INSPECTING, INSPECTWAIT -> task.iface(InterfaceType.INSPECT) instanceof AgentInspect;
            default -> false;
        };
        if (!agentState) {
            return;
        }
        try {
            AgentRamdisk.shutDown(task, true);
        } catch (DriverException | RuntimeException e) {
            LOG.warn("Could not power off node {} after its failure: {}", task.editable().getUuid(), e.getMessage());
        }
    }

    // ---- steps ----

    private static List<Step> automatedSteps(NodeTask task) {
        List<Step> offered = new ArrayList<>();
        for (InterfaceType type : InterfaceType.values()) {
            DriverInterface iface = task.iface(type);
            if (iface != null) {
                offered.addAll(iface.cleanSteps(task));
            }
        }
        return StepPlan.automatedClean(offered);
    }

    private static Step findStep(NodeTask task, Step wanted, boolean anyPriority) {
        DriverInterface iface = task.iface(wanted.interfaceType());
        if (iface == null) {
            return null;
        }
        for (Step s : iface.cleanSteps(task)) {
            if (s.name().equals(wanted.name()) && (anyPriority || s.priority() > 0)) {
                return s;
            }
        }
        return null;
    }

    private static Step withArgs(Step step, Map<String, Object> args) {
        return new Step(step.interfaceType(), step.name(), step.priority(), step.abortable(), args);
    }

    @SuppressWarnings("unchecked")
    static List<Step> manualSteps(Map<String, Object> args) {
        Object raw = args.get("clean_steps");
        List<Step> steps = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            return steps;
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("interface") instanceof String iface) || !(m.get("step") instanceof String name)) {
                throw ConductorException.badRequest("Each clean step must be an object with \"interface\" and \"step\" strings.");
            }
            InterfaceType type;
            try {
                type = InterfaceType.fromApiName(iface);
            } catch (IllegalArgumentException e) {
                throw ConductorException.badRequest("Unknown interface \"" + iface + "\" in clean step " + name + ".");
            }
            Object stepArgs = m.get("args");
            steps.add(new Step(type, name, 0, false, stepArgs instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of()));
        }
        return steps;
    }

    private static Map<String, Object> stepAsMap(Step s) {
        return StepPlan.asMap(s);
    }

    private static List<Map<String, Object>> stepsAsMaps(List<Step> steps) {
        return steps.stream().map(StepPlan::asMap).toList();
    }

    private static ConductorException invalidState(String verb, Node node) {
        return ConductorException.badRequest("The requested action \"" + verb + "\" can not be performed on node \""
                + node.getUuid() + "\" while it is in state \"" + node.getProvisionState() + "\".");
    }

}
