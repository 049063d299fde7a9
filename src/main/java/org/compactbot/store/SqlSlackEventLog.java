package org.compactbot.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactbot.conversation.DeliveryLog;

/**
 * The Slack event ids seen, in the slack_events table. Slack retries a delivery for about an hour,
 * so ids older than {@link #KEEP} are pruned now and then to keep the table small.
 */
public final class SqlSlackEventLog implements DeliveryLog {
    static final Duration KEEP = Duration.ofDays(3);
    private static final int PRUNE_EVERY = 500;

    private final Database db;
    private final Clock clock;
    private final AtomicInteger sincePrune = new AtomicInteger(PRUNE_EVERY);

    public SqlSlackEventLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean firstTime(String eventId) {
        Instant now = clock.instant();
        boolean prune = sincePrune.incrementAndGet() >= PRUNE_EVERY;
        if (prune) sincePrune.set(0);
        return db.inTransaction(c -> {
            if (prune) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM slack_events WHERE received_at < ?")) {
                    p.setString(1, Times.of(now.minus(KEEP)));
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO slack_events(event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, eventId);
                p.setString(2, Times.of(now));
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void forget(String eventId) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM slack_events WHERE event_id = ?")) {
                p.setString(1, eventId);
                p.executeUpdate();
            }
            return null;
        });
    }
}
