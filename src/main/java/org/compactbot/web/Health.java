package org.compactbot.web;

import java.util.Map;
import java.util.Optional;

/**
 * What /readyz and /metrics report beyond the web layer's own counters: whether each part can
 * serve, and the gauges of the stores (outbox depth and age, cases by status, the database's connection pool).
 */
public interface Health {
    /** Part name -> "ok", "off (why)" or "failing: why". The service is ready when no part is failing. */
    Map<String, String> checks();

    /** The stores' gauges now (read at each scrape of /metrics). */
    Gauges gauges();

    /**
     * @param outboxDepth         emails waiting to be sent
     * @param outboxOldestSeconds age of the oldest of them (0 when none)
     * @param casesByStatus       status name -> cases in it
     * @param pool                the database's connection pool (PostgreSQL); empty where there is none (SQLite)
     */
    record Gauges(long outboxDepth, long outboxOldestSeconds, Map<String, Long> casesByStatus, Optional<Pool> pool) {
        public Gauges {
            casesByStatus = Map.copyOf(casesByStatus);
        }

        /**
         * @param active  connections lent to a transaction
         * @param idle    connections open and waiting in the pool
         * @param waiting threads waiting for a connection
         * @param max     the most connections the pool opens
         */
        public record Pool(int active, int idle, int waiting, int max) {}
    }
}
