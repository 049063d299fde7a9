package org.compactbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL for the bench: a new cluster in the bench's temporary folder, started with the server's own
 * {@code initdb} and {@code pg_ctl} (found on PATH) on a free loopback port, and stopped at the end. PostgreSQL refuses
 * to run as root, so there (or with no server installed) the bench says why it skips the PostgreSQL figures.
 */
final class BenchPostgres implements AutoCloseable {
    private final Path cluster;
    private final Path pgCtl;
    private final int port;

    private BenchPostgres(Path cluster, Path pgCtl, int port) {
        this.cluster = cluster;
        this.pgCtl = pgCtl;
        this.port = port;
    }

    /** Why no PostgreSQL can be started here, or null when one can. */
    static String whyNot() {
        if ("root".equals(System.getProperty("user.name"))) return "PostgreSQL cannot start as root";
        if (onPath("initdb") == null || onPath("pg_ctl") == null) return "no PostgreSQL server (initdb, pg_ctl) on PATH";
        return null;
    }

    /** Starts a new cluster under {@code dir}. */
    static BenchPostgres start(Path dir) throws IOException, InterruptedException {
        Path cluster = dir.resolve("pg");
        run(dir, onPath("initdb").toString(), "-D", cluster.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        int port = BenchCommand.freePort();
        run(dir, onPath("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-l", dir.resolve("pg.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -k " + cluster, "start");
        return new BenchPostgres(cluster, onPath("pg_ctl"), port);
    }

    /** The JDBC URL of a new, empty database on it. */
    String newDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(cluster.getParent(), pgCtl.toString(), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
    }

    private static Path onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("pg-command.log");
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish in 2 minutes");
        }
        if (p.exitValue() != 0) throw new IOException(command[0] + " failed: " + Files.readString(log).strip());
    }
}
