package org.compactbot.store;

import static org.compactbot.store.Sql.count;
import static org.compactbot.store.Sql.files;
import static org.compactbot.store.Sql.parse;
import static org.compactbot.store.Sql.rows;
import static org.compactbot.store.Sql.strings;
import static org.compactbot.store.Sql.update;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.PersonalData.Holdings;
import org.compactbot.cases.PersonalData.Sweep;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.cases.Redaction;
import org.compactbot.conversation.ConversationId;

/**
 * The case store's personal data ({@link SqlCaseStore} answers with it): a person's cases as complainant (cases), their
 * history notes (case_events), files (evidence) and closing-survey comment (surveys). Erasure and the retention schedule anonymise a case: names,
 * addresses and free text go, files are deleted, history notes are redacted, the survey's comment goes (and, on a request to erase, the published outcome); the reference, area, codes, undertakings,
 * respondent, status, dates and outcome stay for the figures, and an audit entry says it was done.
 */
public final class CaseRecords implements PersonalRecords {
    private static final String CLOSED = "'resolved', 'withdrawn', 'closed_unresolved', 'signposted'";
    private final Database db;

    public CaseRecords(Database db) {
        this.db = db;
    }

    @Override
    public Person link(Person person) {
        return db.inTransaction(c -> {
            List<String> cases = strings(c, "SELECT ref FROM cases WHERE lower(complainant_email) = ? ORDER BY year, seq", person.address());
            Set<ConversationId> convs = new LinkedHashSet<>();
            for (String ref : cases) {
                for (String id : strings(c, "SELECT conversation_id FROM cases WHERE ref = ? AND conversation_id IS NOT NULL", ref)) {
                    convs.add(ConversationId.parse(id));
                }
            }
            return person.withCases(cases).withConversations(convs);
        });
    }

    @Override
    public Holdings held(Person person) {
        return db.inTransaction(c -> {
            List<String> open = new ArrayList<>();
            int notes = 0, caseFiles = 0;
            for (String ref : person.cases()) {
                Map<String, Object> row = rows(c, "SELECT status, complainant_name, complainant_email, organisation FROM cases WHERE ref = ?", ref).get(0);
                if (!CaseStatus.byId(String.valueOf(row.get("status"))).map(CaseStatus::closed).orElse(false)) open.add(ref);
                List<String> ids = Redaction.identifiers((String) row.get("complainant_name"), (String) row.get("complainant_email"),
                        (String) row.get("organisation"));
                for (String note : strings(c, "SELECT note FROM case_events WHERE case_ref = ?", ref)) if (Redaction.note(note, ids).isPresent()) notes++;
                caseFiles += count(c, "SELECT COUNT(*) FROM evidence WHERE case_ref = ?", ref);
            }
            return new Holdings(person.cases(), open, 0, 0, caseFiles, 0, 0, 0, notes);
        });
    }

    @Override
    public Map<String, Object> export(Person person, boolean withFileContent) {
        return db.inTransaction(c -> {
            List<Object> cases = new ArrayList<>();
            for (String ref : person.cases()) {
                Map<String, Object> row = rows(c, "SELECT * FROM cases WHERE ref = ?", ref).get(0);
                row.put("details", parse(String.valueOf(row.get("details"))));
                row.put("events", rows(c, "SELECT at, actor, from_status, to_status, note FROM case_events WHERE case_ref = ? ORDER BY id", ref));
                row.put("evidence", files(c, "SELECT id, received_at, name, type, bytes, content FROM evidence WHERE case_ref = ? ORDER BY id", ref,
                        withFileContent));
                row.put("survey", rows(c, "SELECT sent_at, satisfied, outcome_as_asked, comment, answered_at FROM surveys WHERE ref = ?", ref));
                cases.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cases", cases);
            return out;
        });
    }

    @Override
    public void erase(Person person, Instant now, String actor) {
        db.inTransaction(c -> {
            for (String ref : person.cases()) {
                anonymise(c, ref, now, actor, "personal data erased on request (UK GDPR)");
                update(c, "DELETE FROM published_outcomes WHERE ref = ?", ref); // anonymised already, but the person asked: taken down too
            }
            return null;
        });
    }

    @Override
    public Due due(Due due) {
        return db.inTransaction(c -> {
            List<ClosedCase> expired = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ref, conversation_id, closed_at FROM cases WHERE anonymised_at IS NULL "
                    + "AND status IN (" + CLOSED + ") AND closed_at IS NOT NULL AND closed_at < ? ORDER BY year, seq")) {
                p.setString(1, Times.of(due.casesClosedBefore()));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String conversation = rs.getString(2);
                        expired.add(new ClosedCase(rs.getString(1), conversation == null ? null : ConversationId.parse(conversation),
                                Sql.instant(rs.getString(3))));
                    }
                }
            }
            List<String> refs = expired.stream().map(ClosedCase::ref).toList();
            Set<ConversationId> kept = new LinkedHashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ref, conversation_id FROM cases WHERE anonymised_at IS NULL AND conversation_id IS NOT NULL");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) if (!refs.contains(rs.getString(1))) kept.add(ConversationId.parse(rs.getString(2)));
            }
            return due.with(expired, kept);
        });
    }

    @Override
    public Sweep sweep(Due due, boolean dryRun, Instant now, String actor) {
        return db.inTransaction(c -> {
            int files = 0;
            for (String ref : due.refs()) {
                files += count(c, "SELECT COUNT(*) FROM evidence WHERE case_ref = ?", ref);
                if (!dryRun) anonymise(c, ref, now, actor, "personal data anonymised: kept for the retention period after closure");
            }
            return new Sweep(due.refs(), 0, 0, files, 0, 0);
        });
    }

    /** Takes the personal data out of one case and records that it was done (its emails are the outbox's to delete). */
    private static void anonymise(Connection c, String ref, Instant now, String actor, String why) throws SQLException {
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
        update(c, "UPDATE surveys SET comment = NULL WHERE ref = ?", ref); // the answers stay for the figures, the words go
        try (PreparedStatement p = c.prepareStatement("UPDATE cases SET complainant_name = '', complainant_email = '', organisation = ?, "
                + "respondent = ?, details = ?, outcome = ?, conversation_id = NULL, anonymised_at = ?, updated_at = ? WHERE ref = ?")) {
            p.setString(1, ownOrganisation ? "" : organisation);
            p.setString(2, Redaction.respondent((String) row.get("respondent"), ids));
            p.setString(3, Sql.JSON.writeValueAsString(Redaction.details(details, ids)));
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
}
