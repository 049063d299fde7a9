package org.compactbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.compactbot.cases.EvidenceFiles;

/** The evidence table's files read back whole, in the order {@link SqlCaseStore#evidence} lists them (by id). */
public final class SqlEvidenceFiles implements EvidenceFiles {
    private final Database db;

    public SqlEvidenceFiles(Database db) {
        this.db = db;
    }

    @Override
    public Optional<StoredFile> file(String ref, int n) {
        if (n < 1) return Optional.empty();
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name, type, content FROM evidence WHERE case_ref = ? ORDER BY id LIMIT 1 OFFSET ?")) {
                p.setString(1, ref);
                p.setInt(2, n - 1);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.<StoredFile>empty();
                    return Optional.of(new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        });
    }
}
