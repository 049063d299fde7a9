package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.compactbot.cases.SurveyAnswer.Answer;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlPublishedOutcomes;
import org.compactbot.store.SqlSurveys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing well from the command line: `cases close` sends the survey, `cases report` counts its answers, `cases publish|unpublish`. */
class ClosingCommandsTest {
    @TempDir Path dir;
    private final String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue());
    private final String ref = "CC-" + year + "-0001";

    private String config(boolean confidential) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(data.resolve("compact-bot.db"))) {
            new SqlConversationStore(db, "CC", Clock.systemUTC()).commitTurn(new Conversation("c1", "test", Instant.now()),
                    List.of(new ConversationStore.Line("in", "yes")), new ConversationStore.NewCase("west-cheshire",
                            "Cheshire West and Chester Council", "Lunch Club", "Sam Patel", "sam@lunchclub.org.uk",
                            "{\"consent\":\"" + (confidential ? "confidential" : "share") + "\",\"what_happened\":\"grant cut\","
                                    + "\"undertakings\":\"West Cheshire Compact › Funding › Public sector undertaking 3\",\"details\":{\"codes\":\"funding\"}}"));
        }
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\ncases: { mediators: \"" + Path.of("config/mediators.yml").toAbsolutePath() + "\" }\n");
        return cfg.toString();
    }

    @Test
    void closingSendsTheSurveyOnceAndTheReportCountsTheAnswers() throws Exception {
        String c = config(false);
        CliRun close = CliRun.run("", "--config", c, "cases", "close", ref, "--outcome", "closed_unresolved", "--note", "no agreement");
        assertEquals(0, close.exit(), close.err());
        Path notice = Files.list(dir.resolve("data/outbox")).filter(p -> p.toString().endsWith("closed_notice.eml")).findFirst().orElseThrow();
        String eml = Files.readString(notice).replace("=\r\n", "").replace("=\n", "");
        assertTrue(eml.contains("Were you satisfied with how your challenge was handled?") && eml.contains("Ombudsman"), eml);
        try (Database db = Database.open(dir.resolve("data/compact-bot.db"))) {
            new SqlSurveys(db).answered(ref, Answer.PARTLY, Answer.NO, "Sam Patel thought it was slow", Instant.now());
        }
        CliRun show = CliRun.run("", "--config", c, "cases", "show", ref);
        assertTrue(show.out().contains("Survey:      sent ") && show.out().contains("; satisfied: partly, outcome as asked: no; comment: Sam Patel thought it was slow"),
                show.out());
        CliRun csv = CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        for (String row : List.of("survey,sent,1", "survey,answered,1", "survey_satisfied,partly,1", "survey_satisfied,yes,0",
                "survey_outcome_as_asked,no,1")) assertTrue(csv.out().contains(row + "\n"), row + " in " + csv.out());
        assertFalse(csv.out().contains("Sam Patel"), "the comment stays out of the report");
        CliRun md = CliRun.run("", "--config", c, "cases", "report", "--year", year);
        assertTrue(md.out().contains("## Closing survey") && md.out().contains("1 surveys sent, 1 answered.") && md.out().contains("| partly | 1 | 0 |"), md.out());
    }

    @Test
    void publishShowsExactlyWhatWasPublishedWithTheComplainantWithheld() throws Exception {
        String c = config(true);
        CliRun early = CliRun.run("", "--config", c, "cases", "publish", ref, "The council restored the grant.");
        assertEquals(2, early.exit());
        assertTrue(early.err().contains("only once the case is closed"), early.err());
        assertEquals(0, CliRun.run("", "--config", c, "cases", "assign", ref, "m-funding").exit());
        CliRun closed = CliRun.run("", "--config", c, "cases", "close", ref, "--outcome", "resolved", "--note", "grant restored");
        assertEquals(0, closed.exit(), closed.err() + closed.out());

        CliRun pub = CliRun.run("", "--config", c, "cases", "publish", ref.toLowerCase(),
                "Sam Patel of Lunch Club (sam@lunchclub.org.uk) challenged 27 days' notice of a grant cut; the council restored the grant.");
        assertEquals(0, pub.exit(), pub.err());
        assertTrue(pub.out().contains("Published the outcome of " + ref), pub.out());
        assertTrue(pub.out().contains("West Cheshire, Cheshire West and Chester Council; undertakings: West Cheshire Compact › Funding › Public sector undertaking 3; resolved"),
                pub.out());
        assertTrue(pub.out().contains("(withheld) of (withheld) ((withheld)) challenged 27 days' notice"), pub.out());
        for (String secret : List.of("Sam", "Patel", "Lunch Club", "lunchclub")) assertFalse(pub.out().contains(secret), secret + " in " + pub.out());
        try (Database db = Database.open(dir.resolve("data/compact-bot.db"))) {
            String kept = new SqlPublishedOutcomes(db).all().get(0).summary();
            assertFalse(kept.contains("Sam") || kept.contains("Lunch Club") || kept.contains("lunchclub"), kept);
        }
        assertEquals(0, CliRun.run("", "--config", c, "cases", "unpublish", ref).exit());
        CliRun again = CliRun.run("", "--config", c, "cases", "unpublish", ref);
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("No outcome of " + ref + " is published."), again.err());
        CliRun blank = CliRun.run("", "--config", c, "cases", "publish", ref, "  ");
        assertEquals(2, blank.exit());
        assertTrue(blank.err().contains("Write the anonymised summary"), blank.err());
    }
}
