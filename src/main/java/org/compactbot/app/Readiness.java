package org.compactbot.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactbot.config.AppConfig;
import org.compactbot.web.Health;

/**
 * /readyz and the store gauges of /metrics, put together from the parts that know them: the database's own probe,
 * the outbox's depth, the case store's counts, and which channels the configuration turns on.
 */
public final class Readiness implements Health {
    private final AppConfig config;
    private final Storage storage;
    private final Clock clock;

    public Readiness(AppConfig config, Storage storage, Clock clock) {
        this.config = config;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public Map<String, String> checks() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("database", storage.database().readiness());
        AppConfig.Mail mail = config.mail();
        out.put("smtp", mail.smtp().enabled() ? "ok (" + mail.smtp().host() + ")" : "off (emails written to data/outbox)");
        out.put("imap", mail.imap().enabled() ? "ok (" + mail.imap().host() + ")" : "off");
        out.put("slack", config.slack().enabled() ? "ok" : "off");
        return out;
    }

    @Override
    public Map<String, Double> gauges() {
        Map<String, Double> g = new LinkedHashMap<>();
        long[] depth = storage.outbox().depthAndOldestAgeSeconds(clock.instant());
        g.put("compactbot_outbox_depth", (double) depth[0]);
        g.put("compactbot_outbox_oldest_seconds", (double) depth[1]);
        storage.cases().countByStatus().forEach((s, n) -> g.put("compactbot_cases{status=\"" + s + "\"}", (double) n));
        return g;
    }
}
