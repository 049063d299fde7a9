package org.compactbot.store;

import static org.compactbot.store.Sql.count;
import static org.compactbot.store.Sql.files;
import static org.compactbot.store.Sql.instantOrEmpty;
import static org.compactbot.store.Sql.longs;
import static org.compactbot.store.Sql.parse;
import static org.compactbot.store.Sql.rows;
import static org.compactbot.store.Sql.update;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.Set;
import org.compactbot.cases.PersonalData.Holdings;
import org.compactbot.cases.PersonalData.Sweep;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.cases.Redaction;
import org.compactbot.conversation.ConversationId;

/**
 * The conversation store's personal data ({@link SqlConversationStore} answers with it): conversations (with the draft
 * answers in their state), their transcript and the files sent while raising a challenge (draft_evidence). A person's
 * conversations are their email conversation (by address) and any whose draft collected their address, besides those
 * that raised their cases.
 */
public final class ConversationRecords implements PersonalRecords {
    private final Database db;

    public ConversationRecords(Database db) {
        this.db = db;
    }

    @Override
    public Person link(Person person) {
        return db.inTransaction(c -> {
            Set<ConversationId> convs = new LinkedHashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, state FROM conversations ORDER BY created_at, id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ConversationId id = ConversationId.parse(rs.getString(1));
                    if (id.isEmailConversationOf(person.address()) || person.address().equals(collectedEmail(rs.getString(2)))) convs.add(id);
                }
            }
            return person.withConversations(convs);
        });
    }

    /** The email address collected in a conversation's draft, lower-cased, or null. */
    private static String collectedEmail(String state) {
        try {
            JsonNode e = Sql.JSON.readTree(state).path("answers").path("email");
            return e.isTextual() ? Redaction.address(e.asText()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Holdings held(Person person) {
        return db.inTransaction(c -> {
            int convs = 0, lines = 0, drafts = 0;
            for (ConversationId conversation : person.conversations()) {
                String id = conversation.value();
                convs += count(c, "SELECT COUNT(*) FROM conversations WHERE id = ?", id);
                lines += count(c, "SELECT COUNT(*) FROM transcript WHERE conversation_id = ?", id);
                drafts += count(c, "SELECT COUNT(*) FROM draft_evidence WHERE conversation_id = ?", id);
            }
            return new Holdings(List.of(), List.of(), convs, lines, 0, drafts, 0, 0, 0);
        });
    }

    @Override
    public Map<String, Object> export(Person person, boolean withFileContent) {
        return db.inTransaction(c -> {
            List<Object> convs = new ArrayList<>();
            for (ConversationId conversation : person.conversations()) {
                String id = conversation.value();
                List<Map<String, Object>> found = rows(c, "SELECT id, channel, created_at, updated_at, state FROM conversations WHERE id = ?", id);
                Map<String, Object> conv = found.isEmpty() ? new LinkedHashMap<>(Map.of("id", id)) : found.get(0);
                if (conv.get("state") instanceof String s) conv.put("state", parse(s));
                conv.put("transcript", rows(c, "SELECT at, direction, text FROM transcript WHERE conversation_id = ? ORDER BY id", id));
                conv.put("draft_evidence", files(c, "SELECT id, received_at, name, type, bytes, content FROM draft_evidence WHERE conversation_id = ? ORDER BY id",
                        id, withFileContent));
                convs.add(conv);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("conversations", convs);
            return out;
        });
    }

    @Override
    public void erase(Person person, Instant now, String actor) {
        db.inTransaction(c -> {
            for (ConversationId conversation : person.conversations()) delete(c, conversation.value());
            return null;
        });
    }

    private static void delete(Connection c, String id) throws SQLException {
        update(c, "DELETE FROM transcript WHERE conversation_id = ?", id);
        update(c, "DELETE FROM draft_evidence WHERE conversation_id = ?", id);
        update(c, "DELETE FROM conversations WHERE id = ?", id);
    }

    /**
     * A case due for anonymisation loses the lines of its conversation up to its closure (its intake and follow-up);
     * conversations untouched since the cutoff that hold no kept case go with their transcript and files, as do files
     * of that age whose conversation is gone.
     */
    @Override
    public Sweep sweep(Due due, boolean dryRun, Instant now, String actor) {
        return db.inTransaction(c -> {
            Set<Long> lines = new LinkedHashSet<>();
            int files = 0;
            for (ClosedCase closed : due.cases()) {
                if (closed.conversation() != null) lines.addAll(transcriptUpTo(c, closed.conversation().value(), closed.closedAt(), dryRun));
            }
            List<String> abandoned = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, updated_at FROM conversations ORDER BY id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Optional<Instant> touched = instantOrEmpty(rs.getString(2));
                    if (!due.kept().contains(ConversationId.parse(rs.getString(1))) && touched.isPresent() && touched.get().isBefore(due.untouchedBefore())) {
                        abandoned.add(rs.getString(1));
                    }
                }
            }
            for (String id : abandoned) {
                lines.addAll(longs(c, "SELECT id FROM transcript WHERE conversation_id = ?", id));
                files += count(c, "SELECT COUNT(*) FROM draft_evidence WHERE conversation_id = ?", id);
                if (!dryRun) delete(c, id);
            }
            String cutoff = Times.of(due.untouchedBefore());
            String orphanFiles = "FROM draft_evidence WHERE received_at < ? AND conversation_id NOT IN (SELECT id FROM conversations)";
            files += count(c, "SELECT COUNT(*) " + orphanFiles, cutoff);
            if (!dryRun) update(c, "DELETE " + orphanFiles, cutoff);
            return new Sweep(List.of(), abandoned.size(), lines.size(), files, 0, 0);
        });
    }

    /** The lines of a conversation up to a case's closure; deleted unless on a dry run. */
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
}
