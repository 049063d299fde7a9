package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cases export|erase|retention` and confidentiality in `cases list|report`, against a real database file. */
class PersonalDataCommandTest {
    @TempDir Path dir;

    /** Two cases: Sam's (confidential) and Jo's; returns the config file. */
    private String setUp() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(data.resolve("compact-bot.db"))) {
            ConversationStore s = new SqlConversationStore(db, "CC", Clock.systemUTC());
            s.commitTurn(new Conversation("c1", "test", Instant.now()), List.of(new ConversationStore.Line("in", "our grant was cut, Sam Patel")),
                    new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                            "sam@lunchclub.org.uk", "{\"role\":\"group\",\"what_happened\":\"grant cut\",\"consent\":\"confidential\","
                                    + "\"details\":{\"codes\":\"funding\"}}"));
            s.commitTurn(new Conversation("c2", "test", Instant.now()), List.of(new ConversationStore.Line("in", "yes")),
                    new ConversationStore.NewCase("wolverhampton", "City of Wolverhampton Council", "Bilston Group", "Jo Evans",
                            "jo@bilston.org.uk", "{\"role\":\"group\",\"consent\":\"share\",\"details\":{\"codes\":\"bme\"}}"));
        }
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\ncases: { mediators: \"" + Path.of("config/mediators.yml").toAbsolutePath() + "\" }\n");
        return cfg.toString();
    }

    @Test
    void exportWritesOneJsonDocumentAboutThePerson() throws Exception {
        String c = setUp();
        CliRun out = CliRun.run("", "--config", c, "cases", "export", "--email", "SAM@LunchClub.org.uk");
        assertEquals(0, out.exit(), out.err());
        JsonNode doc = new ObjectMapper().readTree(out.out());
        assertEquals("sam@lunchclub.org.uk", doc.get("email").asText());
        assertEquals("Sam Patel", doc.get("cases").get(0).get("complainant_name").asText());
        assertEquals("our grant was cut, Sam Patel", doc.get("conversations").get(0).get("transcript").get(0).get("text").asText());
        assertFalse(out.out().contains("Jo Evans"));

        Path file = dir.resolve("sam.json");
        CliRun toFile = CliRun.run("", "--config", c, "cases", "export", "--email", "sam@lunchclub.org.uk", "--to", file.toString(), "--with-files");
        assertEquals(0, toFile.exit(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(doc.get("cases"), new ObjectMapper().readTree(Files.readString(file)).get("cases"));

        CliRun nobody = CliRun.run("", "--config", c, "cases", "export", "--email", "nobody@example.org");
        assertEquals(0, nobody.exit());
        assertTrue(nobody.err().contains("Nothing is held about nobody@example.org."), nobody.err());
        assertEquals(0, new ObjectMapper().readTree(nobody.out()).get("cases").size());

        CliRun bad = CliRun.run("", "--config", c, "cases", "export", "--email", "not-an-address");
        assertEquals(2, bad.exit());
        assertEquals("error: 'not-an-address' is not an email address", bad.err().strip());
    }

    @Test
    void eraseShowsWhatWouldGoAndNeedsYes() throws Exception {
        String c = setUp();
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue());
        String report = CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", "csv").out();

        CliRun preview = CliRun.run("", "--config", c, "cases", "erase", "--email", "sam@lunchclub.org.uk");
        assertEquals(0, preview.exit(), preview.err());
        assertTrue(preview.out().contains("cases as complainant: 1 (CC-" + year + "-0001)"), preview.out());
        assertTrue(preview.out().contains("still open: CC-" + year + "-0001"), preview.out());
        assertTrue(preview.out().contains("Run again with --yes"), preview.out());
        assertTrue(CliRun.run("", "--config", c, "cases", "show", "CC-" + year + "-0001").out().contains("Sam Patel"), "nothing erased yet");

        CliRun erase = CliRun.run("", "--config", c, "cases", "erase", "--email", "sam@lunchclub.org.uk", "--yes");
        assertEquals(0, erase.exit(), erase.err());
        assertTrue(erase.out().startsWith("Erased for sam@lunchclub.org.uk:"), erase.out());
        CliRun show = CliRun.run("", "--config", c, "cases", "show", "CC-" + year + "-0001");
        assertFalse(show.out().contains("Sam Patel") || show.out().contains("lunchclub") || show.out().contains("grant cut"), show.out());
        assertTrue(show.out().contains("Complainant: (personal data erased)") && show.out().contains("personal data erased on request"), show.out());
        assertEquals(report, CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", "csv").out());

        CliRun again = CliRun.run("", "--config", c, "cases", "erase", "--email", "sam@lunchclub.org.uk", "--yes");
        assertEquals("Nothing is held about sam@lunchclub.org.uk.\n", again.out());
        assertTrue(CliRun.run("", "--config", c, "cases", "show", "CC-" + year + "-0002").out().contains("Jo Evans"), "Jo's case is untouched");
    }

    @Test
    void retentionDryRunSaysWhatWouldHappen() throws Exception {
        String c = setUp();
        CliRun dry = CliRun.run("", "--config", c, "cases", "retention", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("cases closed more than 6 years ago, drafts untouched for 30 days") && dry.out().contains("cases anonymised: 0")
                && dry.out().contains("Nothing has been changed."), dry.out());
        CliRun run = CliRun.run("", "--config", c, "cases", "retention");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Anonymised or deleted"), run.out());
    }

    @Test
    void aConfidentialComplainantIsNeverNamedInTheListOrTheReport() throws Exception {
        String c = setUp();
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue());
        CliRun list = CliRun.run("", "--config", c, "cases", "list");
        assertEquals(0, list.exit(), list.err());
        assertFalse(list.out().contains("Lunch Club") || list.out().contains("Sam Patel"), list.out());
        assertTrue(list.out().contains("(confidential) v Cheshire West and Chester Council"), list.out());
        assertTrue(list.out().contains("Bilston Group v City of Wolverhampton Council"), "who agreed to be named is shown: " + list.out());
        for (String format : List.of("csv", "md")) {
            String report = CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", format).out();
            for (String name : List.of("Sam Patel", "Lunch Club", "lunchclub", "Jo Evans", "Bilston", "bilston.org.uk")) {
                assertFalse(report.contains(name), format + " report names " + name + ":\n" + report);
            }
        }
        assertTrue(CliRun.run("", "--config", c, "cases", "show", "CC-" + year + "-0001").out().contains("[CONFIDENTIAL from respondent]"));
    }
}
