package org.ferric.driver.redfish.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ferric.driver.api.BiosInterface;
import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.Step;
import org.ferric.driver.api.StepResult;
import org.ferric.driver.api.TaskContext;
import org.ferric.driver.api.UnsupportedDriverOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ironic's {@code RedfishBIOS}: reads Bios.Attributes; changes go to the pending settings
 * resource (PATCH with If-Match) or through Bios.ResetBios, and take effect at the next boot, so
 * both reboot the node and then check what the BIOS reports. Ironic does the same across two
 * calls of the step; here it is one synchronous step.
 */
final class RedfishBios extends RedfishInterface implements BiosInterface {
    private static final Logger LOG = LoggerFactory.getLogger(RedfishBios.class);
    static final String APPLY = "apply_configuration";
    static final String RESET = "factory_reset";

    private final RedfishPower power;

    RedfishBios(Connections connections, RedfishPower power) {
        super(connections);
        this.power = power;
    }

    @Override
    public List<Step> cleanSteps(TaskContext task) {
        return List.of(new Step(InterfaceType.BIOS, APPLY, 0, false, Map.of()),
                new Step(InterfaceType.BIOS, RESET, 0, false, Map.of()));
    }

    @Override
    public List<Step> deploySteps(TaskContext task) {
        return cleanSteps(task);
    }

    @Override
    public StepResult executeStep(TaskContext task, Step step) throws DriverException {
        return switch (step.name()) {
            case APPLY -> applyConfiguration(task, settingsArgument(step.args().get("settings")));
            case RESET -> factoryReset(task);
            default -> BiosInterface.super.executeStep(task, step);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> settingsArgument(Object value) throws InvalidParameterException {
        if (!(value instanceof List<?> list) || list.stream().anyMatch(s -> !(s instanceof Map<?, ?>))) {
            throw new InvalidParameterException("The bios apply_configuration step needs the argument settings: "
                    + "a list of {\"name\": ..., \"value\": ...}.");
        }
        return (List<Map<String, Object>>) list;
    }

    private record Bios(RedfishSystem system, String path, JsonNode json) {
    }

    private Bios bios(TaskContext task) throws DriverException {
        RedfishSystem system = connections.system(task.node());
        String path = RedfishSystem.link(system.json(), "Bios");
        if (path == null) {
            throw new UnsupportedDriverOperationException("The Redfish BMC of node " + task.node().uuid()
                    + " has no Bios resource.");
        }
        return new Bios(system, path, system.client.get(path));
    }

    @Override
    public Map<String, String> cacheBiosSettings(TaskContext task) throws DriverException {
        Map<String, String> settings = new LinkedHashMap<>();
        bios(task).json().path("Attributes").fields()
                .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return settings;
    }

    @Override
    public StepResult applyConfiguration(TaskContext task, List<Map<String, Object>> settings) throws DriverException {
        Map<String, Object> wanted = new LinkedHashMap<>();
        for (Map<String, Object> s : settings) {
            if (s.get("name") == null) {
                throw new InvalidParameterException("Every BIOS setting needs a name: " + s);
            }
            wanted.put(s.get("name").toString(), s.get("value"));
        }
        if (wanted.isEmpty()) {
            return StepResult.DONE;
        }
        Bios bios = bios(task);
        JsonNode redfishSettings = bios.json().path("@Redfish.Settings");
        String settingsPath = RedfishSystem.link(redfishSettings, "SettingsObject");
        String target = settingsPath != null ? settingsPath : bios.path() + "/Settings";
        ObjectNode body = RedfishClient.JSON.createObjectNode();
        body.set("Attributes", RedfishClient.JSON.valueToTree(wanted));
        for (JsonNode t : redfishSettings.path("SupportedApplyTimes")) {
            if ("OnReset".equals(t.asText())) {
                body.putObject("@Redfish.SettingsApplyTime").put("ApplyTime", "OnReset");
            }
        }
        RedfishClient client = bios.system().client;
        for (int attempt = 1; ; attempt++) {
            String etag = client.fetch(target).etag();
            RedfishClient.Response r = client.exchange("PATCH", target, body, etag);
            if (r.status() == 412 && attempt == 1) {
                continue; // changed between our read and our write: read again, once
            }
            client.awaitTask(client.check("PATCH", target, r), "Applying BIOS settings " + wanted.keySet());
            break;
        }
        LOG.info("BIOS settings {} staged on node {}; rebooting to apply them", wanted.keySet(), task.node().uuid());
        power.reboot(task, null);
        checkApplied(task, wanted);
        return StepResult.DONE;
    }

    @Override
    public StepResult factoryReset(TaskContext task) throws DriverException {
        Bios bios = bios(task);
        String target = bios.json().path("Actions").path("#Bios.ResetBios").path("target")
                .asText(bios.path() + "/Actions/Bios.ResetBios");
        RedfishClient client = bios.system().client;
        client.awaitTask(client.post(target, null), "Resetting the BIOS to factory defaults");
        LOG.info("BIOS factory reset requested on node {}; rebooting to apply it", task.node().uuid());
        power.reboot(task, null);
        return StepResult.DONE;
    }

    private void checkApplied(TaskContext task, Map<String, Object> wanted) throws DriverException {
        Map<String, String> now = cacheBiosSettings(task);
        List<String> wrong = new ArrayList<>();
        wanted.forEach((name, value) -> {
            if (!Objects.equals(now.get(name), value == null ? null : value.toString())) {
                wrong.add(name + " is " + now.get(name) + ", wanted " + value);
            }
        });
        if (!wrong.isEmpty()) {
            throw new DriverException("BIOS settings were not applied on node " + task.node().uuid() + ": "
                    + String.join("; ", wrong));
        }
    }
}
