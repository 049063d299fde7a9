package org.compactbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compactbot.cases.SurveyAnswer.Answer;
import org.compactbot.cases.Surveys;

/**
 * surveys: the closing survey of each case, when it went out, whether it was asked again, the answers and the comment
 * (personal data: {@link CaseRecords} exports it with the case and clears it when the case is anonymised).
 */
public final class SqlSurveys implements Surveys {
    private final Database db;

    public SqlSurveys(Database db) {
        this.db = db;
    }

    @Override
    public void sent(String ref, Instant at) {
        db.inTransaction(c -> {
            if (find(c, ref).isPresent()) return null;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO surveys(ref, sent_at) VALUES (?, ?)")) {
                p.setString(1, ref);
                p.setString(2, Times.of(at));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Survey> find(String ref) {
        return db.inTransaction(c -> find(c, ref));
    }

    @Override
    public void answered(String ref, Answer satisfied, Answer outcomeAsAsked, String comment, Instant at) {
        db.inTransaction(c -> {
            Survey before = find(c, ref).orElse(null);
            if (before == null) return null;
            boolean answers = satisfied != null && outcomeAsAsked != null;
            String kept = answers ? comment : before.comment() == null || before.comment().isBlank() ? comment
                    : comment == null ? before.comment() : before.comment() + "\n\n" + comment;
            try (PreparedStatement p = c.prepareStatement("UPDATE surveys SET satisfied = ?, outcome_as_asked = ?, comment = ?, "
                    + "answered_at = ? WHERE ref = ?")) {
                p.setString(1, answers ? satisfied.id() : before.satisfied() == null ? null : before.satisfied().id());
                p.setString(2, answers ? outcomeAsAsked.id() : before.outcomeAsAsked() == null ? null : before.outcomeAsAsked().id());
                p.setString(3, kept);
                p.setString(4, Times.of(at));
                p.setString(5, ref);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void reasked(String ref) {
        db.inTransaction(c -> Sql.update(c, "UPDATE surveys SET reasked = 1 WHERE ref = ?", ref));
    }

    @Override
    public List<Survey> all() {
        return db.inTransaction(c -> {
            List<Survey> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM surveys ORDER BY sent_at, ref"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(survey(rs));
            }
            return out;
        });
    }

    private static Optional<Survey> find(Connection c, String ref) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM surveys WHERE ref = ?")) {
            p.setString(1, ref);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(survey(rs)) : Optional.empty();
            }
        }
    }

    private static Survey survey(ResultSet rs) throws SQLException {
        return new Survey(rs.getString("ref"), Sql.instant(rs.getString("sent_at")), rs.getInt("reasked") != 0, answer(rs.getString("satisfied")),
                answer(rs.getString("outcome_as_asked")), rs.getString("comment"), Sql.instantOrEmpty(rs.getString("answered_at")).orElse(null));
    }

    private static Answer answer(String id) {
        return id == null ? null : Answer.valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
