package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.compactbot.cases.DigestsSent;

/** digests_sent: one row per area and ISO week whose weekly digest went out (unique on both), so it goes once. */
public final class SqlDigestsSent implements DigestsSent {
    private final Database db;

    public SqlDigestsSent(Database db) {
        this.db = db;
    }

    @Override
    public boolean sent(String area, String isoWeek) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM digests_sent WHERE area = ? AND iso_week = ?")) {
                p.setString(1, area);
                p.setString(2, isoWeek);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean record(String area, String isoWeek, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO digests_sent(area, iso_week, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, area);
                p.setString(2, isoWeek);
                p.setString(3, Times.of(at));
                return p.executeUpdate() == 1;
            }
        });
    }
}
