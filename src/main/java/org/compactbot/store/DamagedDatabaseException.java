package org.compactbot.store;

import java.io.IOException;
import java.nio.file.Path;

/** The database file is not a database or failed its integrity check: the message says how to restore it. */
public final class DamagedDatabaseException extends IOException {
    public DamagedDatabaseException(Path file, String detail) {
        super(message(file, detail));
    }

    private static String message(Path file, String detail) {
        String name = file.getFileName().toString();
        return "the database " + file + " is damaged (" + detail + "), so compact-bot will not start on it. To restore: "
                + "stop compact-bot; move " + name + " (and " + name + "-wal and " + name + "-shm, if present) out of "
                + (file.getParent() == null ? "the data directory" : file.getParent().toString())
                + "; copy your latest backup (made with `compact-bot backup --to FILE`) to " + file
                + "; start again. Changes made after that backup are lost.";
    }
}
