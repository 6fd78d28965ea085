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

    @AttributeDefinition(description = "Seconds after which a conductor without heartbeat counts as dead; its locks are released.")
    int heartbeat_timeout() default 60;

    @AttributeDefinition(description = "Seconds between power-state syncs with the BMCs (0 disables).")
    int sync_power_state_interval() default 60;

    @AttributeDefinition(description = "Nodes whose power state is read in parallel during a sync.")
    int sync_power_state_workers() default 8;

    @AttributeDefinition(description = "Failed power-state reads in a row before the node goes into maintenance with fault 'power failure'.")
    int power_state_sync_max_retries() default 3;

    @AttributeDefinition(description = "Push the recorded power state back to the BMC when they differ, instead of recording the BMC's.")
    boolean force_power_state_during_sync() default false;

    @AttributeDefinition(description = "Seconds between checks of nodes in 'power failure' maintenance (0 disables).")
    int power_failure_recovery_interval() default 300;

    @AttributeDefinition(description = "Seconds between checks for timed-out waits and orphaned locks (0 disables).")
    int check_provision_state_interval() default 60;

    @AttributeDefinition(description = "Seconds a node may stay in 'wait call-back' (0 disables).")
    int deploy_callback_timeout() default 1800;

    @AttributeDefinition(description = "Seconds a node may stay in 'clean wait' (0 disables).")
    int clean_callback_timeout() default 1800;

    @AttributeDefinition(description = "Seconds a node may stay in 'inspect wait' (0 disables).")
    int inspect_wait_timeout() default 1800;

    @AttributeDefinition(description = "Seconds a node may stay in 'rescue wait' (0 disables).")
    int rescue_callback_timeout() default 1800;

    @AttributeDefinition(description = "Nodes deploying at once across the fleet before deploys are refused with 503.")
    int max_concurrent_deploy() default 250;

    @AttributeDefinition(description = "Nodes cleaning at once across the fleet before cleaning is refused with 503.")
    int max_concurrent_clean() default 50;
}
