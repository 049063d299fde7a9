package org.compactbot.web;

import java.util.Map;

/**
 * What /readyz and /metrics report beyond the web layer's own counters: whether each part can
 * serve, and the gauges of the stores (outbox depth and age, cases by status).
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
     */
    record Gauges(long outboxDepth, long outboxOldestSeconds, Map<String, Long> casesByStatus) {
        public Gauges {
            casesByStatus = Map.copyOf(casesByStatus);
        }
    }
}
