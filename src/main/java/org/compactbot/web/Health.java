package org.compactbot.web;

import java.util.Map;

/**
 * What /readyz and /metrics report beyond the web layer's own counters: whether each part can
 * serve, and the gauges of the stores (outbox depth and age, cases by status).
 */
public interface Health {
    /** Part name -> "ok", "off (why)" or "failing: why". The service is ready when no part is failing. */
    Map<String, String> checks();

    /** Gauge name (Prometheus style, may carry labels) -> value. */
    Map<String, Double> gauges();
}
