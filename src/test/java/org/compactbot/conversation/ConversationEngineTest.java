package org.compactbot.conversation;

import static org.compactbot.conversation.EngineFixture.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole conversations through the real engine, SQLite file and Compacts. */
class ConversationEngineTest {
    @TempDir Path dir;
    EngineFixture f;

    /** A complete, valid set of answers, slot by slot, for a conversation started with "raise a challenge". */
    static final List<String> HAPPY_PATH = List.of(
            "raise a challenge", "West Cheshire", "1", "Sam Patel", "Northwich Lunch Club", "sam@lunchclub.org.uk",
            "Cheshire West and Chester Council", "The council told us our grant ends at the end of the month, with no consultation.",
            "2", "told 3/11/2026, ends 30 November 2026", "40 older people lose a hot meal", "We emailed the grants officer, no reply",
            "Restore the grant until three months notice has been given", "2");

    @BeforeEach
    void start() throws Exception {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private TurnResult walk(String id, int steps) {
        TurnResult t = null;
        for (int i = 0; i < steps; i++) t = f.say(id, HAPPY_PATH.get(i));
        return t;
    }

    @Test
    void happyPathCreatesASubmittedCaseWithAReference() {
        TurnResult t = walk("c1", HAPPY_PATH.size());
        assertEquals(Slot.CONFIRM, t.expecting());
        assertTrue(all(t).contains("Sam Patel") && all(t).contains("sam@lunchclub.org.uk"), all(t));
        assertTrue(all(t).contains("27 days' notice"), all(t));
        TurnResult done = f.say("c1", "yes");
        assertEquals("idle", done.state());
        assertNull(done.expecting());
        assertEquals("CC-2026-0001", done.caseInfo().ref());
        assertEquals("submitted", done.caseInfo().status());
        assertTrue(all(done).contains("CC-2026-0001"), all(done));
        TurnResult second = walk("c2", HAPPY_PATH.size());
        assertEquals(Slot.CONFIRM, second.expecting());
        assertEquals("CC-2026-0002", f.say("c2", "yes").caseInfo().ref());
    }

    @Test
    void anAnswerNotUnderstoodIsAskedAnotherWayBeforeACaseworkerIsOfferedAndNoPromptComesThreeTimes() {
        f.say("tries", "raise a challenge");
        TurnResult first = f.say("tries", "west cheshire");
        assertEquals(Slot.ROLE, first.expecting(), all(first));
        String prompt = "Are you raising this as:";
        TurnResult again = f.say("tries", "purple");
        assertTrue(all(again).contains(prompt), all(again));
        TurnResult otherWay = f.say("tries", "purple");
        assertFalse(all(otherWay).contains(prompt), "the same prompt a third time: " + all(otherWay));
        assertTrue(all(otherWay).contains("Put another way") && !all(otherWay).contains("caseworker"), all(otherWay));
        assertEquals(3, otherWay.replies().get(otherWay.replies().size() - 1).choices().size(), "the options are still offered");
        TurnResult offer = f.say("tries", "purple");
        assertTrue(all(offer).contains("caseworker"), all(offer));
        assertEquals(Slot.NAME, f.say("tries", "we're a community group").expecting(), "an answer understood after all that carries on");
    }

    @Test
    void factsGivenWhenAskedWhichUndertakingsApplyJoinTheStoryAndPickNone() {
        f.say("facts", "raise a challenge");
        for (String m : List.of("west cheshire", "a community group", "Sam Patel", "Lunch Club", "sam@lunchclub.org.uk",
                "Cheshire West and Chester Council", "They are ending our grant and nobody asked us about it.")) {
            f.say("facts", m);
        }
        TurnResult t = f.say("facts", "They emailed on 20 November 2026 saying the grant stops on 1 December 2026");
        assertEquals(Slot.UNDERTAKINGS, t.expecting(), all(t));
        assertTrue(all(t).contains("added that to what happened"), all(t));
        assertFalse(all(t).contains("There is no number"), all(t));
        assertTrue(all(t).contains("11 days' notice"), "the dates are read and checked: " + all(t));
    }

    @Test
    void slotsFollowTheContractOrder() {
        List<Slot> seen = new ArrayList<>();
        for (String m : HAPPY_PATH) seen.add(f.say("order", m).expecting());
        assertEquals(List.of(Slot.AREA, Slot.ROLE, Slot.NAME, Slot.ORGANISATION, Slot.EMAIL, Slot.RESPONDENT, Slot.WHAT_HAPPENED,
                Slot.UNDERTAKINGS, Slot.DATES, Slot.IMPACT, Slot.INFORMAL_STEPS, Slot.DESIRED_OUTCOME, Slot.CONSENT, Slot.CONFIRM), seen);
    }

    @Test
    void freeTextThatAlreadySaysAreaBodyAndDatesSkipsThoseQuestions() {
        TurnResult t = f.say("story", "I want to complain: Cheshire West and Chester Council cut our grant. We were told on 3/11/2026 and it ends 30/11/2026.");
        assertEquals(Slot.ROLE, t.expecting(), all(t));
        assertTrue(all(t).contains("27 days' notice"), all(t));
        assertTrue(all(t).contains("Urgent"), all(t));
        List<Slot> asked = new ArrayList<>();
        for (String m : List.of("1", "Sam", "skip", "sam@x.org", "none", "skip", "skip", "A proper three month notice period", "1")) {
            asked.add(f.say("story", m).expecting());
        }
        assertFalse(asked.contains(Slot.AREA) || asked.contains(Slot.RESPONDENT) || asked.contains(Slot.WHAT_HAPPENED) || asked.contains(Slot.DATES), asked.toString());
        assertEquals(Slot.CONFIRM, asked.get(asked.size() - 1));
    }

    @Test
    void questionInTheMiddleIsAnsweredAndTheSameSlotAskedAgain() {
        walk("q", 5); // at email
        TurnResult t = f.say("q", "how long should a consultation run?");
        assertEquals(Slot.EMAIL, t.expecting());
        assertTrue(all(t).toLowerCase().contains("12 week") || all(t).toLowerCase().contains("twelve"), all(t));
        assertTrue(t.replies().get(t.replies().size() - 1).text().contains("email"));
    }

    @Test
    void everyCommandWorksAtEverySlot() {
        for (int step = 1; step <= HAPPY_PATH.size(); step++) {
            String id = "cmd-" + step;
            Slot at = walk(id, step).expecting();
            assertNotNull(at, "step " + step);

            TurnResult help = f.say(id, "help");
            assertEquals(at, help.expecting(), "help at " + at);
            assertTrue(all(help).contains("You can also say"), "help at " + at);

            TurnResult status = f.say(id, "status");
            assertEquals(at, status.expecting());
            assertTrue(all(status).contains("Now: " + at.label()), all(status));

            TurnResult skip = f.say(id, "skip");
            if (at.optional()) {
                assertFalse(at.equals(skip.expecting()), "skip at " + at);
                f.say(id, "back");
            } else {
                assertEquals(at, skip.expecting(), "skip at required " + at);
                assertTrue(all(skip).contains("can't be skipped"));
            }

            TurnResult cancel = f.say(id, "cancel");
            assertEquals("confirming_cancel", cancel.state());
            TurnResult resumed = f.say(id, "no");
            assertEquals(at, resumed.expecting(), "cancel then no at " + at);

            if (step > 1) {
                TurnResult back = f.say(id, "back");
                assertNotNull(back.expecting());
                assertFalse(at.equals(back.expecting()), "back at " + at);
            }
        }
    }

    @Test
    void validationRepromptsAndAfterThreeFailuresOffersAWayOut() {
        walk("v", 5);
        TurnResult bad = f.say("v", "not an email");
        assertEquals(Slot.EMAIL, bad.expecting());
        assertTrue(all(bad).contains("doesn't look like an email address"));
        f.say("v", "still@not");
        TurnResult third = f.say("v", "nope");
        assertTrue(third.replies().stream().anyMatch(r -> r.choices().stream().anyMatch(c -> c.value().equals("leave"))), all(third));
        TurnResult left = f.say("v", "leave");
        assertEquals(Slot.RESPONDENT, left.expecting());
    }

    @Test
    void correctionAtConfirmEditsTheAnswerAndReturnsToTheSummary() {
        walk("fix", HAPPY_PATH.size());
        TurnResult t = f.say("fix", "change email to sam.patel@lunchclub.org.uk");
        assertEquals(Slot.CONFIRM, t.expecting());
        assertTrue(all(t).contains("sam.patel@lunchclub.org.uk"), all(t));
        TurnResult ask = f.say("fix", "change respondent");
        assertEquals(Slot.RESPONDENT, ask.expecting());
        TurnResult back = f.say("fix", "Cheshire West and Chester Council, grants team");
        assertEquals(Slot.CONFIRM, back.expecting());
        assertTrue(all(back).contains("grants team"));
        TurnResult bad = f.say("fix", "change email to nonsense");
        assertEquals(Slot.CONFIRM, bad.expecting());
        assertTrue(all(bad).contains("doesn't look like an email"));
    }

    @Test
    void cancelWithConfirmationDiscardsTheDraft() {
        walk("x", 5);
        f.say("x", "cancel");
        TurnResult t = f.say("x", "yes");
        assertEquals("idle", t.state());
        assertNull(t.caseInfo());
        TurnResult again = f.say("x", "raise a challenge");
        assertEquals(Slot.AREA, again.expecting(), "a new challenge starts from scratch");
    }

    @Test
    void conversationResumesAfterARestart() throws Exception {
        walk("r", 5);
        f.restart();
        TurnResult t = f.say("r", "sam@lunchclub.org.uk");
        assertEquals(Slot.RESPONDENT, t.expecting());
    }

    @Test
    void returningDaysLaterIsWelcomedBack() {
        walk("w", 5);
        f.clock.advance(Duration.ofDays(3));
        TurnResult t = f.say("w", "sam@lunchclub.org.uk");
        assertTrue(all(t).startsWith("Welcome back! We were at: your email."), all(t));
        assertEquals(Slot.RESPONDENT, t.expecting());
    }

    @Test
    void draftIdleForThirtyDaysExpiresWithANotice() {
        walk("old", 5);
        f.clock.advance(Duration.ofDays(31));
        TurnResult t = f.say("old", "hello");
        assertTrue(all(t).contains("was not completed within 30 days"), all(t));
        assertEquals("idle", t.state());
    }

    @Test
    void corruptStateRowRestartsPolitelyAndLeavesOthersAlone() throws Exception {
        walk("broken", 5);
        walk("fine", 5);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + f.dbFile); var s = c.createStatement()) {
            s.executeUpdate("UPDATE conversations SET state = '{not json' WHERE id = 'broken'");
        }
        TurnResult t = f.say("broken", "hello");
        assertTrue(all(t).startsWith("Sorry, I lost track of our conversation"), all(t));
        assertEquals("idle", t.state());
        assertEquals(Slot.RESPONDENT, f.say("fine", "sam@lunchclub.org.uk").expecting());
    }

    @Test
    void hostileTextIsStoredAndShownAsText() {
        walk("h", 3);
        String name = "<script>alert(1)</script>'; DROP TABLE cases; --";
        TurnResult t = f.say("h", name);
        assertEquals(Slot.ORGANISATION, t.expecting());
        for (int i = 4; i < HAPPY_PATH.size(); i++) f.say("h", HAPPY_PATH.get(i));
        assertTrue(all(f.say("h", "status")).length() > 0);
        TurnResult confirm = f.say("h", "change organisation to Lunch Club");
        assertTrue(all(confirm).contains(name), all(confirm));
        assertEquals("CC-2026-0001", f.say("h", "yes").caseInfo().ref());
    }

    @Test
    void hugeMessageAndControlCharactersAreHandled() {
        TurnResult t = f.say("big", "x".repeat(100_000));
        assertFalse(t.replies().isEmpty());
        TurnResult ctl = f.say("ctl", "hel\u0000lo\u0007");
        assertTrue(all(ctl).startsWith("Hello"), all(ctl));
        walk("big2", 7);
        TurnResult huge = f.say("big2", "a ".repeat(50_000));
        assertEquals(Slot.WHAT_HAPPENED, huge.expecting());
    }

    @Test
    void twoMessagesAtOnceToOneConversationAreTakenOneAfterTheOther() throws Exception {
        walk("race", 4); // at organisation
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TurnResult> a = pool.submit(() -> f.say("race", "Lunch Club"));
            Future<TurnResult> b = pool.submit(() -> f.say("race", "Lunch Club"));
            List<Slot> slots = List.of(a.get().expecting(), b.get().expecting());
            assertTrue(slots.contains(Slot.EMAIL), slots.toString());
        }
        finally {
            pool.shutdown();
        }
        TurnResult after = f.say("race", "status");
        assertTrue(all(after).contains("your organisation"), all(after));
    }

    @Test
    void greetingAndQuestionsOutsideAChallenge() {
        TurnResult hi = f.say("i", "hi");
        assertEquals("idle", hi.state());
        assertEquals(List.of("help", "challenge"), hi.replies().get(0).choices().stream().map(Reply.Choice::value).toList());
        TurnResult q = f.say("i", "what is full cost recovery?");
        assertTrue(all(q).contains("—"), all(q));
        TurnResult grievance = f.say("i", "the council cut our grant with two weeks warning, is that allowed?");
        assertTrue(grievance.replies().get(0).choices().stream().anyMatch(c -> c.value().equals("challenge")), all(grievance));
        assertEquals(Slot.AREA, f.say("i", "challenge").expecting());
    }

    @Test
    void conversationSavedByAnOlderFlowIsCarriedOverNotStranded() throws Exception {
        walk("legacy", 5);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + f.dbFile); var s = c.createStatement()) {
            s.executeUpdate("UPDATE conversations SET flow_version = 0, state = replace(replace(state, '\"slot\":\"email\"', "
                    + "'\"slot\":\"favourite_colour\"'), '\"answers\":{', '\"answers\":{\"shoe_size\":\"9\",') WHERE id = 'legacy'");
        }
        TurnResult t = f.say("legacy", "status");
        assertEquals(Slot.EMAIL, t.expecting(), all(t));
        assertEquals(Slot.RESPONDENT, f.say("legacy", "sam@lunchclub.org.uk").expecting());
    }
}
