package org.compactbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite database under data/: WAL journal, busy timeout, full fsync on commit, schema
 * migrations applied in order at open. One connection, used by one transaction at a time:
 * SQLite has a single writer anyway, and this keeps every turn's writes atomic and ordered.
 */
public final class Database implements AutoCloseable {
    /** Schema migrations, in order; never edit one that has shipped, add a new one. */
    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE conversations (
              id TEXT PRIMARY KEY,
              channel TEXT NOT NULL,
              state TEXT NOT NULL,
              flow_version INTEGER NOT NULL,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL
            );
            CREATE TABLE transcript (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              conversation_id TEXT NOT NULL,
              at TEXT NOT NULL,
              direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
              text TEXT NOT NULL
            );
            CREATE INDEX transcript_by_conversation ON transcript(conversation_id, id);
            CREATE TABLE case_sequence (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
            CREATE TABLE cases (
              ref TEXT PRIMARY KEY,
              year INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              status TEXT NOT NULL,
              area TEXT NOT NULL,
              respondent TEXT NOT NULL,
              organisation TEXT NOT NULL,
              complainant_name TEXT NOT NULL,
              complainant_email TEXT NOT NULL,
              conversation_id TEXT,
              details TEXT NOT NULL,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              UNIQUE (year, seq)
            );
            CREATE TABLE case_events (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              case_ref TEXT NOT NULL REFERENCES cases(ref),
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              from_status TEXT,
              to_status TEXT NOT NULL,
              note TEXT NOT NULL
            );
            CREATE TRIGGER case_events_append_only_u BEFORE UPDATE ON case_events
              BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TRIGGER case_events_append_only_d BEFORE DELETE ON case_events
              BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TABLE outbox (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              case_ref TEXT,
              payload TEXT NOT NULL,
              created_at TEXT NOT NULL,
              done_at TEXT
            );
            """,
            """
            ALTER TABLE cases ADD COLUMN mediator_id TEXT;
            ALTER TABLE cases ADD COLUMN routing_reason TEXT;
            ALTER TABLE cases ADD COLUMN assigned_at TEXT;
            ALTER TABLE cases ADD COLUMN acknowledged_at TEXT;
            ALTER TABLE cases ADD COLUMN accepted_at TEXT;
            ALTER TABLE cases ADD COLUMN closed_at TEXT;
            ALTER TABLE cases ADD COLUMN outcome TEXT;
            CREATE TABLE case_timers (
              case_ref TEXT NOT NULL REFERENCES cases(ref),
              timer TEXT NOT NULL,
              fired_at TEXT NOT NULL,
              PRIMARY KEY (case_ref, timer)
            );
            CREATE TABLE emails (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              case_ref TEXT,
              purpose TEXT NOT NULL,
              message_id TEXT NOT NULL UNIQUE,
              recipient TEXT NOT NULL,
              payload TEXT NOT NULL,
              created_at TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              next_attempt_at TEXT NOT NULL,
              last_error TEXT,
              sent_at TEXT
            );
            CREATE INDEX emails_due ON emails(sent_at, next_attempt_at);
            """,
            """
            CREATE TABLE slack_events (
              event_id TEXT PRIMARY KEY,
              received_at TEXT NOT NULL
            );
            CREATE TABLE inbound_messages (
              message_key TEXT PRIMARY KEY,
              received_at TEXT NOT NULL,
              sender TEXT NOT NULL,
              processed_at TEXT,
              outcome TEXT
            );
            """,
            """
            CREATE TABLE evidence (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              case_ref TEXT NOT NULL REFERENCES cases(ref),
              received_at TEXT NOT NULL,
              name TEXT NOT NULL,
              type TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              content BLOB NOT NULL
            );
            """,
            """
            CREATE TABLE draft_evidence (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              conversation_id TEXT NOT NULL,
              received_at TEXT NOT NULL,
              name TEXT NOT NULL,
              type TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              content BLOB NOT NULL
            );
            CREATE INDEX draft_evidence_by_conversation ON draft_evidence(conversation_id);
            """);

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Path file;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file, checks it is not damaged, and brings its schema up to date. */
    public static Database open(Path file) throws IOException {
        Connection c = null;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Database db = new Database(file, c);
            db.checkIntegrity();
            db.migrate();
            return db;
        } catch (SQLException e) {
            closeQuietly(c);
            if (isDamage(e)) throw new DamagedDatabaseException(file, e.getMessage());
            throw new IOException("cannot open the database " + file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** SQLite's answers for a file that is not a database or whose pages are broken. */
    static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 11 /* SQLITE_CORRUPT */ || primary == 26 /* SQLITE_NOTADB */;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing: the first problem is the one to report
        }
    }

    /** PRAGMA quick_check: the b-tree structure and record format of every page (not index contents). */
    private void checkIntegrity() throws SQLException, IOException {
        List<String> problems = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) problems.add(rs.getString(1));
        }
        if (!problems.equals(List.of("ok"))) {
            throw new DamagedDatabaseException(file, problems.isEmpty() ? "no answer" : String.join("; ", problems));
        }
    }

    private void migrate() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            for (int v = version; v < MIGRATIONS.size(); v++) {
                for (String sql : splitStatements(MIGRATIONS.get(v))) s.execute(sql);
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO schema_version(version) VALUES (?)")) {
                    p.setInt(1, v + 1);
                    p.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Splits a migration into statements, keeping trigger bodies (BEGIN ... END;) whole. */
    static List<String> splitStatements(String sql) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\n")) {
            cur.append(line).append('\n');
            String t = line.strip().toUpperCase();
            if (t.startsWith("CREATE TRIGGER")) inTrigger = true;
            if (t.endsWith(";") && (!inTrigger || t.endsWith("END;"))) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                inTrigger = false;
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in a transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the original failure is what matters
                }
                if (e instanceof RuntimeException re) throw re;
                throw new StoreException("database error: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Writes every committed change in the write-ahead log back into the database file and empties
     * the log. Returns false when a reader in another process kept part of it (nothing is lost:
     * the log is kept and replayed on the next open).
     */
    public boolean checkpoint() {
        lock.lock();
        try {
            connection.commit(); // nothing is pending between transactions; this ends the driver's open BEGIN
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                return rs.next() && rs.getInt(1) == 0;
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("WAL checkpoint failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Checkpoints the write-ahead log into the database file, then closes: the file alone is then complete. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (connection.isClosed()) return;
            try {
                checkpoint();
            } catch (RuntimeException ignored) {
                // still close: SQLite replays the log on the next open
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing on the way out
        } finally {
            lock.unlock();
        }
    }
}
