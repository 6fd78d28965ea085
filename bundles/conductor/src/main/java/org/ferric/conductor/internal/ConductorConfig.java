package org.ferric.conductor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Conductor settings (PID {@code org.ferric.conductor}); defaults as Ironic's. */
@ObjectClassDefinition(name = "Ferric conductor", description = "The conductor: worker pool, node locks, heartbeat.")
public @interface ConductorConfig {

    @AttributeDefinition(description = "This conductor's host name, shown as the nodes' conductor and lock holder. "
            + "Empty: the machine's host name.")
    String host() default "";

    @AttributeDefinition(description = "Conductor group served by this conductor.")
    String conductor_group() default "";

    @AttributeDefinition(description = "Threads doing node work (power, provisioning).")
    int workers_pool_size() default 100;

    @AttributeDefinition(description = "Work accepted beyond busy workers before requests are refused with 503.")
    int workers_queue_size() default 1000;

    @AttributeDefinition(description = "Attempts to take a node lock before answering 409 NodeLocked.")
    int node_locked_retry_attempts() default 3;

    @AttributeDefinition(description = "Seconds between attempts to take a node lock.")
    double node_locked_retry_interval() default 1.0;

    @AttributeDefinition(description = "Seconds between conductor heartbeats.")
    int heartbeat_interval() default 10;

    @AttributeDefinition(description = "Run automated cleaning on provide and undeploy, unless the node says otherwise.")
    boolean automated_clean() default true;

    @AttributeDefinition(description = "Allow deleting nodes in the available state.")
    boolean allow_deleting_available_nodes() default true;
}
