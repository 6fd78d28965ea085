package org.ferric.api.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.StoredObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /v1/deploy_templates} (1.55): named sets of deploy steps, selected by a node's traits. */
@Component(service = DeployTemplatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/deploy_templates")
@Produces(MediaType.APPLICATION_JSON)
public class DeployTemplatesResource extends ObjectResource {
    static final Set<String> STEP_INTERFACES = Set.of("bios", "raid", "deploy", "management", "power", "boot",
            "console", "inspect", "network", "rescue", "storage", "vendor");
    private static final Set<String> STEP_KEYS = Set.of("interface", "step", "args", "priority");

    @Activate
    public DeployTemplatesResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        super(ObjectType.DEPLOY_TEMPLATE, db, rpc, settings);
    }

    @Override
    Map<String, Object> checkCreate(Map<String, Object> v, ApiVersion version) {
        check(v);
        return v;
    }

    @Override
    void checkPatch(StoredObject current, Map<String, Object> changes, ApiVersion version) {
        check(changes);
    }

    private static void check(Map<String, Object> v) {
        if (v.containsKey("name")) {
            Traits.check((String) v.get("name"));
        }
        if (v.containsKey("steps")) {
            v.put("steps", steps(v.get("steps")));
        }
    }

    /** Ironic's step schema: interface, step, args, priority (0 to disable); at least one step. */
    static List<Map<String, Object>> steps(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw ApiError.badRequest("Schema error for deploy_template: steps must be a non-empty list");
        }
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw ApiError.badRequest("Schema error for deploy_template: " + PyRepr.of(Json.toTree(o)) + " is not of type 'object'");
            }
            for (Object k : m.keySet()) {
                if (!STEP_KEYS.contains(k)) {
                    throw ApiError.badRequest("Schema error for deploy_template: Additional properties are not allowed ('"
                            + k + "' was unexpected)");
                }
            }
            if (!(m.get("interface") instanceof String iface) || !STEP_INTERFACES.contains(iface)) {
                throw ApiError.badRequest("Schema error for deploy_template: " + PyRepr.of(Json.toTree(m.get("interface")))
                        + " is not one of " + new java.util.TreeSet<>(STEP_INTERFACES));
            }
            if (!(m.get("step") instanceof String step) || step.isEmpty()) {
                throw ApiError.badRequest("Schema error for deploy_template: 'step' is a required property");
            }
            if (!(m.get("args") instanceof Map)) {
                throw ApiError.badRequest("Schema error for deploy_template: 'args' is a required property of type 'object'");
            }
            if (!(m.get("priority") instanceof Integer p) || p < 0) {
                throw ApiError.badRequest("Schema error for deploy_template: 'priority' must be an integer >= 0");
            }
            if (!seen.add(iface + "." + step)) {
                throw ApiError.badRequest("Duplicate deploy steps. A deploy template cannot have two deploy steps with the same interface and step. Duplicate step(s): "
                        + iface + "." + step);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("interface", iface);
            s.put("step", step);
            s.put("args", m.get("args"));
            s.put("priority", m.get("priority"));
            steps.add(s);
        }
        return steps;
    }
}
