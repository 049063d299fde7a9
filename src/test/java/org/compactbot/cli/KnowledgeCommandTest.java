package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `knowledge gaps`: what people asked in a channel that the bot could not answer well, for the operator. */
class KnowledgeCommandTest {
    @TempDir Path dir;

    private Path config() throws Exception {
        Path data = CliRun.dataWithIndex(dir);
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\n");
        return cfg;
    }

    @Test
    void questionsPeopleAskedInChatThatWereDeclinedAreListedMostAskedFirstWithoutTheirDetails() throws Exception {
        Path cfg = config();
        assertTrue(CliRun.run("", "--config", cfg.toString(), "knowledge", "gaps").out().contains("No knowledge gaps"));

        CliRun chat = CliRun.run("who is the leader of Redcar council?\n", "--config", cfg.toString(), "chat", "--user", "a");
        assertEquals(0, chat.exit(), chat.err());
        CliRun.run("Who is the LEADER of Redcar council\n", "--config", cfg.toString(), "chat", "--user", "b");
        CliRun.run("how do I book the community room at the library? email me at sam@lunchclub.org.uk\n",
                "--config", cfg.toString(), "chat", "--user", "c");
        CliRun.run("how long should a formal consultation last?\n", "--config", cfg.toString(), "chat", "--user", "d");

        CliRun all = CliRun.run("", "--config", cfg.toString(), "knowledge", "gaps");
        assertEquals(0, all.exit(), all.err());
        String[] lines = all.out().split("\n");
        assertTrue(lines[1].matches("2\\s+2\\s+redcar-cleveland\\s+.*(?i)who is the leader of redcar council.*"), all.out());
        assertTrue(all.out().contains("book the community room"), all.out());
        assertFalse(all.out().contains("sam@lunchclub.org.uk"), "no email addresses: " + all.out());
        assertFalse(all.out().contains("formal consultation"), "a question answered with confidence is no gap: " + all.out());
        assertTrue(all.out().contains("index-data/README.md"), all.out());

        CliRun redcar = CliRun.run("", "--config", cfg.toString(), "knowledge", "gaps", "--area", "Redcar");
        assertTrue(redcar.out().toLowerCase().contains("leader"), redcar.out());
        assertFalse(redcar.out().contains("community room"), redcar.out());

        CliRun unknown = CliRun.run("", "--config", cfg.toString(), "knowledge", "gaps", "--area", "Atlantis");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Known areas"), unknown.err());

        CliRun bad = CliRun.run("", "--config", cfg.toString(), "knowledge", "gaps", "--limit", "0");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--limit"), bad.err());
    }
}
