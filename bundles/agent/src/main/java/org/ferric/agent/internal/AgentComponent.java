package org.ferric.agent.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

import org.ferric.agent.spi.HardwareManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the agent in the framework: settings from the launcher's framework properties, hardware
 * managers from whatever bundles register them, tracked as they come and go.
 */
@Component(immediate = true)
public class AgentComponent {
    private static final System.Logger LOG = System.getLogger(AgentComponent.class.getName());

    private final HardwareManagers managers = new HardwareManagers();
    private Agent agent;

    /** An activate method, not constructor injection: DS binds the managers present before it runs. */
    @Activate
    void activate(BundleContext context) throws IOException {
        AgentSettings settings = AgentSettings.from(context::getProperty);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
        agent = new Agent(settings, managers, http, new ObjectMapper(), code -> {
            LOG.log(System.Logger.Level.INFO, "Agent exits with code {0}", code);
            // The launcher's shutdown hook stops the framework, and with it this component.
            System.exit(code);
        });
        agent.start();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHardwareManager(HardwareManager m) {
        managers.add(m);
        LOG.log(System.Logger.Level.INFO, "Hardware manager {0} {1} added", m.name(), m.version());
    }

    void removeHardwareManager(HardwareManager m) {
        managers.remove(m);
        LOG.log(System.Logger.Level.INFO, "Hardware manager {0} removed", m.name());
    }

    @Deactivate
    void deactivate() {
        agent.stop();
    }
}
