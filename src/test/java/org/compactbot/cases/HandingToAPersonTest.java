package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.PersonHandover.Handed;
import org.compactbot.conversation.PersonHandover.Request;
import org.compactbot.conversation.TestClock;
import org.compactbot.store.Database;
import org.compactbot.store.SqlOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is asked to contact a person, with the shipped mediators file (where each area's Compact lead has the council's
 * Compact lead officer's address) and the outbox on a SQLite file. A person who asked to be kept from the body is never
 * handed to the body's own officer.
 */
class HandingToAPersonTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    @TempDir Path dir;
    private Database db;
    private SqlOutbox outbox;
    private HandingToAPerson handing;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("bot.db"));
        outbox = new SqlOutbox(db, clock, "compact@example.org");
        handing = new HandingToAPerson(MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), outbox, id -> List.of("(earlier) person: hello"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<OutgoingEmail> sent() {
        return outbox.due(clock.instant().plus(Duration.ofDays(1)), 10).stream().map(Outbox.Pending::email).toList();
    }

    private static Request asking(String area, String organisation, String respondent, boolean confidential) {
        return new Request(ConversationId.api("web-1"), area, "Sam Patel", "sam@hoole-tots.example", null, organisation, respondent,
                confidential, "can I talk to a person?", null, LocalDate.of(2026, 11, 24));
    }

    static Stream<Arguments> whoIsAsked() {
        return Stream.of(
                // area, organisation, respondent, confidential, who gets the email (null: nobody), what the person is told
                Arguments.of("west-cheshire", "Hoole Tots", "CWaC", false, "compact@cheshirewest.example", "the West Cheshire Compact lead"),
                Arguments.of("west-cheshire", "Hoole Tots", "CWaC", true, "priya@resolve.example", "Priya Shah, an independent Compact mediator"),
                Arguments.of("west-cheshire", "Hoole Tots", null, true, "priya@resolve.example", "Priya Shah, an independent Compact mediator"),
                Arguments.of("west-cheshire", "Hoole Tots", "the fire service", true, "priya@resolve.example", "Priya Shah, an independent Compact mediator"),
                Arguments.of("wolverhampton", "Bilston Youth", "Wolverhampton City Council", true, "priya@resolve.example",
                        "Priya Shah, an independent Compact mediator"),
                // Redcar's one mediator is of the complainant's own organisation: nobody independent is left
                Arguments.of("redcar-cleveland", "Tees Valley Mediation", "Redcar council", true, null, null),
                Arguments.of("redcar-cleveland", "Tees Valley Mediation", "Redcar council", false, "compact@redcar-cleveland.example",
                        "the Redcar & Cleveland Compact lead"));
    }

    @ParameterizedTest(name = "{0}, {2}, confidential {3} -> {4}")
    @MethodSource("whoIsAsked")
    void aPersonKeptFromTheBodyIsNeverHandedToTheBodysOwnOfficer(String area, String organisation, String respondent, boolean confidential,
                                                                String to, String told) {
        Handed handed = handing.handOver(asking(area, organisation, respondent, confidential));
        if (to == null) {
            Handed.Withheld w = assertInstanceOf(Handed.Withheld.class, handed);
            assertEquals("compact@redcar-cleveland.example", w.leadEmail(), "the person is given the lead's address, to write themselves if they wish");
            assertEquals("Redcar & Cleveland Borough Council", w.body());
            assertTrue(sent().isEmpty(), "nothing is sent: " + sent());
            return;
        }
        assertEquals(told, assertInstanceOf(Handed.Asked.class, handed).who());
        List<OutgoingEmail> mail = sent();
        assertEquals(1, mail.size());
        assertEquals(to, mail.get(0).to());
        assertTrue(mail.get(0).text().contains("Name: Sam Patel"), "the one asked can reach them: " + mail.get(0).text());
        if (confidential) {
            assertTrue(mail.get(0).text().startsWith("Dear " + told.split(",")[0] + ",\n\nCONFIDENTIAL"), mail.get(0).text());
            assertTrue(mail.get(0).text().contains("Please do not pass their details on to"), mail.get(0).text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whoIsAsked")
    void noConfidentialPersonsNameReachesAnAddressOfTheBody(String area, String organisation, String respondent, boolean confidential,
                                                           String to, String told) {
        if (!confidential) return;
        handing.handOver(asking(area, organisation, respondent, confidential));
        for (OutgoingEmail e : sent()) {
            assertFalse(e.to().endsWith("@cheshirewest.example") || e.to().endsWith("@wolverhampton.example")
                    || e.to().endsWith("@redcar-cleveland.example"), "sent to the body: " + e.to());
        }
    }
}
