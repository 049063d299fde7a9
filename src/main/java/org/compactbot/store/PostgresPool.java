package org.compactbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL connections of one instance: a HikariCP pool, so that transactions run side by side (each borrows a
 * connection for as long as it runs), every connection set up alike (no auto-commit, READ COMMITTED). A connection
 * that breaks (SQLSTATE class 08, or closed) is taken out of the pool and the next transaction gets a new one.
 * <p>Size: twice the processors, at most 10, unless the JVM is started with {@code -Dcompactbot.store.pool-size=N}.
 */
final class PostgresPool implements AutoCloseable {
    /** The system property that sets the pool size. */
    static final String SIZE_PROPERTY = "compactbot.store.pool-size";
    private final HikariDataSource pool;

    private PostgresPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The pool size used when the system property does not say: 2 per processor, 2 to 10. */
    static int size() {
        String set = System.getProperty(SIZE_PROPERTY, "").trim();
        if (!set.isEmpty()) {
            try {
                int n = Integer.parseInt(set);
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the message
            }
            throw new IllegalArgumentException(SIZE_PROPERTY + " must be a whole number of 1 or more, not '" + set + "'");
        }
        return Math.max(2, Math.min(10, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Opens the pool with its first connection, or says why it cannot. */
    static PostgresPool open(String url, Properties props, int size) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("compact-bot");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(props);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000); // a transaction waits this long for a connection, then fails
        config.setInitializationFailTimeout(1); // start-up fails at once when the first connection cannot be made
        try {
            return new PostgresPool(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getMessage(), e);
        }
    }

    /** A connection for one transaction; closing it gives it back. */
    Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    /** The pool's connections and waiting threads now, as HikariCP counts them. */
    PoolState state() {
        HikariPoolMXBean now = pool.getHikariPoolMXBean();
        if (now == null) return new PoolState(0, 0, 0, pool.getMaximumPoolSize()); // not started, or shut down
        return new PoolState(now.getActiveConnections(), now.getIdleConnections(), now.getThreadsAwaitingConnection(),
                pool.getMaximumPoolSize());
    }

    /** Takes a broken connection out of the pool instead of giving it back. */
    void evict(Connection c) {
        pool.evictConnection(c);
    }

    @Override
    public void close() {
        pool.close();
    }
}
