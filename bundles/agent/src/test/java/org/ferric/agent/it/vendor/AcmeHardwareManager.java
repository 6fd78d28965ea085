package org.ferric.agent.it.vendor;

import java.util.List;
import java.util.Map;

import org.ferric.agent.spi.HardwareManager;
import org.ferric.agent.spi.HardwareSupport;
import org.ferric.agent.spi.Step;

/** A vendor's hardware manager, packed by {@code AgentJarIT} into a bundle of its own with a DS descriptor. */
public class AcmeHardwareManager implements HardwareManager {
    @Override
    public String name() {
        return "AcmeHardwareManager";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public int hardwareSupport() {
        return HardwareSupport.MAINLINE;
    }

    @Override
    public List<Step> cleanSteps() {
        return List.of(Step.of("acme_update_firmware", "management", 0, r -> Map.of("firmware", r.args().getOrDefault("version", "latest")))
                .rebootRequested(true));
    }
}
