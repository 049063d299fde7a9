package org.compactbot.store;

/**
 * The PostgreSQL connection pool as it is now, for the gauges on /metrics.
 *
 * @param active  connections lent to a transaction
 * @param idle    connections open and waiting in the pool
 * @param waiting threads waiting for a connection (each waits up to 10 s, then its transaction fails)
 * @param max     the most connections the pool opens
 */
public record PoolState(int active, int idle, int waiting, int max) {}
