package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.cases.EmailedLinks;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.conversation.ConversationId;

/**
 * emailed_links: each link by its token's digest, what it opens, the address it went to (personal data: exported, erased
 * with the person, their cases and conversations, and swept once long expired), and when it was used.
 */
public final class SqlEmailedLinks implements EmailedLinks, PersonalRecords {
    private final Database db;

    public SqlEmailedLinks(Database db) {
        this.db = db;
    }

    @Override
    public int sentTo(String address, Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM emailed_links WHERE lower(address) = lower(?) AND created_at >= ?")) {
                p.setString(1, address.strip());
                p.setString(2, Times.of(since));
                try (java.sql.ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void issue(String tokenDigest, Link link, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE emailed_links SET expires_at = ? WHERE purpose = ? AND target = ? "
                    + "AND used_at IS NULL AND expires_at > ?")) {
                p.setString(1, Times.of(now));
                p.setString(2, link.purpose().name());
                p.setString(3, link.target());
                p.setString(4, Times.of(now));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO emailed_links(token_digest, purpose, target, address, created_at, "
                    + "expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, tokenDigest);
                p.setString(2, link.purpose().name());
                p.setString(3, link.target());
                p.setString(4, link.address());
                p.setString(5, Times.of(now));
                p.setString(6, Times.of(link.expiresAt()));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Link> find(String tokenDigest) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT purpose, target, address, expires_at, used_at FROM emailed_links "
                    + "WHERE token_digest = ?")) {
                p.setString(1, tokenDigest);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.<Link>empty();
                    return Optional.of(new Link(Purpose.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            Sql.instant(rs.getString(4)), Sql.instantOrEmpty(rs.getString(5)).orElse(null)));
                }
            }
        });
    }

    @Override
    public boolean use(String tokenDigest, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE emailed_links SET used_at = ? WHERE token_digest = ? AND used_at IS NULL")) {
                p.setString(1, Times.of(at));
                p.setString(2, tokenDigest);
                return p.executeUpdate() == 1;
            }
        });
    }

    // ---------------------------------------------------------------- personal data: the links sent to a person

    /** The person's address, then the targets that are theirs: their cases and conversations. */
    private static List<String> targets(Person person) {
        List<String> t = new ArrayList<>(person.cases());
        for (ConversationId id : person.conversations()) t.add(id.value());
        return t;
    }

    private static final String THEIRS = "FROM emailed_links WHERE lower(address) = ? OR target = ?";

    @Override
    public PersonalData.Holdings held(Person person) {
        return db.inTransaction(c -> new PersonalData.Holdings(List.of(), List.of(), 0, 0, 0, 0, rows(c, person).size(), 0, 0));
    }

    private static List<Map<String, Object>> rows(java.sql.Connection c, Person person) throws java.sql.SQLException {
        Map<String, Map<String, Object>> byDigest = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        keys.add(person.address());
        keys.addAll(targets(person));
        for (String key : keys) {
            try (PreparedStatement p = c.prepareStatement("SELECT token_digest, purpose, target, address, created_at, expires_at, used_at " + THEIRS
                    + " ORDER BY created_at")) {
                p.setString(1, key);
                p.setString(2, key);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("purpose", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                        row.put("opens", rs.getString(3).startsWith("web:") ? "a saved draft" : rs.getString(3));
                        row.put("sent_to", rs.getString(4));
                        row.put("created_at", rs.getString(5));
                        row.put("expires_at", rs.getString(6));
                        row.put("used_at", rs.getString(7));
                        byDigest.putIfAbsent(rs.getString(1), row);
                    }
                }
            }
        }
        return new ArrayList<>(byDigest.values());
    }

    @Override
    public Map<String, Object> export(Person person, boolean withFileContent) {
        return db.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("emailed_links", rows(c, person));
            return out;
        });
    }

    @Override
    public void erase(Person person, Instant now, String actor) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM emailed_links WHERE lower(address) = ?", person.address());
            for (String t : targets(person)) Sql.update(c, "DELETE FROM emailed_links WHERE target = ?", t);
            return null;
        });
    }

    /** Links expired before the cutoff for abandoned drafts go: they open nothing, and only say where they were sent. */
    @Override
    public PersonalData.Sweep sweep(Due due, boolean dryRun, Instant now, String actor) {
        return db.inTransaction(c -> {
            String cutoff = Times.of(due.untouchedBefore());
            String old = "FROM emailed_links WHERE expires_at < ?";
            int n = Sql.count(c, "SELECT COUNT(*) " + old, cutoff);
            if (!dryRun) Sql.update(c, "DELETE " + old, cutoff);
            return new PersonalData.Sweep(List.of(), 0, 0, 0, n, 0);
        });
    }
}
