package org.compactbot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The stores on a SQLite file. */
class SqliteStoreTest extends StoreBehaviour {
    @TempDir Path dir;

    @Override
    String newDatabase() {
        return "jdbc:sqlite:" + dir.resolve("compact-bot.db");
    }
}
