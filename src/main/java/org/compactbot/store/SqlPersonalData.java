package org.compactbot.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.Redaction;

/**
 * Personal data in SQLite, found by email address: a person's cases (as complainant), their
 * conversations (from that address, with that address collected, or that raised their cases), the
 * emails to them or about their cases, and the log of emails from them. Plain SQL, one statement
 * per table, so it carries over to other databases; matching on the address is done lower-cased.
 */
public final class SqlPersonalData implements PersonalData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOSED = "'resolved', 'withdrawn', 'closed_unresolved', 'signposted'";
    private final Database db;
    private final Clock clock;

    public SqlPersonalData(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A person's data as found: their cases, conversations and the emails to them or about their cases. */
    private record Found(String address, List<String> cases, Set<String> conversations, List<Long> emails) {}

    private Found find(Connection c, String email) throws SQLException {
        String addr = Redaction.address(email);
        List<String> cases = strings(c, "SELECT ref FROM cases WHERE lower(complainant_email) = ? ORDER BY year, seq", addr);
        Set<String> convs = new LinkedHashSet<>();
        for (String ref : cases) convs.addAll(strings(c, "SELECT conversation_id FROM cases WHERE ref = ? AND conversation_id IS NOT NULL", ref));
        try (PreparedStatement p = c.prepareStatement("SELECT id, state FROM conversations ORDER BY created_at, id"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (id.equalsIgnoreCase("mail:" + addr) || id.equalsIgnoreCase(addr) || addr.equals(collectedEmail(rs.getString(2)))) convs.add(id);
            }
        }
        Set<Long> emails = new LinkedHashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM emails WHERE lower(recipient) = ? ORDER BY id")) {
            p.setString(1, addr);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) emails.add(rs.getLong(1));
            }
        }
        for (String ref : cases) {
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM emails WHERE case_ref = ? ORDER BY id")) {
                p.setString(1, ref);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) emails.add(rs.getLong(1));
                }
            }
        }
        List<Long> sorted = new ArrayList<>(emails);
        sorted.sort(Long::compare);
        return new Found(addr, cases, convs, sorted);
    }

    /** The email address collected in a conversation's draft, lower-cased, or null. */
    private static String collectedEmail(String state) {
        try {
            JsonNode e = JSON.readTree(state).path("answers").path("email");
            return e.isTextual() ? Redaction.address(e.asText()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------ export

    @Override
    public Map<String, Object> export(String email, boolean withFileContent) {
        return db.inTransaction(c -> {
            Found f = find(c, email);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("email", f.address());
            doc.put("exported_at", clock.instant().toString());
            List<Object> cases = new ArrayList<>();
            for (String ref : f.cases()) {
                Map<String, Object> row = rows(c, "SELECT * FROM cases WHERE ref = ?", ref).get(0);
                row.put("details", parse(String.valueOf(row.get("details"))));
                row.put("events", rows(c, "SELECT at, actor, from_status, to_status, note FROM case_events WHERE case_ref = ? ORDER BY id", ref));
                row.put("evidence", files(c, "SELECT id, received_at, name, type, bytes, content FROM evidence WHERE case_ref = ? ORDER BY id", ref, withFileContent));
                cases.add(row);
            }
            doc.put("cases", cases);
            List<Object> convs = new ArrayList<>();
            for (String id : f.conversations()) {
                List<Map<String, Object>> found = rows(c, "SELECT id, channel, created_at, updated_at, state FROM conversations WHERE id = ?", id);
                Map<String, Object> conv = found.isEmpty() ? new LinkedHashMap<>(Map.of("id", id)) : found.get(0);
                if (conv.get("state") instanceof String s) conv.put("state", parse(s));
                conv.put("transcript", rows(c, "SELECT at, direction, text FROM transcript WHERE conversation_id = ? ORDER BY id", id));
                conv.put("draft_evidence", files(c, "SELECT id, received_at, name, type, bytes, content FROM draft_evidence WHERE conversation_id = ? ORDER BY id",
                        id, withFileContent));
                convs.add(conv);
            }
            doc.put("conversations", convs);
            List<Object> emails = new ArrayList<>();
            for (long id : f.emails()) {
                Map<String, Object> row = rows(c, "SELECT id, case_ref, purpose, message_id, recipient, created_at, attempts, last_error, sent_at, payload "
                        + "FROM emails WHERE id = ?", id).get(0);
                row.put("payload", parse(String.valueOf(row.get("payload"))));
                emails.add(row);
            }
            doc.put("emails", emails);
            doc.put("emails_received", rows(c, "SELECT message_key, received_at, processed_at, outcome FROM inbound_messages "
                    + "WHERE lower(sender) = ? ORDER BY received_at", f.address()));
            if (cases.isEmpty() && convs.isEmpty() && emails.isEmpty() && ((List<?>) doc.get("emails_received")).isEmpty()) {
                doc.put("note", "Nothing is held about " + f.address() + ".");
            }
            return doc;
        });
    }

    private static List<Map<String, Object>> files(Connection c, String sql, String owner, boolean withContent) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, owner);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byte[] content = rs.getBytes("content");
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("name", rs.getString("name"));
                    f.put("type", rs.getString("type"));
                    f.put("bytes", rs.getLong("bytes"));
                    f.put("sha256", sha256(content == null ? new byte[0] : content));
                    f.put("received_at", rs.getString("received_at"));
                    if (withContent) f.put("content_base64", Base64.getEncoder().encodeToString(content == null ? new byte[0] : content));
                    out.add(f);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ erase

    @Override
    public Holdings heldAbout(String email) {
        return db.inTransaction(c -> holdings(c, find(c, email)));
    }

    @Override
    public Holdings erase(String email, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            Found f = find(c, email);
            Holdings h = holdings(c, f);
            if (h.isEmpty()) return h;
            for (String ref : f.cases()) anonymise(c, ref, now, actor, "personal data erased on request (UK GDPR)");
            for (String id : f.conversations()) {
                update(c, "DELETE FROM transcript WHERE conversation_id = ?", id);
                update(c, "DELETE FROM draft_evidence WHERE conversation_id = ?", id);
                update(c, "DELETE FROM conversations WHERE id = ?", id);
            }
            update(c, "DELETE FROM emails WHERE lower(recipient) = ?", f.address());
            update(c, "DELETE FROM inbound_messages WHERE lower(sender) = ?", f.address());
            return h;
        });
    }

    private Holdings holdings(Connection c, Found f) throws SQLException {
        List<String> open = new ArrayList<>();
        int notes = 0, caseFiles = 0;
        for (String ref : f.cases()) {
            Map<String, Object> row = rows(c, "SELECT status, complainant_name, complainant_email, organisation FROM cases WHERE ref = ?", ref).get(0);
            if (!CaseStatus.byId(String.valueOf(row.get("status"))).map(CaseStatus::closed).orElse(false)) open.add(ref);
            List<String> ids = Redaction.identifiers((String) row.get("complainant_name"), (String) row.get("complainant_email"), (String) row.get("organisation"));
            for (String note : strings(c, "SELECT note FROM case_events WHERE case_ref = ?", ref)) if (Redaction.note(note, ids).isPresent()) notes++;
            caseFiles += count(c, "SELECT COUNT(*) FROM evidence WHERE case_ref = ?", ref);
        }
        int convs = 0, lines = 0, drafts = 0;
        for (String id : f.conversations()) {
            convs += count(c, "SELECT COUNT(*) FROM conversations WHERE id = ?", id);
            lines += count(c, "SELECT COUNT(*) FROM transcript WHERE conversation_id = ?", id);
            drafts += count(c, "SELECT COUNT(*) FROM draft_evidence WHERE conversation_id = ?", id);
        }
        int inbound = count(c, "SELECT COUNT(*) FROM inbound_messages WHERE lower(sender) = ?", f.address());
        return new Holdings(f.cases(), open, convs, lines, caseFiles, drafts, f.emails().size(), inbound, notes);
    }

    /**
     * Takes the personal data out of one case and records that it was done: names, addresses and
     * free text go, files and the case's emails are deleted, history notes are redacted; the case's
     * reference, area, codes, undertakings, respondent, status, dates and outcome stay for the figures.
     */
    private void anonymise(Connection c, String ref, Instant now, String actor, String why) throws SQLException {
        Map<String, Object> row = rows(c, "SELECT * FROM cases WHERE ref = ?", ref).get(0);
        String name = (String) row.get("complainant_name"), email = (String) row.get("complainant_email");
        String organisation = (String) row.get("organisation"), status = (String) row.get("status");
        List<String> ids = Redaction.identifiers(name, email, organisation);
        Map<String, Object> details = parse(String.valueOf(row.get("details")));
        boolean ownOrganisation = Redaction.organisationIsOwn(details.get("role") instanceof String r ? r : null, organisation, name, email);
        try (PreparedStatement p = c.prepareStatement("SELECT id, note FROM case_events WHERE case_ref = ? ORDER BY id")) {
            p.setString(1, ref);
            List<Object[]> redactions = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Redaction.note(rs.getString(2), ids).ifPresent(n -> redactions.add(new Object[] {id, n}));
                }
            }
            for (Object[] r : redactions) {
                try (PreparedStatement u = c.prepareStatement("UPDATE case_events SET note = ? WHERE id = ?")) {
                    u.setString(1, (String) r[1]);
                    u.setLong(2, (Long) r[0]);
                    u.executeUpdate();
                }
            }
        }
        update(c, "DELETE FROM evidence WHERE case_ref = ?", ref);
        update(c, "DELETE FROM emails WHERE case_ref = ?", ref);
        try (PreparedStatement p = c.prepareStatement("UPDATE cases SET complainant_name = '', complainant_email = '', organisation = ?, "
                + "respondent = ?, details = ?, outcome = ?, conversation_id = NULL, anonymised_at = ?, updated_at = ? WHERE ref = ?")) {
            p.setString(1, ownOrganisation ? "" : organisation);
            p.setString(2, Redaction.respondent((String) row.get("respondent"), ids));
            p.setString(3, JSON.writeValueAsString(Redaction.details(details, ids)));
            p.setString(4, Redaction.freeText((String) row.get("outcome"), ids));
            p.setString(5, Times.of(now));
            p.setString(6, Times.of(now));
            p.setString(7, ref);
            p.executeUpdate();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO case_events(case_ref, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, ref);
            p.setString(2, Times.of(now));
            p.setString(3, actor);
            p.setString(4, status);
            p.setString(5, status);
            p.setString(6, why);
            p.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------ retention

    @Override
    public Sweep sweep(Instant casesClosedBefore, Instant untouchedBefore, boolean dryRun, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            List<String> expired = new ArrayList<>();
            Set<Long> lines = new LinkedHashSet<>();
            int files = 0, emails = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT ref, conversation_id, closed_at FROM cases WHERE anonymised_at IS NULL "
                    + "AND status IN (" + CLOSED + ") AND closed_at IS NOT NULL AND closed_at < ? ORDER BY year, seq")) {
                p.setString(1, Times.of(casesClosedBefore));
                List<String[]> found = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) found.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
                for (String[] e : found) {
                    expired.add(e[0]);
                    files += count(c, "SELECT COUNT(*) FROM evidence WHERE case_ref = ?", e[0]);
                    emails += count(c, "SELECT COUNT(*) FROM emails WHERE case_ref = ?", e[0]);
                    if (e[1] != null) lines.addAll(transcriptUpTo(c, e[1], instant(e[2]), dryRun));
                    if (!dryRun) anonymise(c, e[0], now, actor, "personal data anonymised: kept for the retention period after closure");
                }
            }
            Set<String> held = new LinkedHashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ref, conversation_id FROM cases WHERE anonymised_at IS NULL AND conversation_id IS NOT NULL");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) if (!expired.contains(rs.getString(1))) held.add(rs.getString(2));
            }
            List<String> abandoned = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, updated_at FROM conversations ORDER BY id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Optional<Instant> touched = instantOrEmpty(rs.getString(2));
                    if (!held.contains(rs.getString(1)) && touched.isPresent() && touched.get().isBefore(untouchedBefore)) abandoned.add(rs.getString(1));
                }
            }
            for (String id : abandoned) {
                try (PreparedStatement p = c.prepareStatement("SELECT id FROM transcript WHERE conversation_id = ?")) {
                    p.setString(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) lines.add(rs.getLong(1));
                    }
                }
                files += count(c, "SELECT COUNT(*) FROM draft_evidence WHERE conversation_id = ?", id);
                if (!dryRun) {
                    update(c, "DELETE FROM transcript WHERE conversation_id = ?", id);
                    update(c, "DELETE FROM draft_evidence WHERE conversation_id = ?", id);
                    update(c, "DELETE FROM conversations WHERE id = ?", id);
                }
            }
            String cutoff = Times.of(untouchedBefore);
            String orphanFiles = "FROM draft_evidence WHERE received_at < ? AND conversation_id NOT IN (SELECT id FROM conversations)";
            files += count(c, "SELECT COUNT(*) " + orphanFiles, cutoff);
            String caseless = "FROM emails WHERE case_ref IS NULL AND created_at < ?";
            emails += count(c, "SELECT COUNT(*) " + caseless, cutoff);
            String inboundOld = "FROM inbound_messages WHERE received_at < ?";
            int inbound = count(c, "SELECT COUNT(*) " + inboundOld, cutoff);
            if (!dryRun) {
                update(c, "DELETE " + orphanFiles, cutoff);
                update(c, "DELETE " + caseless, cutoff);
                update(c, "DELETE " + inboundOld, cutoff);
            }
            return new Sweep(expired, abandoned.size(), lines.size(), files, emails, inbound);
        });
    }

    /** The lines of a conversation up to a case's closure: that case's intake and follow-up. */
    private static List<Long> transcriptUpTo(Connection c, String conversationId, Instant closedAt, boolean dryRun) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, at FROM transcript WHERE conversation_id = ?")) {
            p.setString(1, conversationId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) if (!instantOrEmpty(rs.getString(2)).orElse(Instant.MAX).isAfter(closedAt)) ids.add(rs.getLong(1));
            }
        }
        if (!dryRun) {
            for (long id : ids) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM transcript WHERE id = ?")) {
                    p.setLong(1, id);
                    p.executeUpdate();
                }
            }
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Instant instant(String s) {
        return instantOrEmpty(s).orElseThrow(() -> new IllegalStateException("unreadable time " + s));
    }

    private static Optional<Instant> instantOrEmpty(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? new LinkedHashMap<>() : m;
        } catch (IOException e) {
            return new LinkedHashMap<>(Map.of("unreadable", json));
        }
    }

    /** Rows as column name to value, in column order; BLOBs are left out (files are listed by {@link #files}). */
    private static List<Map<String, Object>> rows(Connection c, String sql, Object arg) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (!(v instanceof byte[])) row.put(md.getColumnLabel(i), v);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static int update(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            return p.executeUpdate();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
