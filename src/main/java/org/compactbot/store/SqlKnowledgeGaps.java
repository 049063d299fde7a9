package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compactbot.knowledge.KnowledgeGaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge gaps list in the knowledge_gaps table: one row per question (compared without case,
 * punctuation or extra spaces) and area, counting how often it was asked and declined. Recording never
 * fails a question: a database error is logged and the answer goes out.
 */
public final class SqlKnowledgeGaps implements KnowledgeGaps {
    private static final Logger LOG = LoggerFactory.getLogger(SqlKnowledgeGaps.class);
    private final Database db;
    private final Clock clock;

    public SqlKnowledgeGaps(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** "Who's the LEADER of the council??" and "who's the leader of the council" are one question. */
    static String key(String question) {
        return question.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    @Override
    public void record(Gap gap) {
        if (gap.question().isBlank()) return;
        String now = Times.of(clock.instant());
        try {
            db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement("""
                        INSERT INTO knowledge_gaps(question_key, area, question, times, declined, first_asked, last_asked)
                        VALUES (?, ?, ?, 1, ?, ?, ?)
                        ON CONFLICT (question_key, area) DO UPDATE SET times = knowledge_gaps.times + 1,
                          declined = knowledge_gaps.declined + EXCLUDED.declined, question = EXCLUDED.question,
                          last_asked = EXCLUDED.last_asked""")) {
                    p.setString(1, key(gap.question()));
                    p.setString(2, gap.area() == null ? "" : gap.area());
                    p.setString(3, gap.question());
                    p.setInt(4, gap.declined() ? 1 : 0);
                    p.setString(5, now);
                    p.setString(6, now);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record a knowledge gap: {}", e.getMessage());
        }
    }

    @Override
    public List<Listed> list(String area, int limit) {
        return db.inTransaction(c -> {
            String where = area == null ? "" : " WHERE area = ?";
            try (PreparedStatement p = c.prepareStatement("SELECT question, area, times, declined, last_asked FROM knowledge_gaps" + where
                    + " ORDER BY times DESC, declined DESC, last_asked DESC LIMIT ?")) {
                int i = 1;
                if (area != null) p.setString(i++, area);
                p.setInt(i, limit);
                List<Listed> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Listed(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2), rs.getInt(3), rs.getInt(4),
                                rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }
}
