package org.compactbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership through a PostgreSQL session advisory lock ({@code pg_try_advisory_lock}) on a connection
 * of its own: held until this instance gives it up, stops, or loses that connection; then the next
 * instance to ask takes it.
 */
final class AdvisoryLockLeadership implements Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockLeadership.class);
    private final Database.Connector connector;
    private final long key;
    private Connection connection;
    private boolean held;

    AdvisoryLockLeadership(Database.Connector connector, long key) {
        this.connector = connector;
        this.key = key;
    }

    @Override
    public synchronized boolean holds() {
        try {
            if (connection != null && !connection.isValid(5)) {
                if (held) LOG.warn("lost the connection that held the lead; another instance may take it over");
                drop();
            }
            if (connection == null) connection = connector.open();
            if (!held) {
                try (PreparedStatement p = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    p.setLong(1, key);
                    try (ResultSet rs = p.executeQuery()) {
                        held = rs.next() && rs.getBoolean(1);
                    }
                }
                // the lock belongs to the session, not the transaction: end it, so the connection is not left
                // idle in a transaction (which servers may cut off with idle_in_transaction_session_timeout)
                if (!connection.getAutoCommit()) connection.commit();
            }
            return held;
        } catch (SQLException e) {
            LOG.warn("cannot ask the database who leads ({}); not leading until it answers", e.getMessage());
            drop();
            return false;
        }
    }

    private void drop() {
        held = false;
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone already
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        if (held && connection != null) {
            try (PreparedStatement p = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                p.setLong(1, key);
                p.execute();
            } catch (SQLException ignored) {
                // closing the connection below releases it anyway
            }
        }
        drop();
    }
}
