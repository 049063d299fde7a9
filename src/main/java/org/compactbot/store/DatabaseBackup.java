package org.compactbot.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An online copy of the database: `VACUUM INTO` reads one consistent snapshot (WAL lets the running
 * server go on writing meanwhile) into a temporary file beside the target, the copy passes a full
 * integrity check, and only then takes the target's name.
 */
public final class DatabaseBackup {
    /** What a backup holds, for the operator to see. */
    public record Copy(Path file, long bytes, Map<String, Long> rows) {}

    private static final List<String> COUNTED = List.of("cases", "conversations", "emails");

    private DatabaseBackup() {}

    /**
     * Copies source to target.
     *
     * @throws IllegalArgumentException when target exists and replace is false, or is a directory
     * @throws IOException              when there is nothing to copy, the copy fails, or it fails its check
     */
    public static Copy copy(Path source, Path target, boolean replace) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("there is no database at " + source + " yet, so there is nothing to back up (is data.dir right?)");
        }
        if (Files.isDirectory(target)) throw new IllegalArgumentException(target + " is a directory: give the backup's file name, e.g. " + target.resolve("compact-bot-backup.db"));
        if (Files.exists(target) && !replace) {
            throw new IllegalArgumentException(target + " already exists: choose another file name, or add --force to replace it");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        Files.deleteIfExists(partial);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath())) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 10000");
                }
                try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
                    p.setString(1, partial.toString());
                    p.execute();
                }
            } catch (SQLException e) {
                throw new IOException("the backup of " + source + " failed: " + e.getMessage(), e);
            }
            Map<String, Long> rows = verify(partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Copy(target, Files.size(target), rows);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(target + " already exists: choose another file name, or add --force to replace it");
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(Path.of(partial + "-journal"));
        }
    }

    /** A full PRAGMA integrity_check of a copy, then its row counts. */
    static Map<String, Long> verify(Path copy) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
             Statement s = c.createStatement()) {
            List<String> problems = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check(5)")) {
                while (rs.next()) problems.add(rs.getString(1));
            }
            if (!problems.equals(List.of("ok"))) {
                throw new IOException("the copy failed its integrity check (" + String.join("; ", problems) + "); it was not kept");
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : COUNTED) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.put(table, rs.next() ? rs.getLong(1) : 0);
                } catch (SQLException e) {
                    rows.put(table, 0L); // an older schema without this table
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IOException("the copy could not be checked: " + e.getMessage(), e);
        }
    }
}
