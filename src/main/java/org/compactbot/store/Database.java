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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.compactbot.cases.AllOrNothing;

/**
 * The SQLite database under data/: WAL journal, busy timeout, full fsync on commit, schema
 * migrations applied in order at open. One connection, used by one transaction at a time:
 * SQLite has a single writer anyway, and this keeps every turn's writes atomic and ordered.
 * <p>Or, with store.url set to jdbc:postgresql://..., PostgreSQL shared by several instances: the same
 * migrations ({@link Migrations}, applied under an advisory lock so instances starting together apply
 * each once), READ COMMITTED made safe where it matters by row locks ({@code ON CONFLICT},
 * {@code FOR UPDATE}, {@code FOR UPDATE SKIP LOCKED}). There transactions run side by side, each on a
 * connection of a pool ({@link PostgresPool}); a lost connection is dropped and the next transaction gets
 * a new one.
 */
public final class Database implements AutoCloseable, AllOrNothing {
    /** PostgreSQL advisory lock keys ("CB" and a number): held while migrating, and by the instance that leads. */
    static final long MIGRATION_LOCK = 0x4342_0001L, LEADER_LOCK = 0x4342_0002L;

    /** Opens a new connection, set up for this engine. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private Connection connection; // SQLite: the one connection, used under the lock
    private final ReentrantLock lock = new ReentrantLock(true);
    private final PostgresPool pool; // PostgreSQL: a connection per transaction
    private final ThreadLocal<Connection> current = new ThreadLocal<>(); // PostgreSQL: this thread's open transaction
    private final Path file;
    private final Dialect dialect;
    private final Connector connector; // PostgreSQL: a connection outside the pool, for leadership
    private final String name;
    private volatile boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.dialect = Dialect.SQLITE;
        this.connector = null;
        this.pool = null;
        this.name = file.toString();
    }

    private Database(String name, Connector connector, PostgresPool pool) {
        this.file = null;
        this.connection = null;
        this.dialect = Dialect.POSTGRESQL;
        this.connector = connector;
        this.pool = pool;
        this.name = name;
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
            db.migrate(c);
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

    /**
     * Opens the database a JDBC URL names ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}; username and
     * password may be empty) and brings its schema up to date. Any other URL is refused with a message saying why.
     */
    public static Database open(String url, String username, String password) throws IOException {
        Dialect dialect;
        try {
            dialect = Dialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("store.url: " + e.getMessage());
        }
        if (dialect == Dialect.SQLITE) return open(Path.of(url.substring("jdbc:sqlite:".length())));
        String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) : url; // parameters may hold a password
        Properties props = new Properties();
        if (!username.isBlank()) props.setProperty("user", username);
        if (!password.isEmpty()) props.setProperty("password", password);
        props.setProperty("ApplicationName", "compact-bot");
        props.setProperty("connectTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        Connector connector = () -> DriverManager.getConnection(url, props); // for leadership, outside the pool
        PostgresPool pool = null;
        try {
            pool = PostgresPool.open(url, props, PostgresPool.size());
            Database db = new Database(shown, connector, pool);
            try (Connection c = pool.borrow()) {
                db.migrate(c);
            }
            return db;
        } catch (SQLException | IllegalArgumentException e) {
            if (pool != null) pool.close();
            throw new IOException("cannot open the database " + shown + ": " + e.getMessage(), e);
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

    private void migrate(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            for (int v = version; v < Migrations.ALL.size(); v++) {
                for (String sql : Migrations.ALL.get(v).statements(dialect)) s.execute(sql);
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
        return Migrations.splitStatements(sql);
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work in a transaction: all of it is committed, or none of it. Called inside another transaction of this
     * database on the same thread (work spanning stores, see {@link #allOrNothing}), it takes part in that one.
     */
    public <T> T inTransaction(Work<T> work) {
        if (pool != null) return pooled(work);
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) return joined(connection, work);
            Connection c;
            try {
                c = connection();
            } catch (SQLException e) {
                throw new StoreException("database " + name + " unreachable: " + e.getMessage(), e);
            }
            return committed(c, work);
        } finally {
            lock.unlock();
        }
    }

    /** PostgreSQL: a connection borrowed for this transaction (or the one this thread's open transaction holds). */
    private <T> T pooled(Work<T> work) {
        Connection outer = current.get();
        if (outer != null) return joined(outer, work);
        Connection c;
        try {
            if (closed) throw new SQLException("the database is closed");
            c = pool.borrow();
        } catch (SQLException e) {
            throw new StoreException("database " + name + " unreachable: " + e.getMessage(), e);
        }
        current.set(c);
        try {
            return committed(c, work);
        } finally {
            current.remove();
            try {
                c.close(); // back to the pool, or gone if it was evicted
            } catch (SQLException ignored) {
                // a broken connection is the pool's to replace
            }
        }
    }

    /** Runs the work on c and commits; on failure rolls back, drops c if it was lost, and throws. */
    private <T> T committed(Connection c, Work<T> work) {
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException thrown) {
            Exception e = thrown instanceof Joined j ? j.sql : thrown;
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            if (e instanceof SQLException se) dropIfLost(c, se);
            if (e instanceof RuntimeException re) throw re;
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Work inside a transaction already open on this thread: no commit of its own; an SQL failure ends the outer one. */
    private static <T> T joined(Connection c, Work<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new Joined(e);
        }
    }

    /** An SQL failure inside a joined transaction, carried out to the transaction that began it. */
    private static final class Joined extends RuntimeException {
        final SQLException sql;

        Joined(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    /** Work spanning stores in one transaction: their own transactions take part in it. */
    @Override
    public <T> T allOrNothing(Supplier<T> work) {
        return inTransaction(c -> work.get());
    }

    /** SQLite's open connection. */
    private Connection connection() throws SQLException {
        if (closed) throw new SQLException("the database is closed");
        return connection;
    }

    /** Evicts a PostgreSQL connection that broke (SQLSTATE class 08, or closed) from the pool, so no transaction gets it again. */
    private void dropIfLost(Connection c, SQLException e) {
        if (pool == null) return;
        boolean lost = e.getSQLState() != null && e.getSQLState().startsWith("08");
        try {
            lost = lost || c.isClosed();
        } catch (SQLException ignored) {
            lost = true;
        }
        if (lost) pool.evict(c);
    }

    /** The connection pool's state now: PostgreSQL only (SQLite has one connection and no pool). */
    public Optional<PoolState> pool() {
        return pool == null ? Optional.empty() : Optional.of(pool.state());
    }

    /** Which engine this is. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Who runs the jobs only one instance may run: on SQLite always this instance; on PostgreSQL the instance holding
     * an advisory lock, on a connection of its own (the lock goes when that instance stops or loses its connection).
     */
    public Leadership leadership() {
        if (connector == null) return Leadership.sole();
        return new AdvisoryLockLeadership(() -> {
            Connection c = connector.open();
            c.setAutoCommit(true);
            return c;
        }, LEADER_LOCK);
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    /** The file, or the URL without its parameters, for messages. */
    public String name() {
        return name;
    }

    /**
     * Writes every committed change in the write-ahead log back into the database file and empties
     * the log. Returns false when a reader in another process kept part of it (nothing is lost:
     * the log is kept and replayed on the next open).
     */
    public boolean checkpoint() {
        if (dialect != Dialect.SQLITE) return true; // PostgreSQL writes its own log back
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

    /**
     * The readiness probe: "ok" when the database takes a write transaction now (a delete that matches no row, so
     * nothing changes), "failing: why" otherwise.
     */
    public String readiness() {
        try {
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM slack_events WHERE event_id = 'readiness-probe'");
                }
                return null;
            });
            return "ok";
        } catch (RuntimeException e) {
            return "failing: " + e.getMessage();
        }
    }

    /** Checkpoints the write-ahead log into the database file, then closes: the file alone is then complete. */
    @Override
    public void close() {
        if (pool != null) {
            closed = true;
            pool.close(); // a transaction still running fails, as it would with the server gone
            return;
        }
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            if (connection == null || connection.isClosed()) return;
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
