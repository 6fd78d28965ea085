package org.ferric.conductor.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.conductor.rpc.DriverDescription;
import org.ferric.conductor.rpc.ValidationResult;
import org.ferric.conductor.rpc.VendorResult;
import org.ferric.db.api.Chassis;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NodeQuery;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.Port;
import org.ferric.db.api.StoredObject;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.HardwareType;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.PropertySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conductor: serves {@link ConductorRpc} in this process, registers itself in the conductors
 * table with its drivers and keeps a heartbeat, and recovers its own nodes on start.
 */
@Component(service = ConductorRpc.class, configurationPid = "org.ferric.conductor")
@Designate(ocd = ConductorConfig.class)
public class ConductorService implements ConductorRpc, DriverRegistry.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConductorService.class);

    private final DbApi db;
    private final DriverRegistry drivers;
    private final String host;
    private final String group;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService heartbeat;
    private final ProvisionStateMachine fsm = new ProvisionStateMachine();
    private final TaskManager tasks;
    private final Provisioning provisioning;
    private final PowerActions power;
    private final boolean allowDeletingAvailable;

    private final PeriodicTasks periodic;
    private final ThreadPoolExecutor syncWorkers;
    private final AdmissionLimits admission;
    private final NodeManagement management;
    private final VendorPassthru vendor;
    private final StoredResources resources;
    private final Allocations allocations;
    private final AgentCallbacks agent;
    private final NodeHistoryLog history;

    @Activate
    public ConductorService(@Reference DbApi db, @Reference DriverRegistry drivers, ConductorConfig config) {
        this(db, drivers, config, Clock.systemUTC());
    }

    ConductorService(DbApi db, DriverRegistry drivers, ConductorConfig config, Clock clock) {
        this.db = db;
        this.drivers = drivers;
        this.host = config.host().isBlank() ? localHostName() : config.host();
        this.group = config.conductor_group();
        this.allowDeletingAvailable = config.allow_deleting_available_nodes();
        AtomicInteger threads = new AtomicInteger();
        int size = Math.max(1, config.workers_pool_size());
        this.workers = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.workers_queue_size())),
                r -> daemon(r, "ferric-conductor-worker-" + threads.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        this.tasks = new TaskManager(db, drivers, host, workers, config.node_locked_retry_attempts(),
                Duration.ofMillis((long) (config.node_locked_retry_interval() * 1000)), d -> Thread.sleep(d.toMillis()));
        this.admission = new AdmissionLimits(db, config.max_concurrent_deploy(), config.max_concurrent_clean());
        this.history = new NodeHistoryLog(db, host);
        this.provisioning = new Provisioning(fsm, tasks, config.automated_clean(), clock, admission, history,
                new InspectionResults(db), new DeployTemplates(db));
        this.power = new PowerActions(tasks, history);
        this.management = new NodeManagement(db, tasks);
        this.vendor = new VendorPassthru(drivers, tasks);
        this.resources = new StoredResources(db);
        this.allocations = new Allocations(db, tasks, workers);
        this.agent = new AgentCallbacks(tasks, provisioning, clock);
        AtomicInteger syncThreads = new AtomicInteger();
        int syncSize = Math.max(1, config.sync_power_state_workers());
        this.syncWorkers = new ThreadPoolExecutor(syncSize, syncSize, 60, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
                r -> daemon(r, "ferric-power-sync-" + syncThreads.incrementAndGet()));
        syncWorkers.allowCoreThreadTimeOut(true);
        this.periodic = new PeriodicTasks(db, drivers, fsm, host, clock, syncWorkers, config, history);

        // Locks this host held when it stopped are stale: their tasks died with it.
        periodic.recoverNodesOf(host, "The conductor " + host + " was restarted");
        db.registerConductor(host, group, drivers.names());
        drivers.addListener(this);
        this.heartbeat = Executors.newScheduledThreadPool(2, r -> daemon(r, "ferric-conductor-periodic"));
        every(config.heartbeat_interval(), this::beat);
        every(config.sync_power_state_interval(), periodic::syncPowerStates);
        every(config.power_failure_recovery_interval(), periodic::recoverPowerFailures);
        every(config.check_provision_state_interval(), () -> {
            periodic.checkWaitTimeouts();
            periodic.recoverOrphans();
        });
        LOG.info("Conductor {} started with drivers {}", host, drivers.names());
    }

    private void every(int seconds, Runnable task) {
        if (seconds > 0) {
            heartbeat.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Periodic task failed: {}", e.toString());
                }
            }, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    /** The periodic passes, for tests that drive them with their own clock. */
    PeriodicTasks periodic() {
        return periodic;
    }

    @Deactivate
    void stop() {
        drivers.removeListener(this);
        heartbeat.shutdownNow();
        syncWorkers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.unregisterConductor(host);
        } catch (RuntimeException e) {
            LOG.warn("Could not unregister conductor {}: {}", host, e.toString());
        }
        LOG.info("Conductor {} stopped", host);
    }

    @Override
    public void driversChanged() {
        try {
            db.registerConductor(host, group, drivers.names());
        } catch (RuntimeException e) {
            LOG.warn("Could not update the drivers of conductor {}: {}", host, e.toString());
        }
    }

    private void beat() {
        try {
            db.touchConductor(host);
        } catch (RuntimeException e) {
            LOG.warn("Conductor heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public String hostname() {
        return host;
    }

    @Override
    public Node createNode(Node node) {
        HardwareType driver = drivers.get(node.getDriver())
                .orElseThrow(() -> TaskManager.driverNotLoaded(node.getDriver(), node.getConductorGroup()));
        Node toCreate = node.copy();
        applyInterfaces(toCreate, driver, null, false);
        if (toCreate.getProvisionState() == null) {
            toCreate.setProvisionState(ProvisionStateMachine.ENROLL);
        }
        if (toCreate.getConductorGroup() == null) {
            toCreate.setConductorGroup("");
        }
        toCreate.setReservation(null);
        try {
            return db.createNode(toCreate);
        } catch (DuplicateEntryException e) {
            throw duplicate(e, "node");
        }
    }

    @Override
    public Node updateNode(Node changed, boolean resetInterfaces) {
        Node current = db.getNodeByUuid(changed.getUuid()).orElseThrow(() -> TaskManager.nodeNotFound(changed.getUuid()));
        checkUpdatable(current);
        HardwareType driver = drivers.get(changed.getDriver())
                .orElseThrow(() -> TaskManager.driverNotLoaded(changed.getDriver(), changed.getConductorGroup()));
        Node update = changed.copy();
        applyInterfaces(update, driver, current, resetInterfaces || !changed.getDriver().equals(current.getDriver()));
        NodeTask task = tasks.acquire(changed.getUuid());
        try {
            Node locked = task.editable();
            checkUpdatable(locked);
            checkProtectedAndRetired(locked, update);
            // What only the conductor changes comes from the locked row, never from the request.
            update.setId(locked.getId());
            update.setProvisionState(locked.getProvisionState());
            update.setTargetProvisionState(locked.getTargetProvisionState());
            update.setProvisionUpdatedAt(locked.getProvisionUpdatedAt());
            update.setPowerState(locked.getPowerState());
            update.setTargetPowerState(locked.getTargetPowerState());
            update.setReservation(locked.getReservation());
            update.setCreatedAt(locked.getCreatedAt());
            update.setConductorAffinity(locked.getConductorAffinity());
            if (!update.isMaintenance()) {
                update.setMaintenanceReason(null);
                update.setFault(null);
            }
            if (!update.isProtected()) {
                update.setProtectedReason(null);
            }
            return db.updateNode(update);
        } catch (DuplicateEntryException e) {
            throw duplicate(e, "node");
        } finally {
            tasks.release(task);
        }
    }

    /** Ironic's rules for the protected and retired flags and their reasons. */
    private static void checkProtectedAndRetired(Node current, Node update) {
        if (update.isProtected() && !current.isProtected()
                && !ProvisionStateMachine.ACTIVE.equals(current.getProvisionState())
                && !ProvisionStateMachine.RESCUE.equals(current.getProvisionState())) {
            throw ConductorException.conflict("Node " + current.getUuid() + " can only be made protected in provision states "
                    + "'active' or 'rescue', the current state is '" + current.getProvisionState() + "'");
        }
        if (update.getProtectedReason() != null && !update.isProtected()
                && !java.util.Objects.equals(update.getProtectedReason(), current.getProtectedReason())) {
            throw ConductorException.badRequest("The protected_reason field can only be set when protected is True");
        }
        if (update.isRetired() && !current.isRetired() && ProvisionStateMachine.AVAILABLE.equals(current.getProvisionState())) {
            throw ConductorException.conflict("Node " + current.getUuid() + " can not have 'retired' set in provision state "
                    + "'available', the current state is '" + current.getProvisionState() + "'");
        }
        if (update.getRetiredReason() != null && !update.isRetired()
                && !java.util.Objects.equals(update.getRetiredReason(), current.getRetiredReason())) {
            throw ConductorException.badRequest("The retired_reason field can only be set when retired is True");
        }
        if (!update.isRetired()) {
            update.setRetiredReason(null);
        }
    }

    private void checkUpdatable(Node node) {
        if (node.getTargetProvisionState() != null
                && !ProvisionStateMachine.UPDATE_ALLOWED_STATES.contains(node.getProvisionState())) {
            throw ConductorException.conflict("Node " + node.getUuid() + " can not be updated while a state transition is in progress.");
        }
    }

    @Override
    public void destroyNode(String nodeUuid) {
        Node node = db.getNodeByUuid(nodeUuid).orElseThrow(() -> TaskManager.nodeNotFound(nodeUuid));
        checkDeletable(node);
        NodeTask task = tasks.acquire(nodeUuid);
        boolean deleted = false;
        try {
            checkDeletable(task.editable());
            db.destroyNode(nodeUuid);
            deleted = true;
        } catch (NotFoundException e) {
            throw TaskManager.nodeNotFound(nodeUuid);
        } finally {
            if (!deleted) {
                tasks.release(task);
            }
        }
    }

    private void checkDeletable(Node node) {
        if (node.isProtected()) {
            throw new ConductorException(ConductorException.FORBIDDEN, "Node " + node.getUuid()
                    + " is protected and cannot be undeployed, rebuilt or deleted");
        }
        if (node.isMaintenance()) {
            return;
        }
        if (node.getInstanceUuid() != null) {
            throw ConductorException.conflict("Node " + node.getUuid() + " is associated with instance " + node.getInstanceUuid() + ".");
        }
        List<String> allowed = allowDeletingAvailable ? ProvisionStateMachine.DELETE_ALLOWED_STATES
                : ProvisionStateMachine.DELETE_ALLOWED_STATES.subList(0, 3);
        if (!allowed.contains(node.getProvisionState())) {
            throw ConductorException.conflict("Can not delete node \"" + node.getUuid() + "\" while it is in provision state \""
                    + node.getProvisionState() + "\". Valid provision states to perform deletion are: \"('"
                    + String.join("', '", allowed) + "')\", or set the node into maintenance mode");
        }
    }

    @Override
    public void changeNodePowerState(String nodeUuid, String target, Integer timeoutSeconds) {
        power.start(nodeUuid, target, timeoutSeconds);
    }

    @Override
    public void doProvisioningAction(String nodeUuid, String verb, Map<String, Object> args) {
        provisioning.start(nodeUuid, verb, args == null ? Map.of() : args);
    }

    @Override
    public Map<String, ValidationResult> validateDriverInterfaces(String nodeUuid) {
        NodeTask task = tasks.shared(nodeUuid);
        Map<String, ValidationResult> results = new LinkedHashMap<>();
        for (InterfaceType type : InterfaceType.values()) {
            if (type == InterfaceType.VENDOR) {
                continue; // Ironic does not report vendor validation here
            }
            DriverInterface iface = task.iface(type);
            if (iface == null) {
                String chosen = NodeInterfaces.get(task.editable(), type);
                results.put(type.apiName(), chosen == null ? new ValidationResult(false, type.apiName() + " interface is not set")
                        : ValidationResult.failed("Interface " + chosen + " is not supported by driver " + task.driver().name()));
                continue;
            }
            try {
                iface.validate(task);
                results.put(type.apiName(), ValidationResult.ok());
            } catch (DriverException e) {
                results.put(type.apiName(), ValidationResult.failed(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("Validation of {} on node {} failed", type.apiName(), nodeUuid, e);
                results.put(type.apiName(), ValidationResult.failed("Unexpected error: " + e));
            }
        }
        return results;
    }

    @Override
    public List<DriverDescription> listDrivers() {
        List<DriverDescription> list = new ArrayList<>();
        for (HardwareType d : drivers.all()) {
            list.add(describe(d));
        }
        return list;
    }

    @Override
    public Optional<DriverDescription> getDriver(String name) {
        return drivers.get(name).map(this::describe);
    }

    @Override
    public boolean hasDriver(String name) {
        return drivers.get(name).isPresent();
    }

    private DriverDescription describe(HardwareType driver) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, List<String>> enabled = new LinkedHashMap<>();
        for (InterfaceType type : InterfaceType.values()) {
            List<? extends DriverInterface> impls = driver.interfaces(type);
            if (!impls.isEmpty()) {
                defaults.put(type.apiName(), impls.get(0).name());
            }
            enabled.put(type.apiName(), impls.stream().map(DriverInterface::name).toList());
        }
        return new DriverDescription(driver.name(), List.of(host), defaults, enabled);
    }

    @Override
    public Map<String, String> driverProperties(String driverName) {
        HardwareType driver = drivers.get(driverName)
                .orElseThrow(() -> ConductorException.notFound("Could not find the following driver(s) or hardware type(s): " + driverName + "."));
        Map<String, String> properties = new TreeMap<>();
        for (InterfaceType type : InterfaceType.values()) {
            List<? extends DriverInterface> impls = driver.interfaces(type);
            if (!impls.isEmpty()) {
                for (PropertySpec p : impls.get(0).properties()) {
                    properties.put(p.name(), p.description());
                }
            }
        }
        return properties;
    }

    @Override
    public Port createPort(Port port) {
        if (port.getNodeUuid() == null || db.getNodeByUuid(port.getNodeUuid()).isEmpty()) {
            throw ConductorException.badRequest("Node " + port.getNodeUuid() + " could not be found.");
        }
        try {
            return db.createPort(port);
        } catch (DuplicateEntryException e) {
            throw duplicate(e, "port");
        }
    }

    @Override
    public Port updatePort(Port changed) {
        Port current = db.getPortByUuid(changed.getUuid())
                .orElseThrow(() -> ConductorException.notFound("Port " + changed.getUuid() + " could not be found."));
        if (changed.getNodeUuid() == null || db.getNodeByUuid(changed.getNodeUuid()).isEmpty()) {
            throw ConductorException.badRequest("Node " + changed.getNodeUuid() + " could not be found.");
        }
        Port update = changed.copy();
        update.setId(current.getId());
        update.setCreatedAt(current.getCreatedAt());
        try {
            return db.updatePort(update);
        } catch (DuplicateEntryException e) {
            throw duplicate(e, "port");
        } catch (NotFoundException e) {
            throw ConductorException.notFound("Port " + changed.getUuid() + " could not be found.");
        }
    }

    @Override
    public void destroyPort(String portUuid) {
        try {
            db.destroyPort(portUuid);
        } catch (NotFoundException e) {
            throw ConductorException.notFound("Port " + portUuid + " could not be found.");
        }
    }

    // ---- issue 3: the rest of API v1, delegated to one class per concern ----

    @Override
    public void setMaintenance(String nodeUuid, boolean maintenance, String reason) {
        management.setMaintenance(nodeUuid, maintenance, reason);
    }

    @Override
    public List<String> setTraits(String nodeUuid, List<String> traits) {
        return management.setTraits(nodeUuid, traits);
    }

    @Override
    public void addTrait(String nodeUuid, String trait) {
        management.addTrait(nodeUuid, trait);
    }

    @Override
    public void removeTrait(String nodeUuid, String trait) {
        management.removeTrait(nodeUuid, trait);
    }

    @Override
    public Map<String, Object> getBootDevice(String nodeUuid) {
        return management.getBootDevice(nodeUuid);
    }

    @Override
    public List<String> getSupportedBootDevices(String nodeUuid) {
        return management.supportedBootDevices(nodeUuid);
    }

    @Override
    public void setBootDevice(String nodeUuid, String device, boolean persistent) {
        management.setBootDevice(nodeUuid, device, persistent);
    }

    @Override
    public void injectNmi(String nodeUuid) {
        management.injectNmi(nodeUuid);
    }

    @Override
    public Map<String, Map<String, Map<String, Object>>> getSupportedIndicators(String nodeUuid) {
        return management.supportedIndicators(nodeUuid);
    }

    @Override
    public String getIndicatorState(String nodeUuid, String component, String indicator) {
        return management.getIndicatorState(nodeUuid, component, indicator);
    }

    @Override
    public void setIndicatorState(String nodeUuid, String component, String indicator, String state) {
        management.setIndicatorState(nodeUuid, component, indicator, state);
    }

    @Override
    public Map<String, Object> getConsole(String nodeUuid) {
        return management.getConsole(nodeUuid);
    }

    @Override
    public void setConsoleMode(String nodeUuid, boolean enabled) {
        management.setConsoleMode(nodeUuid, enabled);
    }

    @Override
    public void setTargetRaidConfig(String nodeUuid, Map<String, Object> config) {
        management.setTargetRaidConfig(nodeUuid, config);
    }

    @Override
    public void setBootMode(String nodeUuid, String mode) {
        management.setBootMode(nodeUuid, mode);
    }

    @Override
    public void setSecureBoot(String nodeUuid, boolean enabled) {
        management.setSecureBoot(nodeUuid, enabled);
    }

    @Override
    public List<String> vifList(String nodeUuid) {
        return management.vifList(nodeUuid);
    }

    @Override
    public void vifAttach(String nodeUuid, String vifId, Map<String, Object> info) {
        management.vifAttach(nodeUuid, vifId, info);
    }

    @Override
    public void vifDetach(String nodeUuid, String vifId) {
        management.vifDetach(nodeUuid, vifId);
    }

    @Override
    public Map<String, Map<String, Object>> vendorPassthruMethods(String nodeUuid) {
        return vendor.nodeMethods(nodeUuid);
    }

    @Override
    public VendorResult vendorPassthru(String nodeUuid, String method, String httpMethod, Map<String, Object> data) {
        return vendor.callNode(nodeUuid, method, httpMethod, data);
    }

    @Override
    public Map<String, Map<String, Object>> driverVendorPassthruMethods(String driverName) {
        return vendor.driverMethods(driverName);
    }

    @Override
    public VendorResult driverVendorPassthru(String driverName, String method, String httpMethod, Map<String, Object> data) {
        return vendor.callDriver(driverName, method, httpMethod, data);
    }

    @Override
    public Chassis createChassis(Chassis chassis) {
        return resources.createChassis(chassis);
    }

    @Override
    public Chassis updateChassis(Chassis chassis) {
        return resources.updateChassis(chassis);
    }

    @Override
    public void destroyChassis(String uuid) {
        resources.destroyChassis(uuid);
    }

    @Override
    public StoredObject createObject(ObjectKind kind, Map<String, Object> fields) {
        return resources.create(kind, fields);
    }

    @Override
    public StoredObject updateObject(StoredObject changed) {
        return resources.update(changed);
    }

    @Override
    public void destroyObject(StoredObject object) {
        resources.destroy(object);
    }

    @Override
    public StoredObject createAllocation(Map<String, Object> fields) {
        return allocations.create(fields);
    }

    @Override
    public StoredObject updateAllocation(StoredObject changed) {
        return allocations.update(changed);
    }

    @Override
    public void destroyAllocation(String allocationUuid) {
        allocations.destroy(allocationUuid);
    }

    @Override
    public Node nodeWithAgentToken(String nodeUuid) {
        return agent.nodeWithToken(nodeUuid);
    }

    @Override
    public void heartbeat(String nodeUuid, String callbackUrl, String agentVersion, String agentToken, String agentVerifyCa,
            String agentStatus, String agentStatusMessage) {
        agent.heartbeat(nodeUuid, callbackUrl, agentVersion, agentToken, agentVerifyCa, agentStatus, agentStatusMessage);
    }

    /**
     * Fills each {@code *_interface} the request left empty with the driver's default (or keeps the
     * current one unless {@code reset}), and refuses implementations the driver does not have.
     */
    private static void applyInterfaces(Node node, HardwareType driver, Node current, boolean reset) {
        for (InterfaceType type : InterfaceType.values()) {
            List<? extends DriverInterface> impls = driver.interfaces(type);
            String requested = NodeInterfaces.get(node, type);
            boolean explicitlyChanged = current == null ? requested != null
                    : requested != null && !requested.equals(NodeInterfaces.get(current, type));
            if (requested == null || (reset && !explicitlyChanged)) {
                NodeInterfaces.set(node, type, impls.isEmpty() ? null : impls.get(0).name());
                continue;
            }
            if (impls.stream().noneMatch(i -> i.name().equals(requested))) {
                throw ConductorException.badRequest(capitalize(type.apiName()) + " interface implementation '" + requested
                        + "' is not supported by hardware type " + driver.name() + ".");
            }
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static ConductorException duplicate(DuplicateEntryException e, String kind) {
        return switch (e.field()) {
            case "name" -> ConductorException.conflict("A node with name " + e.value() + " already exists.");
            case "instance_uuid" -> ConductorException.conflict("Instance " + e.value() + " is already associated with a node.");
            case "address" -> ConductorException.conflict("A port with MAC address " + e.value() + " already exists.");
            default -> ConductorException.conflict("A " + kind + " with UUID " + e.value() + " already exists.");
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
