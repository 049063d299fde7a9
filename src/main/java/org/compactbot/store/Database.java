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
            """,
            // 6: UK GDPR. A case's personal data can be erased (anonymised_at records when); case_events stays
            // append-only except for one controlled change: a note cut to a prefix of itself followed by [redacted].
            """
            ALTER TABLE cases ADD COLUMN anonymised_at TEXT;
            DROP TRIGGER case_events_append_only_u;
            CREATE TRIGGER case_events_append_only_u BEFORE UPDATE ON case_events
              WHEN NOT (NEW.id = OLD.id AND NEW.case_ref = OLD.case_ref AND NEW.at = OLD.at AND NEW.actor = OLD.actor
                AND COALESCE(NEW.from_status, '') = COALESCE(OLD.from_status, '') AND NEW.to_status = OLD.to_status
                AND NEW.note <> OLD.note AND length(NEW.note) >= 10
                AND substr(NEW.note, length(NEW.note) - 9, 10) = '[redacted]'
                AND substr(OLD.note, 1, length(NEW.note) - 10) = substr(NEW.note, 1, length(NEW.note) - 10))
              BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            """);

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Path file;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) throws IOException {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
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
            throw new IOException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkIntegrity() throws SQLException, IOException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) throw new IOException("the database " + file + " failed its integrity check: " + result
                    + " (restore it from a backup)");
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

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on the way out
        } finally {
            lock.unlock();
        }
    }
}
