package org.ferric.db.api;

/**
 * How many nodes a shard has.
 *
 * @param shard the shard name, or null for the nodes without one
 * @since 1.2
 */
public record ShardCount(String shard, long count) {
}
