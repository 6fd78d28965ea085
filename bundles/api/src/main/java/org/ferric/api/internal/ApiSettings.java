package org.ferric.api.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The API's configuration as one internal service, so every resource sees the same values and a
 * change does not restart the resources (which would drop them from the JAX-RS application briefly).
 */
@Component(service = ApiSettings.class, configurationPid = ApiSettings.PID)
@Designate(ocd = ApiConfig.class)
public class ApiSettings {
    static final String PID = "org.ferric.api";

    private volatile int maxLimit = 1000;
    private volatile String publicEndpoint = "";

    public ApiSettings() {
    }

    /** For tests. */
    ApiSettings(int maxLimit, String publicEndpoint) {
        this.maxLimit = maxLimit;
        this.publicEndpoint = publicEndpoint == null ? "" : publicEndpoint;
    }

    @Activate
    @Modified
    void configure(ApiConfig config) {
        maxLimit = Math.max(1, config.max_limit());
        String endpoint = config.public_endpoint() == null ? "" : config.public_endpoint().trim();
        publicEndpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    public int maxLimit() {
        return maxLimit;
    }

    /** The configured base URL without trailing slash, or empty. */
    public String publicEndpoint() {
        return publicEndpoint;
    }
}
