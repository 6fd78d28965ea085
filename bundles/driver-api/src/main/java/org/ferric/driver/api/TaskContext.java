package org.ferric.driver.api;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an interface method gets: the node, the lock it runs under, and a way to record results.
 * The conductor persists what is recorded when the task ends, still under the lock.
 */
@ProviderType
public interface TaskContext {

    NodeView node();

    /** The host name of the conductor holding the node's lock. */
    String lockHolder();

    /** True if the lock is shared (read-only task): recording results is then not allowed. */
    boolean isSharedLock();

    /** Sets (or, with a null value, removes) a key of the node's {@code driver_internal_info}. */
    void putDriverInternalInfo(String key, Object value);

    /** Records the power state the driver observed or set. */
    void recordPowerState(PowerState state);

    /** Merges discovered values into the node's {@code properties} (e.g. by inspection). */
    void updateProperties(Map<String, Object> properties);

    /** Records a human-readable error as the node's {@code last_error}. */
    void recordError(String message);

    /**
     * Records what inspection found, in the deploy agent's inventory format ({@code cpu},
     * {@code memory}, {@code disks}, {@code interfaces} with {@code mac_address}, {@code system_vendor}).
     * The conductor stores it (served by {@code /v1/nodes/{id}/inventory}), fills the node's
     * missing {@code properties} from it and creates ports for the MAC addresses it lists.
     *
     * @since 1.1
     */
    void recordInventory(Map<String, Object> inventory);
}
