package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cases list|show|assign|close|report` against a real database file. */
class CasesCommandTest {
    @TempDir Path dir;

    private Path setUp() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(data.resolve("compact-bot.db"))) {
            ConversationStore s = new SqlConversationStore(db, "CC", Clock.systemUTC());
            s.commitTurn(new Conversation("c1", "test", java.time.Instant.now()), List.of(new ConversationStore.Line("in", "yes")),
                    new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                            "sam@lunchclub.org.uk", "{\"what_happened\":\"grant cut\",\"details\":{\"codes\":\"funding\"}}"));
        }
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\ncases: { mediators: \"" + Path.of("config/mediators.yml").toAbsolutePath() + "\" }\n");
        return cfg;
    }

    @Test
    void listShowAssignCloseAndReport() throws Exception {
        Path cfg = setUp();
        String c = cfg.toString();
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue());
        String ref = "CC-" + year + "-0001";
        CliRun list = CliRun.run("", "--config", c, "cases", "list");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains(ref) && list.out().contains("submitted"), list.out());
        assertEquals("No cases match.\n", CliRun.run("", "--config", c, "cases", "list", "--status", "resolved").out());

        CliRun assign = CliRun.run("", "--config", c, "cases", "assign", ref, "m-consult");
        assertEquals(0, assign.exit(), assign.err());
        assertTrue(assign.out().contains("assigned to Priya Shah"), assign.out());
        assertTrue(Files.list(dir.resolve("data/outbox")).anyMatch(p -> p.toString().endsWith("mediator_summary.eml")), "summary written as .eml");

        CliRun bad = CliRun.run("", "--config", c, "cases", "assign", ref, "m-nobody");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("No mediator with id 'm-nobody'"), bad.err());

        CliRun close = CliRun.run("", "--config", c, "cases", "close", ref, "--outcome", "resolved", "--note", "grant restored");
        assertEquals(0, close.exit(), close.err());
        CliRun show = CliRun.run("", "--config", c, "cases", "show", ref.toLowerCase());
        assertTrue(show.out().contains("resolved") && show.out().contains("submitted -> assigned") && show.out().contains("closed: grant restored"), show.out());

        CliRun csv = CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", "csv");
        assertTrue(csv.out().contains("outcome,resolved,1"), csv.out());
        assertFalse(csv.out().contains("Sam Patel"));
        CliRun md = CliRun.run("", "--config", c, "cases", "report", "--year", year);
        assertTrue(md.out().startsWith("# Compact challenges " + year), md.out());

        CliRun unknownStatus = CliRun.run("", "--config", c, "cases", "list", "--status", "lost");
        assertEquals(2, unknownStatus.exit());
        assertTrue(unknownStatus.err().contains("unknown status 'lost'"), unknownStatus.err());
        CliRun missing = CliRun.run("", "--config", c, "cases", "show", "CC-1999-0001");
        assertEquals(2, missing.exit());
    }

    @Test
    void showAndReportSayWhoTheCaseWaitsForAndHowLongItsClockStoodStill() throws Exception {
        Path cfg = setUp();
        String c = cfg.toString();
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue());
        String ref = "CC-" + year + "-0001";
        assertEquals(0, CliRun.run("", "--config", c, "cases", "assign", ref, "m-consult").exit());
        try (Database db = Database.open(dir.resolve("data/compact-bot.db"))) {
            var service = new org.compactbot.cases.CaseService(new org.compactbot.store.SqlCaseStore(db, Clock.systemUTC(), "compact@example.org"),
                    org.compactbot.cases.MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), Clock.systemUTC());
            assertTrue(service.mediatorReply(ref, "priya@resolve.example", "ACCEPT").ok());
        }
        CliRun show = CliRun.run("", "--config", c, "cases", "show", ref);
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("awaiting_body"), show.out());
        assertTrue(show.out().contains("Body asked:  Cheshire West and Chester Council <compact@cheshirewest.example>"), show.out());
        assertTrue(show.out().contains("; not answered"), show.out());
        assertTrue(show.out().contains("Paused:      0 working days (paused since "), show.out());
        CliRun csv = CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", "csv");
        assertTrue(csv.out().contains("body_requests,asked,1\n") && csv.out().contains("paused_working_days,total,0\n"), csv.out());
        CliRun md = CliRun.run("", "--config", c, "cases", "report", "--year", year);
        assertTrue(md.out().contains("## Clocks paused and the body's response") && md.out().contains("| asked | 1 |"), md.out());
    }

    @Test
    void digestPreviewsEachLeadsDigestWithoutNamingTheComplainantOrSendingIt() throws Exception {
        Path cfg = setUp();
        String c = cfg.toString();
        String ref = "CC-" + java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue() + "-0001";
        CliRun all = CliRun.run("", "--config", c, "cases", "digest");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().contains("== Compact weekly digest: West Cheshire, ") && all.out().contains("== Compact weekly digest: Wolverhampton, "), all.out());
        assertTrue(all.out().contains(ref + ": submitted, Cheshire West and Chester Council, mediator: nobody yet"), all.out());
        assertTrue(all.out().contains("Nothing was sent"), all.out());
        assertFalse(all.out().contains("Sam Patel") || all.out().contains("Lunch Club") || all.out().contains("@"), all.out());
        assertFalse(Files.exists(dir.resolve("data/outbox")) && Files.list(dir.resolve("data/outbox")).findAny().isPresent(), "nothing written to send");

        CliRun one = CliRun.run("", "--config", c, "cases", "digest", "--area", "wolverhampton");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().contains("Nothing is open") && !one.out().contains("West Cheshire"), one.out());
        CliRun unknown = CliRun.run("", "--config", c, "cases", "digest", "--area", "narnia");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no lead is configured for area 'narnia'") && unknown.err().contains("west-cheshire"), unknown.err());
    }

    @Test
    void reportAddsOutcomesByUndertaking() throws Exception {
        Path cfg = setUp();
        String c = cfg.toString();
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue());
        assertEquals(0, CliRun.run("", "--config", c, "cases", "close", "CC-" + year + "-0001", "--outcome", "withdrawn").exit());
        CliRun csv = CliRun.run("", "--config", c, "cases", "report", "--year", year, "--format", "csv");
        assertTrue(csv.out().startsWith("dimension,value,count\ntotal,all,1\n"), "the rows before stay as they were: " + csv.out());
        assertTrue(csv.out().contains("undertaking_withdrawn,(none given),1\n") && csv.out().contains("undertaking_resolved,(none given),0\n"), csv.out());
        CliRun md = CliRun.run("", "--config", c, "cases", "report", "--year", year);
        assertTrue(md.out().contains("## Outcomes by undertaking") && md.out().contains("| (none given) | 0 | 1 | 0 | 0 |"), md.out());
    }
}
