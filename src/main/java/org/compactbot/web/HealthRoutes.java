package org.compactbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.compactbot.knowledge.AnswerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /healthz} (the process answers), {@code GET /readyz} (every part can serve) and {@code GET /metrics}. */
final class HealthRoutes {
    /** WebServer's logger, as before the routes moved out of it: operators' log filters keep working. */
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnswerService answers;
    private final Optional<Health> health;
    private final Admission admission;
    private final ServiceMetrics metrics;

    HealthRoutes(AnswerService answers, Optional<Health> health, Admission admission, ServiceMetrics metrics) {
        this.answers = answers;
        this.health = health;
        this.admission = admission;
        this.metrics = metrics;
    }

    void alive(Context ctx) {
        ctx.json(Map.of("status", "ok")).contentType("application/json");
    }

    void ready(Context ctx) throws IOException {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("knowledge", answers.knownAreas().isEmpty() ? "failing: no Compact texts indexed" : "ok");
        if (admission.stopping()) checks.put("server", "failing: shutting down");
        health.ifPresent(h -> {
            try {
                checks.putAll(h.checks());
            } catch (RuntimeException e) {
                checks.put("health", "failing: " + e.getMessage());
            }
        });
        boolean ready = checks.values().stream().noneMatch(v -> v.startsWith("failing"));
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                .result(JSON.writeValueAsString(Map.of("ready", ready, "checks", checks)));
    }

    /** The stores' gauges read now (when they cannot be, the last values stay and a warning is logged), then everything. */
    void metrics(Context ctx) {
        health.ifPresent(h -> {
            try {
                metrics.stores(h.gauges());
            } catch (RuntimeException e) {
                LOG.warn("gauges unavailable: {}", e.getMessage());
            }
        });
        ctx.contentType(ServiceMetrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
