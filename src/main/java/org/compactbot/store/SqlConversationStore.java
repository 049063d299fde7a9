package org.compactbot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.cases.SubmittingChallenge;
import org.compactbot.conversation.CaseInfo;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;

/**
 * Conversations, transcripts and new cases in the database (SQLite or PostgreSQL); each turn in one transaction. The
 * personal data in conversations, transcripts and draft files is found, exported and erased by {@link ConversationRecords}.
 */
public final class SqlConversationStore implements ConversationStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final SubmittingChallenge submitting;
    private final Clock clock;

    public SqlConversationStore(Database db, String referencePrefix, Clock clock) {
        this(db, new SubmittingChallenge(referencePrefix), clock);
    }

    public SqlConversationStore(Database db, SubmittingChallenge submitting, Clock clock) {
        this.db = db;
        this.submitting = submitting;
        this.clock = clock;
    }

    @Override
    public Loaded load(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT channel, state, version FROM conversations WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return new Loaded.Missing();
                    try {
                        Conversation.Snapshot s = JSON.readValue(rs.getString(2), Conversation.Snapshot.class);
                        Conversation conversation = Conversation.restore(id, rs.getString(1), s);
                        conversation.stored(rs.getLong(3));
                        return new Loaded.Found(conversation);
                    } catch (IOException | RuntimeException e) {
                        return new Loaded.Corrupt(String.valueOf(e.getMessage()), rs.getLong(3));
                    }
                }
            }
        });
    }

    @Override
    public boolean move(String from, String to) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE conversations SET id = ?, version = version + 1 WHERE id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM conversations WHERE id = ?)")) {
                p.setString(1, to);
                p.setString(2, from);
                p.setString(3, to);
                if (p.executeUpdate() != 1) return false;
            }
            for (String sql : List.of("UPDATE transcript SET conversation_id = ? WHERE conversation_id = ?",
                    "UPDATE draft_evidence SET conversation_id = ? WHERE conversation_id = ?",
                    "UPDATE cases SET conversation_id = ? WHERE conversation_id = ?")) {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, to);
                    p.setString(2, from);
                    p.executeUpdate();
                }
            }
            return true;
        });
    }

    @Override
    public Optional<String> commitTurn(Conversation conversation, List<Line> transcript, NewCase newCase) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            String ref;
            try {
                ref = newCase == null ? null : submitting.submit(new Ledger(c), new SubmittingChallenge.Challenge(conversation.id(),
                        newCase.area(), newCase.respondent(), newCase.organisation(), newCase.complainantName(), newCase.complainantEmail(),
                        newCase.detailsJson()), now);
            } catch (LedgerFailed e) {
                throw e.sql; // as SQL: the database sees a lost connection and reconnects
            }
            if (ref != null) conversation.caseCreated(ref);
            String state;
            try {
                state = JSON.writeValueAsString(conversation.snapshot());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long version = conversation.storedVersion();
            int saved;
            if (version < 0) { // new here: stored unless another turn stored it first
                try (PreparedStatement p = c.prepareStatement("INSERT INTO conversations(id, channel, state, flow_version, created_at, updated_at, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO NOTHING")) {
                    p.setString(1, conversation.id());
                    p.setString(2, conversation.channel());
                    p.setString(3, state);
                    p.setInt(4, Conversation.FLOW_VERSION);
                    p.setString(5, conversation.createdAt().toString());
                    p.setString(6, conversation.updatedAt().toString());
                    saved = p.executeUpdate();
                }
            } else { // over the version it was loaded at, and no other
                try (PreparedStatement p = c.prepareStatement("UPDATE conversations SET state = ?, flow_version = ?, updated_at = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ?")) {
                    p.setString(1, state);
                    p.setInt(2, Conversation.FLOW_VERSION);
                    p.setString(3, conversation.updatedAt().toString());
                    p.setString(4, conversation.id());
                    p.setLong(5, version);
                    saved = p.executeUpdate();
                }
            }
            if (saved != 1) throw new ConversationStore.ConcurrentTurn(conversation.id()); // rolls back the case too
            conversation.stored(version < 0 ? 1 : version + 1);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO transcript(conversation_id, at, direction, text) VALUES (?, ?, ?, ?)")) {
                for (Line l : transcript) {
                    p.setString(1, conversation.id());
                    p.setString(2, Times.of(now));
                    p.setString(3, l.direction());
                    p.setString(4, l.text());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return Optional.ofNullable(ref);
        });
    }

    /** The case tables, inside the turn's transaction, for {@link SubmittingChallenge}. */
    private record Ledger(Connection c) implements SubmittingChallenge.Ledger {
        @Override
        public int nextInYear(int year) {
            return sql(() -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO case_sequence(year, last) VALUES (?, 1) "
                        + "ON CONFLICT(year) DO UPDATE SET last = case_sequence.last + 1")) {
                    p.setInt(1, year);
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("SELECT last FROM case_sequence WHERE year = ?")) {
                    p.setInt(1, year);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        }

        @Override
        public void open(String ref, int year, int number, SubmittingChallenge.Challenge ch, Instant at) {
            sql(() -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO cases(ref, year, seq, status, area, respondent, organisation, "
                        + "complainant_name, complainant_email, conversation_id, details, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, ref);
                    p.setInt(2, year);
                    p.setInt(3, number);
                    p.setString(4, CaseStatus.SUBMITTED.id());
                    p.setString(5, ch.area());
                    p.setString(6, ch.respondent());
                    p.setString(7, ch.organisation());
                    p.setString(8, ch.complainantName());
                    p.setString(9, ch.complainantEmail());
                    p.setString(10, ch.conversationId());
                    p.setString(11, ch.detailsJson());
                    p.setString(12, Times.of(at));
                    p.setString(13, Times.of(at));
                    return p.executeUpdate();
                }
            });
        }

        @Override
        public void record(String ref, Instant at, String actor, CaseStatus to, String note) {
            sql(() -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO case_events(case_ref, at, actor, from_status, to_status, note) "
                        + "VALUES (?, ?, ?, NULL, ?, ?)")) {
                    p.setString(1, ref);
                    p.setString(2, Times.of(at));
                    p.setString(3, actor);
                    p.setString(4, to.id());
                    p.setString(5, note);
                    return p.executeUpdate();
                }
            });
        }

        @Override
        public void moveDraftEvidence(String conversationId, String ref) {
            sql(() -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO evidence(case_ref, received_at, name, type, bytes, content) "
                        + "SELECT ?, received_at, name, type, bytes, content FROM draft_evidence WHERE conversation_id = ? ORDER BY id")) {
                    p.setString(1, ref);
                    p.setString(2, conversationId);
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("DELETE FROM draft_evidence WHERE conversation_id = ?")) {
                    p.setString(1, conversationId);
                    return p.executeUpdate();
                }
            });
        }

        @Override
        public void queueForRouting(String ref, Instant at) {
            sql(() -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox(kind, case_ref, payload, created_at) VALUES ('case_submitted', ?, '{}', ?)")) {
                    p.setString(1, ref);
                    p.setString(2, Times.of(at));
                    return p.executeUpdate();
                }
            });
        }

        private interface Statement<T> {
            T run() throws SQLException;
        }

        /** Runs SQL for the use case, whose port throws no checked exception; the transaction rolls back on failure. */
        private static <T> T sql(Statement<T> s) {
            try {
                return s.run();
            } catch (SQLException e) {
                throw new LedgerFailed(e);
            }
        }
    }

    /** A failure of the ledger's SQL, carried through the use case and thrown again as SQL. */
    private static final class LedgerFailed extends RuntimeException {
        final SQLException sql;

        LedgerFailed(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    @Override
    public List<DraftFile> draftEvidence(String conversationId) {
        return db.inTransaction(c -> {
            List<DraftFile> out = new java.util.ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, type, bytes FROM draft_evidence WHERE conversation_id = ? ORDER BY id")) {
                p.setString(1, conversationId);
                try (java.sql.ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new DraftFile(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    /** Keeps a file sent before the challenge exists; it moves to the case when the challenge is submitted. */
    public void keepDraftEvidence(String conversationId, String name, String type, byte[] content) {
        db.inTransaction(c -> {
            SqlCaseStore.insertFile(c, "draft_evidence", "conversation_id", conversationId, clock.instant(), name, type, content);
            return null;
        });
    }

    @Override
    public Optional<CaseInfo> caseInfo(String ref) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT status, mediator_id FROM cases WHERE ref = ?")) {
                p.setString(1, ref);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new CaseInfo(ref, rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<CaseFacts> caseFacts(String ref) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT area, respondent, organisation, complainant_name, details FROM cases WHERE ref = ?")) {
                p.setString(1, ref);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new CaseFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))) : Optional.empty();
                }
            }
        });
    }
}
