package org.compactbot.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.cases.CaseChange;
import org.compactbot.cases.CaseEvent;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.CaseStore;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalRecords;

/**
 * Cases, their audit trail, timers and outgoing emails in the database (SQLite or PostgreSQL). The personal data in
 * cases, their history notes and evidence is found, exported, erased and anonymised by {@link CaseRecords}.
 */
public final class SqlCaseStore implements CaseStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final Clock clock;
    private final String mailDomain;

    public SqlCaseStore(Database db, Clock clock, String botAddress) {
        this.db = db;
        this.clock = clock;
        this.mailDomain = botAddress.substring(botAddress.indexOf('@') + 1);
    }

    @Override
    public Optional<ChallengeCase> find(String ref) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM cases WHERE ref = ?")) {
                p.setString(1, ref);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ChallengeCase> list(CaseStatus status, String area) {
        String s = status == null ? null : status.id();
        return cases("SELECT * FROM cases WHERE (? IS NULL OR status = ?) AND (? IS NULL OR area = ?) ORDER BY year DESC, seq DESC",
                s, s, area, area);
    }

    @Override
    public List<ChallengeCase> listFor(List<String> areas, List<String> mediatorIds, CaseStatus status) {
        if (areas.isEmpty() && mediatorIds.isEmpty()) return List.of();
        List<String> params = new ArrayList<>();
        String s = status == null ? null : status.id();
        params.add(s);
        params.add(s);
        params.addAll(areas);
        params.addAll(mediatorIds);
        return cases("SELECT * FROM cases WHERE (? IS NULL OR status = ?) AND (" + in("area", areas.size()) + " OR "
                + in("mediator_id", mediatorIds.size()) + ") ORDER BY year DESC, seq DESC", params.toArray(String[]::new));
    }

    /** {@code column IN (?, ...)} for n values; a condition that holds for no row when n is 0. */
    private static String in(String column, int n) {
        return n == 0 ? "1 = 0" : column + " IN (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }

    @Override
    public List<ChallengeCase> raisedIn(String conversationId) {
        return cases("SELECT * FROM cases WHERE conversation_id = ? ORDER BY year DESC, seq DESC", conversationId);
    }

    /** The cases a query selects, its parameters all text. */
    private List<ChallengeCase> cases(String sql, String... params) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) p.setString(i + 1, params[i]);
                List<ChallengeCase> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
                return out;
            }
        });
    }

    @Override
    public List<CaseEvent> history(String ref) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT at, actor, from_status, to_status, note FROM case_events WHERE case_ref = ? ORDER BY id")) {
                p.setString(1, ref);
                List<CaseEvent> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new CaseEvent(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
                return out;
            }
        });
    }

    @Override
    public List<String> unrouted() {
        return db.inTransaction(c -> strings(c, "SELECT case_ref FROM outbox WHERE kind = 'case_submitted' AND done_at IS NULL ORDER BY id"));
    }

    @Override
    public Map<String, Integer> openCasesByMediator() {
        return db.inTransaction(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT mediator_id, COUNT(*) FROM cases WHERE mediator_id IS NOT NULL "
                    + "AND status IN ('assigned','accepted','in_mediation','escalated','awaiting_complainant','awaiting_body') GROUP BY mediator_id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    @Override
    public Map<String, Integer> countByStatus() {
        return db.inTransaction(c -> {
            Map<String, Integer> out = new java.util.TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT status, COUNT(*) FROM cases GROUP BY status"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    @Override
    public String lastAssigned(String area) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT mediator_id FROM cases WHERE area = ? AND mediator_id IS NOT NULL "
                    + "ORDER BY assigned_at DESC NULLS LAST LIMIT 1")) {
                p.setString(1, area);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Override
    public List<String> passedOver(String ref) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT note FROM case_events WHERE case_ref = ? AND note LIKE 'passed over: %'")) {
                p.setString(1, ref);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1).substring("passed over: ".length()).split(" ")[0]);
                }
                return out;
            }
        });
    }

    @Override
    public boolean timerFired(String ref, String timer) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM case_timers WHERE case_ref = ? AND timer = ?")) {
                p.setString(1, ref);
                p.setString(2, timer);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public List<String> transcript(String conversationId) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT at, direction, text FROM transcript WHERE conversation_id = ? ORDER BY id")) {
                p.setString(1, conversationId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1) + (rs.getString(2).equals("in") ? " person: " : " bot: ") + rs.getString(3));
                }
                return out;
            }
        });
    }

    @Override
    public void addEvidence(String ref, String name, String type, byte[] content) {
        db.inTransaction(c -> {
            insertFile(c, "evidence", "case_ref", ref, clock.instant(), name, type, content);
            return null;
        });
    }

    /** Writes a kept file into evidence (by case) or draft_evidence (by conversation): fixed table and column names only. */
    static void insertFile(Connection c, String table, String ownerColumn, String owner, Instant at, String name, String type,
                           byte[] content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + "(" + ownerColumn
                + ", received_at, name, type, bytes, content) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, owner);
            p.setString(2, Times.of(at));
            p.setString(3, name);
            p.setString(4, type);
            p.setLong(5, content.length);
            p.setBytes(6, content);
            p.executeUpdate();
        }
    }

    @Override
    public List<Map.Entry<String, Long>> evidence(String ref) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name, bytes FROM evidence WHERE case_ref = ? ORDER BY id")) {
                p.setString(1, ref);
                List<Map.Entry<String, Long>> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(Map.entry(rs.getString(1), rs.getLong(2)));
                }
                return out;
            }
        });
    }

    @Override
    public boolean apply(CaseChange change) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            String from;
            try (PreparedStatement p = c.prepareStatement("SELECT status FROM cases WHERE ref = ?" + db.dialect().lockForUpdate())) {
                p.setString(1, change.ref());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return false;
                    from = rs.getString(1);
                }
            }
            CaseStatus current = CaseStatus.byId(from).orElseThrow();
            if (change.to() != null && !current.next().contains(change.to())) return false;
            if (change.timer() != null) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO case_timers(case_ref, timer, fired_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    p.setString(1, change.ref());
                    p.setString(2, change.timer());
                    p.setString(3, Times.of(now));
                    if (p.executeUpdate() == 0) return false; // fired before: fire once
                }
            }
            String to = change.to() == null ? from : change.to().id();
            try (PreparedStatement p = c.prepareStatement("UPDATE cases SET status = ?, updated_at = ? WHERE ref = ?")) {
                p.setString(1, to);
                p.setString(2, Times.of(now));
                p.setString(3, change.ref());
                p.executeUpdate();
            }
            for (CaseChange.Field f : change.fields()) {
                for (Map.Entry<String, String> set : columns(f)) {
                    try (PreparedStatement p = c.prepareStatement("UPDATE cases SET " + set.getKey() + " = ? WHERE ref = ?")) {
                        p.setString(1, set.getValue());
                        p.setString(2, change.ref());
                        p.executeUpdate();
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO case_events(case_ref, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, change.ref());
                p.setString(2, Times.of(now));
                p.setString(3, change.actor());
                p.setString(4, from);
                p.setString(5, to);
                p.setString(6, change.note());
                p.executeUpdate();
            }
            for (OutgoingEmail e : change.emails()) {
                if (!e.to().isBlank()) SqlOutbox.insert(c, change.ref(), e, now, mailDomain); // none to an erased complainant
            }
            if (current == CaseStatus.SUBMITTED && change.to() != null) {
                try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET done_at = ? WHERE case_ref = ? AND kind = 'case_submitted' AND done_at IS NULL")) {
                    p.setString(1, Times.of(now));
                    p.setString(2, change.ref());
                    p.executeUpdate();
                }
            }
            return true;
        });
    }

    /** The cases columns a field is kept in, and their values as stored (fixed column names only). */
    private static List<Map.Entry<String, String>> columns(CaseChange.Field f) {
        if (f instanceof CaseChange.Field.BodyAsked b) {
            return List.of(Map.entry("body_name", b.name()), Map.entry("body_email", b.email()), Map.entry("body_asked_at", Times.of(b.at())));
        }
        if (f instanceof CaseChange.Field.BodyAnswered b) {
            return List.of(Map.entry("body_answered_at", Times.of(b.at())), Map.entry("body_answer", b.how().id()));
        }
        return List.of(column(f));
    }

    private static Map.Entry<String, String> column(CaseChange.Field f) {
        if (f instanceof CaseChange.Field.MediatorId m) return Map.entry("mediator_id", m.id());
        if (f instanceof CaseChange.Field.RoutingReason r) return Map.entry("routing_reason", r.reason());
        if (f instanceof CaseChange.Field.AssignedAt a) return Map.entry("assigned_at", Times.of(a.at()));
        if (f instanceof CaseChange.Field.AcceptedAt a) return Map.entry("accepted_at", Times.of(a.at()));
        if (f instanceof CaseChange.Field.ClosedAt a) return Map.entry("closed_at", Times.of(a.at()));
        if (f instanceof CaseChange.Field.Outcome o) return Map.entry("outcome", o.text());
        throw new IllegalArgumentException("no column for " + f);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static ChallengeCase read(ResultSet rs) throws SQLException {
        Map<String, Object> details;
        try {
            details = JSON.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            details = Map.of();
        }
        return new ChallengeCase(rs.getString("ref"), CaseStatus.byId(rs.getString("status")).orElse(CaseStatus.SUBMITTED),
                rs.getString("area"), rs.getString("respondent"), rs.getString("organisation"), rs.getString("complainant_name"),
                rs.getString("complainant_email"), rs.getString("conversation_id"), rs.getString("mediator_id"),
                rs.getString("routing_reason"), details, instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "assigned_at"), instant(rs, "acknowledged_at"), instant(rs, "accepted_at"), instant(rs, "closed_at"),
                rs.getString("outcome"), body(rs));
    }

    private static ChallengeCase.BodyRequest body(ResultSet rs) throws SQLException {
        Instant asked = instant(rs, "body_asked_at");
        if (asked == null) return null;
        return new ChallengeCase.BodyRequest(rs.getString("body_name"), rs.getString("body_email"), asked, instant(rs, "body_answered_at"),
                ChallengeCase.BodyRequest.Answer.byId(rs.getString("body_answer")));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        String v = rs.getString(col);
        return v == null ? null : Instant.parse(v);
    }
}
