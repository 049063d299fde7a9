package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, checking and closing the SQLite file. */
class DatabaseTest {
    @TempDir Path dir;

    static void addConversations(Database db, int from, int count) {
        db.inTransaction(c -> {
            try (var conv = c.prepareStatement("INSERT INTO conversations(id, channel, state, flow_version, created_at, updated_at) VALUES (?, 'api', '{}', 1, 'now', 'now')");
                 var line = c.prepareStatement("INSERT INTO transcript(conversation_id, at, direction, text) VALUES (?, 'now', ?, ?)")) {
                for (int i = from; i < from + count; i++) {
                    conv.setString(1, "c" + i);
                    conv.executeUpdate();
                    for (String dirn : new String[] {"in", "out"}) {
                        line.setString(1, "c" + i);
                        line.setString(2, dirn);
                        line.setString(3, ("turn " + i + " ").repeat(20));
                        line.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Test
    void closeLeavesTheWholeDatabaseInItsFileWithAnEmptyWriteAheadLog() throws Exception {
        Path file = dir.resolve("compact-bot.db");
        try (Database db = Database.open(file)) {
            addConversations(db, 0, 50);
            assertTrue(Files.size(Path.of(file + "-wal")) > 0, "writes go to the log first");
        }
        Path wal = Path.of(file + "-wal");
        assertTrue(!Files.exists(wal) || Files.size(wal) == 0);
        try (Database again = Database.open(file)) {
            assertEquals(50, (int) again.<Integer>inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM conversations")) {
                    return rs.getInt(1);
                }
            }));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsDamagedWithHowToRestore() throws Exception {
        Path file = dir.resolve("compact-bot.db");
        Files.writeString(file, "not a database ".repeat(500));
        DamagedDatabaseException e = assertThrows(DamagedDatabaseException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("backup --to FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("copy your latest backup"), e.getMessage());
    }

    @Test
    void brokenPagesFailTheIntegrityCheckAtOpen() throws Exception {
        Path file = dir.resolve("compact-bot.db");
        try (Database db = Database.open(file)) {
            addConversations(db, 0, 2000);
        }
        long pages = Files.size(file) / 4096;
        assertTrue(pages > 20, "enough pages to damage some in the middle: " + pages);
        Random random = new Random(7);
        byte[] garbage = new byte[4096];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page = pages / 2; page < pages / 2 + 4; page++) {
                random.nextBytes(garbage);
                raf.seek(page * 4096);
                raf.write(garbage);
            }
        }
        DamagedDatabaseException e = assertThrows(DamagedDatabaseException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
    }
}
