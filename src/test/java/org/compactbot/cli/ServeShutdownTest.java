package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real `serve` process stopped by signals, as Docker, systemd or Ctrl-C stop it. */
class ServeShutdownTest {
    @TempDir Path dir;

    private Path config(Path data) throws Exception {
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "server: { port: 0 }\ndata: { dir: \"" + data + "\" }\nknowledge: { dir: \""
                + Path.of("index-data").toAbsolutePath() + "\" }\ncases: { mediators: \"" + dir.resolve("none.yml") + "\" }\n");
        return cfg;
    }

    @Test
    void sigtermFinishesCleanlyWithTheLastTurnStoredAndNoWriteAheadLogLeft() throws Exception {
        Path data = CliRun.dataWithIndex(dir);
        try (ServeProcess serve = new ServeProcess(config(data))) {
            serve.awaitReady();
            var reply = serve.post("/api/chat/shutdown-test", "{\"text\":\"raise a challenge\"}");
            assertEquals(200, reply.statusCode(), reply.body());
            assertTrue(reply.body().contains("\"expecting\":\"area\""), reply.body());

            serve.signal("TERM");
            assertTrue(serve.process.waitFor(60, TimeUnit.SECONDS), "serve did not stop:\n" + serve.log());
            assertEquals(0, serve.process.exitValue(), serve.log());
            String log = serve.log();
            assertTrue(log.contains("shutdown: SIGTERM received"), log);
            assertTrue(log.contains("shutdown: HTTP: stopped taking requests"), log);
            assertTrue(log.contains("database checkpointed"), log);
            assertTrue(log.contains("shutdown: done"), log);
            assertFalse(log.contains("Exception"), log);
        }
        Path wal = data.resolve("compact-bot.db-wal");
        long walBytes = Files.exists(wal) ? Files.size(wal) : 0;
        assertEquals(0, walBytes, "the write-ahead log was checkpointed into the database file");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("compact-bot.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM transcript WHERE conversation_id = 'api:shutdown-test' AND text = 'raise a challenge'")) {
            assertEquals(1, rs.getInt(1), "the turn answered before SIGTERM is stored");
        }
    }

    @Test
    void aSecondSignalDuringASlowShutdownExitsAtOnce() throws Exception {
        Path data = CliRun.dataWithIndex(dir);
        try (ServeProcess serve = new ServeProcess(config(data), "-D" + ServeCommand.TEST_SHUTDOWN_DELAY + "=600000")) {
            serve.awaitReady();
            serve.signal("TERM");
            serve.awaitLog("stopping in order");
            serve.signal("INT");
            // the orderly stop would wait ten minutes; the second signal ends it now
            assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS), "serve ignored the second signal:\n" + serve.log());
            assertEquals(128 + 2, serve.process.exitValue(), serve.log());
            assertTrue(serve.log().contains("shutdown: second SIGINT, exiting now"), serve.log());
        }
    }

    @Test
    void aDamagedDatabaseStopsServeWithAMessageOnHowToRestore() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("compact-bot.db"), "this is not a database, it was overwritten by accident".repeat(100).getBytes());
        CliRun r = CliRun.run("", "--config", config(data).toString(), "serve");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("is damaged"), r.err());
        assertTrue(r.err().contains("backup --to"), r.err());
        assertTrue(r.err().contains("copy your latest backup"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("ready on"), r.err());
    }
}
