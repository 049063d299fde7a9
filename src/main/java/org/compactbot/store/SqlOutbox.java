package org.compactbot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactbot.cases.Outbox;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalRecords;

/**
 * The emails table as an outbox: due rows in order, sent or rescheduled one by one. The emails are personal data (to a
 * person, or about their cases), exported, erased and swept here.
 */
public final class SqlOutbox implements Outbox, PersonalRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final java.time.Clock clock;
    private final String mailDomain;

    public SqlOutbox(Database db) {
        this(db, java.time.Clock.systemUTC(), "compact@example.org");
    }

    public SqlOutbox(Database db, java.time.Clock clock, String botAddress) {
        this.db = db;
        this.clock = clock;
        this.mailDomain = botAddress.substring(botAddress.indexOf('@') + 1);
    }

    @Override
    public void enqueue(OutgoingEmail email, String caseRef) {
        db.inTransaction(c -> {
            insert(c, caseRef, email, clock.instant(), mailDomain);
            return null;
        });
    }

    /** Writes an email to the outbox inside the caller's transaction, with the Message-ID it will always keep. */
    static void insert(java.sql.Connection c, String ref, OutgoingEmail e, Instant now, String mailDomain) throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO emails(case_ref, purpose, message_id, recipient, payload, created_at, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, ref);
            p.setString(2, e.purpose());
            p.setString(3, "<" + (ref == null ? "" : ref + ".") + java.util.UUID.randomUUID() + "@" + mailDomain + ">");
            p.setString(4, e.to());
            p.setString(5, JSON.writeValueAsString(e));
            p.setString(6, Times.of(now));
            p.setString(7, Times.of(now));
            p.executeUpdate();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return db.inTransaction(c -> select(c, now, limit, ""));
    }

    /**
     * Due rows, locked ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL: rows another instance is claiming are passed
     * over, not waited for) and leased: their next attempt moves to the end of the lease, so no other instance takes
     * them meanwhile; sending marks them sent or failed well before, and a sender that died leaves them to be retried
     * when the lease ends. A SQLite file has one instance and one sender: nothing is leased there, so after a crash
     * every unsent email is due again at once.
     */
    @Override
    public List<Pending> claim(Instant now, int limit, Duration lease) {
        return db.inTransaction(c -> {
            List<Pending> out = select(c, now, limit, db.dialect().claimSkippingLocked());
            if (out.isEmpty() || db.dialect() == Dialect.SQLITE) return out;
            try (PreparedStatement p = c.prepareStatement("UPDATE emails SET next_attempt_at = ? WHERE id = ?")) {
                for (Pending e : out) {
                    p.setString(1, Times.of(now.plus(lease)));
                    p.setLong(2, e.id());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return out;
        });
    }

    @Override
    public void release(List<Long> ids, Instant at) {
        if (ids.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE emails SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL")) {
                for (long id : ids) {
                    p.setString(1, Times.of(at));
                    p.setLong(2, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    private static List<Pending> select(java.sql.Connection c, Instant now, int limit, String lock) throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, message_id, case_ref, payload, attempts FROM emails "
                + "WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?" + lock)) {
            p.setString(1, Times.of(now));
            p.setInt(2, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                                JSON.readValue(rs.getString(4), OutgoingEmail.class), rs.getInt(5)));
                    } catch (IOException e) {
                        throw new IllegalStateException("unreadable outbox row " + rs.getLong(1), e);
                    }
                }
            }
            return out;
        }
    }

    @Override
    public void markSent(long id, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE emails SET sent_at = ?, last_error = NULL WHERE id = ?")) {
                p.setString(1, Times.of(at));
                p.setLong(2, id);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE cases SET acknowledged_at = ? WHERE acknowledged_at IS NULL AND ref = "
                    + "(SELECT case_ref FROM emails WHERE id = ? AND purpose = 'acknowledgement')")) {
                p.setString(1, Times.of(at));
                p.setLong(2, id);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void markFailed(long id, int attempts, Instant nextAttempt, String error) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE emails SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                p.setInt(1, attempts);
                p.setString(2, Times.of(nextAttempt));
                p.setString(3, error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error);
                p.setLong(4, id);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public java.util.Optional<Sent> sent(String messageId) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 1000) return java.util.Optional.empty();
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT case_ref, recipient, purpose FROM emails WHERE message_id = ?")) {
                p.setString(1, messageId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(new Sent(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : java.util.Optional.<Sent>empty();
                }
            }
        });
    }

    @Override
    public java.util.Optional<String> messageIdOf(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT message_id FROM emails WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.<String>empty();
                }
            }
        });
    }

    /** Marks the row once (a second bounce for the same email changes nothing) and says what it was. */
    @Override
    public java.util.Optional<Sent> markUndeliverable(long id, Instant at, String reason) {
        String why = reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE emails SET undeliverable_at = ?, undeliverable_reason = ? "
                    + "WHERE id = ? AND undeliverable_at IS NULL")) {
                p.setString(1, Times.of(at));
                p.setString(2, why);
                p.setLong(3, id);
                if (p.executeUpdate() == 0) return java.util.Optional.<Sent>empty();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT case_ref, recipient, purpose FROM emails WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(new Sent(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : java.util.Optional.<Sent>empty();
                }
            }
        });
    }

    @Override
    public int repliesTo(String recipient, Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM emails WHERE recipient = ? AND purpose = 'reply' AND created_at >= ?")) {
                p.setString(1, recipient);
                p.setString(2, Times.of(since));
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public long[] depthAndOldestAgeSeconds(Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), MIN(created_at) FROM emails WHERE sent_at IS NULL");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                String oldest = rs.getString(2);
                return new long[] {n, oldest == null ? 0 : Math.max(0, now.getEpochSecond() - Instant.parse(oldest).getEpochSecond())};
            }
        });
    }

    // ---------------------------------------------------------------- personal data: emails to a person or about their cases

    /** The emails to the person's address or about their cases, by id. */
    private static List<Long> emailsOf(Connection c, Person person) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>(Sql.longs(c, "SELECT id FROM emails WHERE lower(recipient) = ? ORDER BY id", person.address()));
        for (String ref : person.cases()) ids.addAll(Sql.longs(c, "SELECT id FROM emails WHERE case_ref = ? ORDER BY id", ref));
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(Long::compare);
        return sorted;
    }

    @Override
    public PersonalData.Holdings held(Person person) {
        return db.inTransaction(c -> new PersonalData.Holdings(List.of(), List.of(), 0, 0, 0, 0, emailsOf(c, person).size(), 0, 0));
    }

    @Override
    public Map<String, Object> export(Person person, boolean withFileContent) {
        return db.inTransaction(c -> {
            List<Object> emails = new ArrayList<>();
            for (long id : emailsOf(c, person)) {
                Map<String, Object> row = Sql.rows(c, "SELECT id, case_ref, purpose, message_id, recipient, created_at, attempts, last_error, sent_at, "
                        + "undeliverable_at, undeliverable_reason, payload "
                        + "FROM emails WHERE id = ?", id).get(0);
                row.put("payload", Sql.parse(String.valueOf(row.get("payload"))));
                emails.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("emails", emails);
            return out;
        });
    }

    /** The emails about the person's cases (the case store anonymises the cases themselves) and those to their address. */
    @Override
    public void erase(Person person, Instant now, String actor) {
        db.inTransaction(c -> {
            for (String ref : person.cases()) Sql.update(c, "DELETE FROM emails WHERE case_ref = ?", ref);
            Sql.update(c, "DELETE FROM emails WHERE lower(recipient) = ?", person.address());
            return null;
        });
    }

    /** The emails of cases due for anonymisation go, and those of that age that belong to no case. */
    @Override
    public PersonalData.Sweep sweep(Due due, boolean dryRun, Instant now, String actor) {
        return db.inTransaction(c -> {
            int emails = 0;
            for (String ref : due.refs()) {
                emails += Sql.count(c, "SELECT COUNT(*) FROM emails WHERE case_ref = ?", ref);
                if (!dryRun) Sql.update(c, "DELETE FROM emails WHERE case_ref = ?", ref);
            }
            String cutoff = Times.of(due.untouchedBefore());
            String caseless = "FROM emails WHERE case_ref IS NULL AND created_at < ?";
            emails += Sql.count(c, "SELECT COUNT(*) " + caseless, cutoff);
            if (!dryRun) Sql.update(c, "DELETE " + caseless, cutoff);
            return new PersonalData.Sweep(List.of(), 0, 0, 0, emails, 0);
        });
    }
}
