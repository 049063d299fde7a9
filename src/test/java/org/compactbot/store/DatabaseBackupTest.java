package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An online backup taken while the database is being written. */
class DatabaseBackupTest {
    @TempDir Path dir;

    @Test
    void copyTakenDuringWritesIsCompleteAndConsistent() throws Exception {
        Path file = dir.resolve("compact-bot.db");
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        DatabaseBackup.Copy copy;
        try (Database db = Database.open(file)) {
            DatabaseTest.addConversations(db, 0, 200);
            written.set(200);
            // every transaction adds a conversation and its two transcript lines together
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    DatabaseTest.addConversations(db, written.get(), 1);
                    written.incrementAndGet(); // counts committed transactions only
                }
            });
            writer.start();
            while (written.get() < 300) Thread.sleep(5);
            copy = DatabaseBackup.copy(file, dir.resolve("backups/copy.db"), false);
            int atCopy = written.get();
            while (written.get() < atCopy + 50) Thread.sleep(5); // the writer was never blocked for long
            stop.set(true);
            writer.join();
        }
        assertTrue(Files.size(copy.file()) > 0);
        assertEquals(Files.size(copy.file()), copy.bytes());
        long conversations = copy.rows().get("conversations");
        assertTrue(conversations >= 300, "the copy holds what was committed before it: " + conversations);
        assertTrue(conversations < written.get(), "writes went on after the copy's snapshot");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.file());
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT (SELECT COUNT(*) FROM transcript), (SELECT COUNT(*) FROM conversations),
                            (SELECT COUNT(*) FROM conversations c WHERE (SELECT COUNT(*) FROM transcript t WHERE t.conversation_id = c.id) <> 2)""")) {
            assertEquals(2 * rs.getLong(2), rs.getLong(1), "no transaction is half in the copy");
            assertEquals(0, rs.getLong(3));
        }
        try (Database opened = Database.open(copy.file())) {
            assertEquals(conversations, (long) opened.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM conversations")) {
                    return rs.getLong(1);
                }
            }), "the copy opens as the live database would, integrity check included");
        }
        try (var files = Files.list(dir.resolve("backups"))) {
            assertEquals(java.util.List.of("copy.db"), files.map(p -> p.getFileName().toString()).toList(), "no partial file left");
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAskedTo() throws Exception {
        Path file = dir.resolve("compact-bot.db");
        try (Database db = Database.open(file)) {
            DatabaseTest.addConversations(db, 0, 3);
        }
        Path target = dir.resolve("keep.db");
        Files.writeString(target, "an older backup");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseBackup.copy(file, target, false));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("an older backup", Files.readString(target));
        assertEquals(3L, DatabaseBackup.copy(file, target, true).rows().get("conversations"));
    }

    @Test
    void noDatabaseYetIsSaidPlainly() {
        var e = assertThrows(java.io.IOException.class, () -> DatabaseBackup.copy(dir.resolve("missing.db"), dir.resolve("b.db"), false));
        assertTrue(e.getMessage().contains("nothing to back up"), e.getMessage());
    }
}
