package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.conversation.InboundLog;

/**
 * inbound_messages: a message is recorded on receipt and marked processed once acted on. The log is personal data (who
 * wrote, and when), exported, erased and swept here.
 */
public final class SqlInboundLog implements InboundLog, PersonalRecords {
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

    // ---------------------------------------------------------------- personal data: the log of emails from a person

    @Override
    public PersonalData.Holdings held(Person person) {
        return db.inTransaction(c -> new PersonalData.Holdings(List.of(), List.of(), 0, 0, 0, 0, 0,
                Sql.count(c, "SELECT COUNT(*) FROM inbound_messages WHERE lower(sender) = ?", person.address()), 0));
    }

    @Override
    public Map<String, Object> export(Person person, boolean withFileContent) {
        return db.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("emails_received", Sql.rows(c, "SELECT message_key, received_at, processed_at, outcome FROM inbound_messages "
                    + "WHERE lower(sender) = ? ORDER BY received_at", person.address()));
            return out;
        });
    }

    @Override
    public void erase(Person person, Instant now, String actor) {
        db.inTransaction(c -> Sql.update(c, "DELETE FROM inbound_messages WHERE lower(sender) = ?", person.address()));
    }

    /** Log entries older than the cutoff for abandoned drafts go. */
    @Override
    public PersonalData.Sweep sweep(Due due, boolean dryRun, Instant now, String actor) {
        return db.inTransaction(c -> {
            String cutoff = Times.of(due.untouchedBefore());
            String inboundOld = "FROM inbound_messages WHERE received_at < ?";
            int inbound = Sql.count(c, "SELECT COUNT(*) " + inboundOld, cutoff);
            if (!dryRun) Sql.update(c, "DELETE " + inboundOld, cutoff);
            return new PersonalData.Sweep(List.of(), 0, 0, 0, 0, inbound);
        });
    }
}
