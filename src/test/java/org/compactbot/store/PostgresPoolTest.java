package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One instance on PostgreSQL (embedded; skipped as root): its transactions run side by side on pooled connections. */
class PostgresPoolTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Database db;
    private String url;

    private Database open() throws Exception {
        url = TestPostgres.newDatabase();
        db = Database.open(url, "", "");
        return db;
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        if (db != null) db.close();
    }

    private static void insert(Connection c, String eventId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO slack_events(event_id, received_at) VALUES (?, '2026-01-01T00:00:00Z')")) {
            p.setString(1, eventId);
            p.executeUpdate();
        }
    }

    private static int count(Connection c, String eventId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM slack_events WHERE event_id = ?")) {
            p.setString(1, eventId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void aTransactionCommitsWhileAnotherOfTheSameInstanceIsStillOpen() throws Exception {
        Database db = open();
        SqlSlackEventLog events = new SqlSlackEventLog(db, Clock.systemUTC());
        CountDownLatch slowIsOpen = new CountDownLatch(1), quickCommitted = new CountDownLatch(1);
        Future<Boolean> slow = threads.submit(() -> db.inTransaction(c -> {
            insert(c, "slow");
            slowIsOpen.countDown();
            try {
                return quickCommitted.await(10, TimeUnit.SECONDS); // held open until the other has committed
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(slowIsOpen.await(10, TimeUnit.SECONDS));
        Future<Boolean> quick = threads.submit(() -> {
            boolean first = events.firstTime("quick");
            quickCommitted.countDown();
            return first;
        });
        assertTrue(quick.get(10, TimeUnit.SECONDS), "the second transaction ran and committed");
        assertTrue(slow.get(15, TimeUnit.SECONDS), "it committed while the first was still open, not after it");
        assertFalse(events.firstTime("slow"), "the first committed too");
        assertFalse(events.firstTime("quick"));
    }

    @Test
    void aTransactionInsideAnotherOnTheSameThreadJoinsItAndFailsWithIt() throws Exception {
        Database db = open();
        int[] seenInside = new int[1];
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            insert(c, "outer");
            db.inTransaction(inner -> {
                seenInside[0] = count(inner, "outer"); // uncommitted: visible only on the same connection
                insert(inner, "inner");
                return null;
            });
            throw new IllegalStateException("the outer work fails after the inner one returned");
        }));
        assertEquals(1, seenInside[0], "the inner transaction saw the outer one's uncommitted row");
        assertEquals(0, (int) db.<Integer>inTransaction(c -> count(c, "outer") + count(c, "inner")), "both were rolled back together");
    }

    @Test
    void aConnectionLostInFlightFailsThatTransactionAndTheNextRunsOnANewOne() throws Exception {
        Database db = open();
        SqlSlackEventLog events = new SqlSlackEventLog(db, Clock.systemUTC());
        assertThrows(StoreException.class, () -> db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                try (Connection admin = DriverManager.getConnection(url);
                     PreparedStatement p = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
                    p.setInt(1, rs.getInt(1));
                    p.execute();
                }
            }
            insert(c, "lost");
            return null;
        }), "the transaction in flight fails");
        assertTrue(events.firstTime("lost"), "nothing of it was kept, and the next transaction runs");
        assertFalse(events.firstTime("lost"));
        assertEquals("ok", db.readiness());
    }

    @Test
    void aClosedDatabaseIsNotReady() throws Exception {
        Database db = open();
        assertEquals("ok", db.readiness());
        db.close();
        assertTrue(db.readiness().startsWith("failing: "), db.readiness());
    }

    @Test
    void thePoolStateCountsConnectionsLentAndTheThreadsWaitingForOne() throws Exception {
        String size = System.getProperty(PostgresPool.SIZE_PROPERTY);
        System.setProperty(PostgresPool.SIZE_PROPERTY, "1");
        try {
            Database db = open();
            assertEquals(new PoolState(0, 1, 0, 1), db.pool().orElseThrow(), "one connection, open and idle");
            CountDownLatch holding = new CountDownLatch(1), release = new CountDownLatch(1);
            Future<Boolean> holder = threads.submit(() -> db.inTransaction(c -> {
                holding.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            Future<Boolean> waiter = threads.submit(() -> new SqlSlackEventLog(db, Clock.systemUTC()).firstTime("waits"));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (db.pool().orElseThrow().waiting() == 0 && System.nanoTime() < until) Thread.sleep(10);
            assertEquals(new PoolState(1, 0, 1, 1), db.pool().orElseThrow(), "the one connection lent, and a thread waiting for it");
            release.countDown();
            assertTrue(holder.get(10, TimeUnit.SECONDS));
            assertTrue(waiter.get(10, TimeUnit.SECONDS), "the waiting thread got the connection when it came back");
            assertEquals(new PoolState(0, 1, 0, 1), db.pool().orElseThrow());
        } finally {
            if (size == null) System.clearProperty(PostgresPool.SIZE_PROPERTY);
            else System.setProperty(PostgresPool.SIZE_PROPERTY, size);
        }
    }

    @Test
    void thePoolSizeComesFromTheSystemPropertyOrTheProcessors() {
        String before = System.getProperty(PostgresPool.SIZE_PROPERTY);
        try {
            System.clearProperty(PostgresPool.SIZE_PROPERTY);
            int cores = Runtime.getRuntime().availableProcessors();
            assertEquals(Math.max(2, Math.min(10, 2 * cores)), PostgresPool.size());
            System.setProperty(PostgresPool.SIZE_PROPERTY, "3");
            assertEquals(3, PostgresPool.size());
            System.setProperty(PostgresPool.SIZE_PROPERTY, "0");
            assertThrows(IllegalArgumentException.class, PostgresPool::size);
        } finally {
            if (before == null) System.clearProperty(PostgresPool.SIZE_PROPERTY);
            else System.setProperty(PostgresPool.SIZE_PROPERTY, before);
        }
    }
}
