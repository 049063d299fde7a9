package org.compactbot.conversation;

import static org.compactbot.conversation.EngineFixture.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reading the bot is not sure of is put back to the person once, with the options, before it is kept; facts are
 * checked against the Compact only once they are known; "the council" becomes the area's council by name.
 */
class UnsureReadingsTest {
    @TempDir Path dir;
    EngineFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Up to the confidentiality question, on the engine test's happy path. */
    private TurnResult toConsent(String id) {
        TurnResult t = null;
        for (String m : ConversationEngineTest.HAPPY_PATH.subList(0, ConversationEngineTest.HAPPY_PATH.size() - 1)) t = f.say(id, m);
        return t;
    }

    /** A challenge whose story gives two dates without saying which is which, up to the dates question. */
    private TurnResult toDates(String id) {
        TurnResult t = f.say(id, "I want to complain about Cheshire West and Chester Council. Our grant: 3/11/2026 and 30/11/2026.");
        assertFalse(all(t).contains("Checked against the Compact"), "no check on a guess: " + all(t));
        for (String m : List.of("1", "Sam", "skip", "sam@x.org", "none")) t = f.say(id, m);
        return t;
    }

    @Test
    void aHedgedAnswerIsCheckedOnceWithTheOptionsAndYesKeepsIt() {
        assertEquals(Slot.CONSENT, toConsent("hedge").expecting());
        TurnResult check = f.say("hedge", "I suppose they can know");
        assertEquals(Slot.CONSENT, check.expecting());
        assertTrue(all(check).startsWith("Just to check: Cheshire West and Chester Council may be told that you raised it?"), all(check));
        List<String> options = check.replies().get(0).choices().stream().map(Reply.Choice::label).toList();
        assertEquals(List.of("Yes", "No, keep my name confidential from them"), options);
        TurnResult kept = f.say("hedge", "yes");
        assertEquals(Slot.CONFIRM, kept.expecting(), all(kept));
        assertTrue(all(kept).contains("Confidentiality: The body may be told who raised it"), all(kept));
    }

    @Test
    void theSameHedgedAnswerAgainIsTakenAsMeantAndAnotherAnswerReplacesIt() {
        toConsent("again");
        f.say("again", "I suppose they can know");
        TurnResult kept = f.say("again", "I suppose they can know");
        assertEquals(Slot.CONFIRM, kept.expecting(), "never the same check twice: " + all(kept));

        toConsent("other");
        f.say("other", "probably fine");
        TurnResult changed = f.say("other", "no, keep my name out of it");
        assertEquals(Slot.CONFIRM, changed.expecting(), all(changed));
        assertTrue(all(changed).contains("Keep my name confidential from the body"), all(changed));
    }

    @Test
    void aHedgedYesAtTheSummaryIsCheckedBeforeAnythingIsSent() {
        toConsent("send");
        f.say("send", "2");
        TurnResult check = f.say("send", "I think so");
        assertEquals(Slot.CONFIRM, check.expecting());
        assertTrue(all(check).contains("shall I send your challenge now"), all(check));
        assertEquals(null, check.caseInfo());
        assertEquals("submitted", f.say("send", "yes").caseInfo().status());
    }

    @Test
    void datesWithoutWordsSayingWhichIsWhichAreConfirmedBeforeTheyAreChecked() {
        TurnResult t = toDates("dates");
        assertEquals(Slot.DATES, t.expecting(), all(t));
        assertTrue(all(t).contains("3 November 2026 is when you were told, and 30 November 2026 is when the change takes effect"), all(t));
        TurnResult yes = f.say("dates", "yes that's right");
        assertEquals(Slot.IMPACT, yes.expecting(), all(yes));
        assertTrue(all(yes).contains("27 days' notice"), "checked once confirmed: " + all(yes));
    }

    @Test
    void datesTheOtherWayRoundAreTakenFromTheAnswer() {
        toDates("swap");
        TurnResult no = f.say("swap", "no");
        assertEquals(Slot.DATES, no.expecting());
        assertTrue(all(no).contains("What are the key dates?"), all(no));
        TurnResult given = f.say("swap", "letter came 3 November 2026, grant stops 1 March 2027");
        assertEquals(Slot.IMPACT, given.expecting(), all(given));
        assertFalse(all(given).contains("less than the Compact's minimum"), all(given));
    }

    @Test
    void theOpeningEmailsDatesAreReadWithTheirRolesAndTheirSentences() throws Exception {
        f.say("story", "I want to raise a challenge. Cheshire West and Chester Council told us on 3 November 2026 that our grant ends on "
                + "30 November 2026. No consultation at all. We emailed the officer on 5 November 2026 and heard nothing.");
        for (String m : List.of("1", "Sam", "skip", "sam@x.org", "none", "skip", "skip", "A proper three month notice period", "yes")) {
            f.say("story", m);
        }
        TurnResult done = f.say("story", "yes");
        assertEquals("submitted", done.caseInfo().status(), all(done));
        String details;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + f.dbFile); var s = c.createStatement();
             var rs = s.executeQuery("SELECT details FROM cases")) {
            details = rs.next() ? rs.getString(1) : "";
        }
        assertTrue(details.contains("\"told\":\"2026-11-03\"") && details.contains("\"effective\":\"2026-11-30\""), details);
        assertTrue(details.contains("\"told_source\":\"Cheshire West and Chester Council told us on 3 November 2026 that our grant ends on 30 November 2026.\""), details);
        assertTrue(details.contains("27 days' notice"), details);
        assertFalse(details.contains("consultation_opened"), details);
    }

    @Test
    void theCouncilIsTheAreasCouncilByName() throws Exception {
        f.db.close();
        f.db = org.compactbot.store.Database.open(f.dbFile);
        BodyNames bodies = (said, area) -> "west-cheshire".equals(area) && said.strip().equalsIgnoreCase("the council")
                ? Optional.of("Cheshire West and Chester Council") : Optional.empty();
        f.engine = new ConversationEngine(new SqlConversationStore(f.db, "CC", f.clock), SharedKnowledge.answers(),
                new IntentClassifier(null), f.clock, bodies);
        f.say("named", "raise a challenge");
        for (String m : List.of("West Cheshire", "1", "Sam", "skip", "sam@x.org")) f.say("named", m);
        TurnResult t = f.say("named", "the council");
        assertEquals(Slot.WHAT_HAPPENED, t.expecting());
        for (String m : List.of("They are stopping our grant with a month's notice.", "none", "skip", "skip", "skip", "Three months notice")) {
            t = f.say("named", m);
        }
        assertTrue(all(t).contains("May Cheshire West and Chester Council be told"), all(t));
        TurnResult summary = f.say("named", "yes they can know");
        assertTrue(all(summary).contains("The body concerned: Cheshire West and Chester Council (you said: the council)"), all(summary));
    }

    @Test
    void askingWhereAConversationStandsRecordsNothing() throws Exception {
        f.say("look", "raise a challenge");
        f.say("look", "West Cheshire");
        long before = transcriptLines("look");
        TurnResult state = f.engine.state(ConversationId.unlisted("test", "look"));
        assertEquals(Slot.ROLE, state.expecting());
        assertTrue(all(state).contains("Challenge in progress: 1 of 13 answered") && all(state).contains("Are you raising this as:"), all(state));
        assertEquals(before, transcriptLines("look"), "nothing added to the transcript");
        assertEquals("idle", f.engine.state(ConversationId.unlisted("test", "nobody")).state());
    }

    @Test
    void stillStuckAfterTheWayOutIsOfferedTheQuestionIsLeftForACaseworkerAndTheRestGoesOn() {
        toConsent("stuck");
        for (int i = 0; i < 3; i++) f.say("stuck", "purple");
        TurnResult on = f.say("stuck", "purple");
        assertEquals(Slot.CONFIRM, on.expecting(), all(on));
        assertTrue(all(on).contains("I'll leave confidentiality for a caseworker"), all(on));
    }

    private long transcriptLines(String id) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + f.dbFile);
             var p = c.prepareStatement("SELECT count(*) FROM transcript WHERE conversation_id = ?")) {
            p.setString(1, id);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
