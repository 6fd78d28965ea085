package org.ferric.agent.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferric.agent.spi.HardwareManager;
import org.ferric.agent.spi.HardwareSupport;
import org.ferric.agent.spi.Step;

/**
 * The hardware managers present now, best fit first. A step runs on the first manager that offers
 * it, as Ironic Python Agent's {@code dispatch_to_managers}; steps are listed per manager, as its
 * {@code dispatch_to_all_managers}.
 */
final class HardwareManagers {
    enum Kind { CLEAN, DEPLOY }

    private final List<HardwareManager> managers = new CopyOnWriteArrayList<>();

    void add(HardwareManager m) {
        managers.add(m);
    }

    void remove(HardwareManager m) {
        managers.remove(m);
    }

    List<HardwareManager> active() {
        List<HardwareManager> out = new ArrayList<>();
        for (HardwareManager m : managers) {
            if (m.hardwareSupport() > HardwareSupport.NONE) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(HardwareManager::hardwareSupport).reversed().thenComparing(HardwareManager::name));
        return out;
    }

    static List<Step> steps(HardwareManager m, Kind kind) {
        return kind == Kind.CLEAN ? m.cleanSteps() : m.deploySteps();
    }

    Map<String, List<Map<String, Object>>> describe(Kind kind) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (HardwareManager m : active()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Step s : steps(m, kind)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("step", s.name());
                d.put("priority", s.priority());
                d.put("interface", s.interfaceName());
                d.put("reboot_requested", s.rebootRequested());
                d.put("abortable", s.abortable());
                if (s.argsinfo() != null) {
                    d.put("argsinfo", s.argsinfo());
                }
                list.add(d);
            }
            out.put(m.name(), list);
        }
        return out;
    }

    Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (HardwareManager m : active()) {
            out.put(m.name(), m.version());
        }
        return out;
    }

    Optional<Step> find(Kind kind, String name) {
        for (HardwareManager m : active()) {
            for (Step s : steps(m, kind)) {
                if (s.name().equals(name)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
