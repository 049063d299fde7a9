package org.compactbot.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.compactbot.cases.CaseStatus;
import org.compactbot.config.AppConfig;
import org.compactbot.web.Health;

/**
 * /readyz and the store gauges of /metrics, put together from the parts that know them: the database's own probe,
 * the outbox's depth, the case store's counts, the database's connection pool (PostgreSQL), and which channels the
 * configuration turns on.
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
    public Gauges gauges() {
        long[] depth = storage.outbox().depthAndOldestAgeSeconds(clock.instant());
        Map<String, Long> cases = new LinkedHashMap<>();
        for (CaseStatus s : CaseStatus.values()) cases.put(s.id(), 0L); // every status a series, at 0 when empty
        storage.cases().countByStatus().forEach((s, n) -> cases.put(s, n.longValue()));
        // read last, when the queries above have given their connections back
        Optional<Gauges.Pool> pool = storage.database().pool().map(p -> new Gauges.Pool(p.active(), p.idle(), p.waiting(), p.max()));
        return new Gauges(depth[0], depth[1], cases, pool);
    }
}
