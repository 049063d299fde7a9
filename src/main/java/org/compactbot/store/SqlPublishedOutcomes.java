package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.PublishedOutcome;
import org.compactbot.cases.PublishedOutcomes;

/**
 * published_outcomes: the anonymised outcome summaries mediators published, one per case (no personal data: the
 * summary was anonymised before it was kept; the undertakings are kept one a line).
 */
public final class SqlPublishedOutcomes implements PublishedOutcomes {
    private final Database db;

    public SqlPublishedOutcomes(Database db) {
        this.db = db;
    }

    @Override
    public void publish(PublishedOutcome o) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM published_outcomes WHERE ref = ?", o.ref());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO published_outcomes(ref, area, body, undertakings, outcome, month_closed, "
                    + "summary, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, o.ref());
                p.setString(2, o.area());
                p.setString(3, o.body());
                p.setString(4, String.join("\n", o.undertakings()));
                p.setString(5, o.outcome().id());
                p.setString(6, o.month());
                p.setString(7, o.summary());
                p.setString(8, o.publishedBy());
                p.setString(9, Times.of(o.publishedAt()));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean unpublish(String ref) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM published_outcomes WHERE ref = ?", ref) > 0);
    }

    @Override
    public List<PublishedOutcome> all() {
        return db.inTransaction(c -> {
            List<PublishedOutcome> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM published_outcomes ORDER BY published_at DESC, ref");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String u = rs.getString("undertakings");
                    out.add(new PublishedOutcome(rs.getString("ref"), rs.getString("area"), rs.getString("body"),
                            u == null || u.isBlank() ? List.of() : Arrays.asList(u.split("\n")),
                            CaseStatus.byId(rs.getString("outcome")).orElse(CaseStatus.RESOLVED), rs.getString("month_closed"),
                            rs.getString("summary"), rs.getString("published_by"), Sql.instant(rs.getString("published_at"))));
                }
            }
            return out;
        });
    }
}
