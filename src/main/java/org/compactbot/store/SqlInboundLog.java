package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.compactbot.conversation.InboundLog;

/** inbound_messages: a message is recorded on receipt and marked processed once acted on. */
public final class SqlInboundLog implements InboundLog {
    private final Database db;
    private final Clock clock;

    public SqlInboundLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean firstReceipt(String key, String sender) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO inbound_messages(message_key, received_at, sender) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                p.setString(1, key);
                p.setString(2, Times.of(clock.instant()));
                p.setString(3, sender);
                if (p.executeUpdate() == 1) return true;
            }
            try (PreparedStatement p = c.prepareStatement("SELECT processed_at FROM inbound_messages WHERE message_key = ?")) {
                p.setString(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() && rs.getString(1) == null; // received before but never processed: a crash; act on it now
                }
            }
        });
    }

    @Override
    public void processed(String key, String outcome) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE inbound_messages SET processed_at = ?, outcome = ? WHERE message_key = ?")) {
                p.setString(1, Times.of(clock.instant()));
                p.setString(2, outcome.length() > 500 ? outcome.substring(0, 500) : outcome);
                p.setString(3, key);
                p.executeUpdate();
            }
            return null;
        });
    }
}
