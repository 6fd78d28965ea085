package org.ferric.api.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Ironic-compatible REST API (PID {@code org.ferric.api}). */
@ObjectClassDefinition(id = ApiSettings.PID, name = "Ferric REST API",
        description = "Settings of the Ironic v1 compatible REST API")
public @interface ApiConfig {

    @AttributeDefinition(description = "Largest page a collection returns; also the default page size (Ironic's [api]max_limit).")
    int max_limit() default 1000;

    @AttributeDefinition(description = "Base URL put into links and Location headers, e.g. https://bm.example.com:6385. "
            + "Empty: the host and port the client used.")
    String public_endpoint() default "";
}
