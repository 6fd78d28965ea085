package org.ferric.conductor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.driver.api.InterfaceType;
import org.ferric.driver.api.Step;

/**
 * Which clean or deploy steps run, in which order, as Ironic's {@code conductor/steps.py}:
 * higher priority first, ties broken by interface (power, management, deploy, bios, raid);
 * user steps ({@code deploy_steps}) override template steps, which override the driver's;
 * priority 0 disables a step.
 */
final class StepPlan {
    private static final Map<InterfaceType, Integer> INTERFACE_PRIORITY = Map.of(InterfaceType.POWER, 5,
            InterfaceType.MANAGEMENT, 4, InterfaceType.DEPLOY, 3, InterfaceType.BIOS, 2, InterfaceType.RAID, 1);

    static final Comparator<Step> ORDER = Comparator.comparingInt(Step::priority)
            .thenComparingInt((Step s) -> INTERFACE_PRIORITY.getOrDefault(s.interfaceType(), 0)).reversed();

    private StepPlan() {
    }

    /** Automated cleaning: the driver's steps with a priority above 0, in order. */
    static List<Step> automatedClean(List<Step> driverSteps) {
        List<Step> steps = new ArrayList<>();
        for (Step s : driverSteps) {
            if (s.priority() > 0) {
                steps.add(s);
            }
        }
        steps.sort(ORDER);
        return steps;
    }

    /**
     * The deploy steps to run.
     *
     * @param driverSteps   every step the node's interfaces offer, disabled ones (priority 0) included
     * @param templateSteps steps of the deploy templates matching the instance's traits
     * @param userSteps     the request's {@code deploy_steps}
     * @throws ConductorException 400 if a template or user step is not offered by the driver
     */
    static List<Step> deploy(String nodeUuid, List<Step> driverSteps, List<Step> templateSteps, List<Step> userSteps) {
        Map<String, Step> offered = new LinkedHashMap<>();
        for (Step s : driverSteps) {
            offered.put(key(s), s);
        }
        for (List<Step> requested : List.of(userSteps, templateSteps)) {
            for (Step s : requested) {
                if (!offered.containsKey(key(s))) {
                    throw ConductorException.badRequest("Node " + nodeUuid + " does not support the deploy step "
                            + s.interfaceType().apiName() + "." + s.name() + ".");
                }
            }
        }
        List<Step> overrides = new ArrayList<>(userSteps);
        Set<String> overridden = new HashSet<>();
        userSteps.forEach(s -> overridden.add(key(s)));
        for (Step s : templateSteps) {
            if (overridden.add(key(s))) {
                overrides.add(s);
            }
        }
        List<Step> plan = new ArrayList<>();
        for (Step s : driverSteps) {
            if (!overridden.contains(key(s)) && s.priority() > 0) {
                plan.add(s);
            }
        }
        for (Step s : overrides) {
            if (s.priority() > 0) {
                Step driverStep = offered.get(key(s));
                plan.add(new Step(s.interfaceType(), s.name(), s.priority(), driverStep.abortable(), s.args()));
            }
        }
        plan.sort(ORDER);
        return plan;
    }

    /**
     * Parses steps as the API and templates give them: {@code {interface, step, args, priority}}.
     *
     * @param what named in errors, e.g. {@code deploy_steps}
     */
    @SuppressWarnings("unchecked")
    static List<Step> parse(Object raw, String what, boolean priorityRequired) {
        List<Step> steps = new ArrayList<>();
        if (raw == null) {
            return steps;
        }
        if (!(raw instanceof List<?> list)) {
            throw ConductorException.badRequest(what + " must be a list of steps.");
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("interface") instanceof String iface) || !(m.get("step") instanceof String name)) {
                throw ConductorException.badRequest("Each of " + what + " must be an object with \"interface\" and \"step\" strings.");
            }
            InterfaceType type;
            try {
                type = InterfaceType.fromApiName(iface);
            } catch (IllegalArgumentException e) {
                throw ConductorException.badRequest("Unknown interface \"" + iface + "\" in " + what + ".");
            }
            Object priority = m.get("priority");
            if (priorityRequired && !(priority instanceof Number)) {
                throw ConductorException.badRequest("Step " + iface + "." + name + " in " + what + " needs an integer \"priority\".");
            }
            Object args = m.get("args");
            steps.add(new Step(type, name, priority instanceof Number n ? n.intValue() : 0, false,
                    args instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of()));
        }
        return steps;
    }

    /** The form Ironic keeps steps in, in driver_internal_info and in clean_step/deploy_step. */
    static Map<String, Object> asMap(Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interface", s.interfaceType().apiName());
        m.put("step", s.name());
        m.put("priority", s.priority());
        m.put("abortable", s.abortable());
        m.put("args", s.args());
        return m;
    }

    private static String key(Step s) {
        return s.interfaceType().apiName() + "." + s.name();
    }
}
