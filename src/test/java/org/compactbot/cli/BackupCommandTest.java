package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `backup --to FILE` as an operator uses it. */
class BackupCommandTest {
    @TempDir Path dir;

    @Test
    void backsUpWhatAConversationStoredAndRefusesToOverwriteWithoutForce() throws Exception {
        Path data = CliRun.dataWithIndex(dir);
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\nknowledge: { dir: \"" + Path.of("index-data").toAbsolutePath() + "\" }\n");
        assertEquals(0, CliRun.run("raise a challenge\nRedcar\n", "--config", cfg.toString(), "chat", "--json", "--user", "b").exit());

        Path target = dir.resolve("backups/nightly.db");
        CliRun r = CliRun.run("", "--config", cfg.toString(), "backup", "--to", target.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("backed up"), r.out());
        assertTrue(r.out().contains(target.toString()), r.out());
        assertTrue(r.out().contains("integrity check ok"), r.out());
        assertTrue(r.out().contains("1 conversations"), r.out());
        long size = Files.size(target);

        CliRun again = CliRun.run("", "--config", cfg.toString(), "backup", "--to", target.toString());
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again.err());
        assertEquals(size, Files.size(target));

        assertEquals(0, CliRun.run("", "--config", cfg.toString(), "backup", "--to", target.toString(), "--force").exit());
    }

    @Test
    void withNoDatabaseYetItSaysThereIsNothingToBackUp() throws Exception {
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + dir.resolve("empty") + "\" }\n");
        CliRun r = CliRun.run("", "--config", cfg.toString(), "backup", "--to", dir.resolve("b.db").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nothing to back up"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
