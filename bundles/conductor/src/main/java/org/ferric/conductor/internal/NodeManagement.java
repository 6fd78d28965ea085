package org.ferric.conductor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.ferric.driver.api.BootDevice;
import org.ferric.driver.api.ConsoleInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.Indicator;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.ManagementInterface;
import org.ferric.driver.api.NetworkInterface;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ironic's node management calls: maintenance, traits, boot device, NMI, indicators, console, RAID target,
 * boot mode and VIFs. Quick changes run under the node's lock in the caller's thread; console and
 * boot mode changes are accepted and done in the background, as Ironic does.
 */
final class NodeManagement {
    private static final Logger LOG = LoggerFactory.getLogger(NodeManagement.class);
    private static final String VIFS_KEY = "vifs";

    private final DbApi db;
    private final TaskManager tasks;

    NodeManagement(DbApi db, TaskManager tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    void setMaintenance(String nodeUuid, boolean on, String reason) {
        locked(nodeUuid, node -> {
            node.setMaintenance(on);
            node.setMaintenanceReason(on ? reason : null);
            if (!on) {
                node.setFault(null);
            }
        });
        db.recordNodeHistory(nodeUuid, on ? "Maintenance set" + (reason == null ? "" : ": " + reason) : "Maintenance unset",
                "maintenance", "INFO", tasks.host(), null);
    }

    List<String> setTraits(String nodeUuid, List<String> traits) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(traits));
        locked(nodeUuid, node -> node.setTraits(sorted));
        return sorted;
    }

    void addTrait(String nodeUuid, String trait) {
        locked(nodeUuid, node -> {
            TreeSet<String> traits = new TreeSet<>(node.getTraits());
            traits.add(trait);
            node.setTraits(new ArrayList<>(traits));
        });
    }

    void removeTrait(String nodeUuid, String trait) {
        locked(nodeUuid, node -> {
            List<String> traits = new ArrayList<>(node.getTraits());
            if (!traits.remove(trait)) {
                throw ConductorException.notFound("Node " + nodeUuid + " doesn't have a trait '" + trait + "'");
            }
            node.setTraits(traits);
        });
    }

    Map<String, Object> getBootDevice(String nodeUuid) {
        NodeTask task = tasks.shared(nodeUuid);
        BootDevice d = call(() -> management(task).getBootDevice(task));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("boot_device", d == null ? null : d.device());
        out.put("persistent", d == null ? null : d.persistent());
        return out;
    }

    List<String> supportedBootDevices(String nodeUuid) {
        NodeTask task = tasks.shared(nodeUuid);
        return call(() -> management(task).supportedBootDevices(task));
    }

    void setBootDevice(String nodeUuid, String device, boolean persistent) {
        withDriver(nodeUuid, task -> management(task).setBootDevice(task, device, persistent));
    }

    void injectNmi(String nodeUuid) {
        withDriver(nodeUuid, task -> management(task).injectNmi(task));
    }

    // ---- indicators (1.63): Ironic takes the exclusive lock and validates the management interface first ----

    Map<String, Map<String, Map<String, Object>>> supportedIndicators(String nodeUuid) {
        Map<String, Map<String, Indicator>> found = exclusive(nodeUuid, false, task -> {
            ManagementInterface m = management(task);
            m.validate(task);
            return m.supportedIndicators(task);
        });
        Map<String, Map<String, Map<String, Object>>> out = new TreeMap<>();
        if (found != null) {
            found.forEach((component, indicators) -> {
                Map<String, Map<String, Object>> ofComponent = new TreeMap<>();
                indicators.forEach((id, indicator) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("readonly", indicator.readonly());
                    fields.put("states", indicator.states());
                    ofComponent.put(id, fields);
                });
                out.put(component, ofComponent);
            });
        }
        return out;
    }

    String getIndicatorState(String nodeUuid, String component, String indicator) {
        return exclusive(nodeUuid, false, task -> {
            ManagementInterface m = management(task);
            m.validate(task);
            return m.getIndicatorState(task, component, indicator);
        });
    }

    void setIndicatorState(String nodeUuid, String component, String indicator, String state) {
        exclusive(nodeUuid, true, task -> {
            ManagementInterface m = management(task);
            m.validate(task);
            m.setIndicatorState(task, component, indicator, state);
            return null;
        });
    }

    Map<String, Object> getConsole(String nodeUuid) {
        NodeTask task = tasks.shared(nodeUuid);
        Node node = task.editable();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("console_enabled", node.isConsoleEnabled());
        out.put("console_info", node.isConsoleEnabled() ? call(() -> console(task).getConsole(task)) : null);
        return out;
    }

    void setConsoleMode(String nodeUuid, boolean enabled) {
        NodeTask task = tasks.acquire(nodeUuid);
        ConsoleInterface console;
        try {
            console = console(task);
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
        tasks.spawn(task, t -> {
            if (enabled) {
                console.startConsole(t);
            } else {
                console.stopConsole(t);
            }
            t.editable().setConsoleEnabled(enabled);
        }, (t, e) -> {
            t.editable().setLastError("Failed to " + (enabled ? "start" : "stop") + " the console: " + e.getMessage());
            db.recordNodeHistory(nodeUuid, t.editable().getLastError(), "console", "ERROR", tasks.host(), null);
        });
    }

    void setTargetRaidConfig(String nodeUuid, Map<String, Object> config) {
        locked(nodeUuid, node -> node.setTargetRaidConfig(config == null ? Map.of() : config));
    }

    void setBootMode(String nodeUuid, String mode) {
        background(nodeUuid, node -> node.setBootMode(mode));
    }

    void setSecureBoot(String nodeUuid, boolean enabled) {
        background(nodeUuid, node -> node.setSecureBoot(enabled));
    }

    // ---- VIFs ----

    /**
     * The VIFs the node's network interface reports, plus those recorded at attach time: Ironic's
     * {@code noop} network accepts attaches without storing them, and records them nowhere.
     */
    List<String> vifList(String nodeUuid) {
        NodeTask task = tasks.shared(nodeUuid);
        List<String> vifs = new ArrayList<>(call(() -> network(task).vifList(task)));
        for (String recorded : recordedVifs(task.editable())) {
            if (!vifs.contains(recorded)) {
                vifs.add(recorded);
            }
        }
        return vifs;
    }

    void vifAttach(String nodeUuid, String vifId, Map<String, Object> info) {
        NodeTask task = tasks.acquire(nodeUuid);
        try {
            List<String> recorded = recordedVifs(task.editable());
            if (recorded.contains(vifId)) {
                throw ConductorException.conflict("Unable to set VIF " + vifId + " on node " + nodeUuid
                        + " because it is already attached.");
            }
            call(() -> {
                network(task).vifAttach(task, vifId);
                return null;
            });
            recorded.add(vifId);
            task.editable().getDriverInternalInfo().put(VIFS_KEY, recorded);
            tasks.finish(task);
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
    }

    void vifDetach(String nodeUuid, String vifId) {
        NodeTask task = tasks.acquire(nodeUuid);
        try {
            List<String> recorded = recordedVifs(task.editable());
            if (!recorded.remove(vifId)) {
                throw ConductorException.badRequest("Unable to detach VIF " + vifId + " from node " + nodeUuid
                        + " because it is not attached to it.");
            }
            call(() -> {
                network(task).vifDetach(task, vifId);
                return null;
            });
            task.editable().getDriverInternalInfo().put(VIFS_KEY, recorded);
            tasks.finish(task);
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> recordedVifs(Node node) {
        Object v = node.getDriverInternalInfo().get(VIFS_KEY);
        return v instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
    }

    // ---- helpers ----

    interface NodeChange {
        void apply(Node node);
    }

    interface DriverCall<T> {
        T call() throws DriverException;
    }

    interface DriverWork {
        void run(NodeTask task) throws DriverException;
    }

    interface DriverQuery<T> {
        T run(NodeTask task) throws DriverException;
    }

    /** A driver call under the exclusive lock; with {@code save}, what the driver recorded is stored. */
    private <T> T exclusive(String nodeUuid, boolean save, DriverQuery<T> work) {
        NodeTask task = tasks.acquire(nodeUuid);
        T result;
        try {
            result = call(() -> work.run(task));
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
        if (save) {
            tasks.finish(task);
        } else {
            tasks.release(task);
        }
        return result;
    }

    /** A change under the lock, saved at once. */
    private void locked(String nodeUuid, NodeChange change) {
        NodeTask task = tasks.acquire(nodeUuid);
        try {
            change.apply(task.editable());
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
        tasks.finish(task);
    }

    /** A driver call under the lock; what the driver records is saved. */
    private void withDriver(String nodeUuid, DriverWork work) {
        NodeTask task = tasks.acquire(nodeUuid);
        try {
            call(() -> {
                work.run(task);
                return null;
            });
        } catch (RuntimeException e) {
            tasks.release(task);
            throw e;
        }
        tasks.finish(task);
    }

    /** A change accepted now (202) and applied by a worker under the lock. */
    private void background(String nodeUuid, NodeChange change) {
        NodeTask task = tasks.acquire(nodeUuid);
        tasks.spawn(task, t -> change.apply(t.editable()),
                (t, e) -> t.editable().setLastError("Failed to change node " + nodeUuid + ": " + e.getMessage()));
    }

    private static ManagementInterface management(NodeTask task) {
        return require(task, InterfaceType.MANAGEMENT);
    }

    private static ConsoleInterface console(NodeTask task) {
        return require(task, InterfaceType.CONSOLE);
    }

    private static NetworkInterface network(NodeTask task) {
        return require(task, InterfaceType.NETWORK);
    }

    static <T extends org.ferric.driver.api.DriverInterface> T require(NodeTask task, InterfaceType type) {
        T iface = task.iface(type);
        if (iface == null) {
            throw ConductorException.badRequest("Driver " + task.driver().name() + " does not support " + type.apiName()
                    + " (disabled or not implemented).");
        }
        return iface;
    }

    /** Driver errors become Ironic's answers: bad input and unsupported calls 400, the rest 500. */
    static <T> T call(DriverCall<T> call) {
        try {
            return call.call();
        } catch (InvalidParameterException | UnsupportedDriverOperationException e) {
            throw ConductorException.badRequest(e.getMessage());
        } catch (DriverException e) {
            LOG.warn("Driver call failed: {}", e.getMessage());
            throw new ConductorException(500, e.getMessage());
        }
    }
}
