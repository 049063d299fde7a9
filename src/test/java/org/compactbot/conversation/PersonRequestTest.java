package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.compactbot.cases.HandingToAPerson;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.Outbox;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Can I talk to a person?" through the real engine, the shipped mediators file (its leads) and the outbox on a SQLite
 * file: what the person is told, and the one email the area's Compact lead gets. Tuesday 24 November 2026: two
 * working days on is Thursday 26 November.
 */
class PersonRequestTest {
    private static final String BOT = "compact@example.org", LEAD = "compact@cheshirewest.example";
    @TempDir Path dir;
    private Database db;
    private SqlOutbox outbox;
    private ConversationEngine engine;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("bot.db"));
        outbox = new SqlOutbox(db, clock, BOT);
        SqlCaseStore cases = new SqlCaseStore(db, clock, BOT);
        HandingToAPerson handing = new HandingToAPerson(MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), outbox, cases::transcript);
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), clock, BodyNames.NONE, QuestionsAsked.NONE, handing);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Outbox.Pending> toLead() {
        return outbox.due(clock.instant().plus(Duration.ofDays(1)), 100).stream().filter(p -> p.email().purpose().equals("person_request")).toList();
    }

    private static String text(TurnResult t) {
        return String.join("\n", t.replies().stream().map(Reply::text).toList());
    }

    @Test
    void webChatAsksTheAreaAndHowToReachThemThenTheLeadIsEmailedTheConversation() {
        ConversationId web = ConversationId.api("web-1");
        engine.handle(web, "How long should a consultation last?");
        TurnResult area = engine.handle(web, "Can I talk to a person?");
        assertTrue(text(area).contains("Which area"), text(area));
        assertFalse(area.replies().get(0).choices().isEmpty(), "the areas are offered as choices");
        TurnResult contact = engine.handle(web, "West Cheshire");
        assertTrue(text(contact).contains("email address or phone number"), text(contact));
        assertTrue(toLead().isEmpty(), "nothing is sent before they can be reached");

        TurnResult done = engine.handle(web, "sam@hoole-tots.example");
        assertTrue(text(done).contains("I have asked the West Cheshire Compact lead to contact you by email at sam@hoole-tots.example"), text(done));
        assertTrue(text(done).contains("by 26 November 2026"), text(done));
        List<Outbox.Pending> sent = toLead();
        assertEquals(1, sent.size());
        String email = sent.get(0).email().text();
        assertEquals(LEAD, sent.get(0).email().to());
        assertTrue(email.contains("Email: sam@hoole-tots.example"), email);
        assertTrue(email.contains("Thursday 26 November 2026"), email);
        assertTrue(email.contains("person: How long should a consultation last?"), "the conversation so far: " + email);
        assertTrue(email.contains("person: Can I talk to a person?"), email);
        assertTrue(email.contains("(just now) person: sam@hoole-tots.example"), "the message that completed the request: " + email);

        TurnResult again = engine.handle(web, "I'd like to speak to someone");
        assertTrue(text(again).contains("already asked the West Cheshire Compact lead"), text(again));
        assertTrue(text(again).contains("not sent a second request"), text(again));
        assertEquals(1, toLead().size(), "asked again before the promised day: no second email");
    }

    @Test
    void midChallengeTheDraftIsKeptAndThePersonCanCarryOn() {
        ConversationId web = ConversationId.api("web-2");
        engine.handle(web, "I want to raise a challenge");
        engine.handle(web, "Wolverhampton");
        TurnResult before = engine.handle(web, "a voluntary group");
        Slot at = before.expecting();
        assertNotNull(at);

        TurnResult handed = engine.handle(web, "this is a lot, can someone call me on 07700 900123?");
        assertTrue(text(handed).contains("I have asked the Wolverhampton Compact lead to contact you by phone on 07700 900123"), text(handed));
        assertTrue(text(handed).contains("answers so far are kept"), text(handed));
        assertEquals("collecting", handed.state());
        assertEquals(at, handed.expecting(), "the challenge waits at the same question");
        assertEquals("compact@wolverhampton.example", toLead().get(0).email().to());
        assertTrue(toLead().get(0).email().text().contains("Phone: 07700 900123"));

        TurnResult next = engine.handle(web, "Sam Patel");
        assertEquals("collecting", next.state());
        assertTrue(next.expecting() != at, "the answer is taken and the challenge goes on");
    }

    @Test
    void afterTwoMisunderstandingsInARowTheBotOffersAPersonAndYesTakesItUp() {
        ConversationId slack = ConversationId.slack("T1", "U42");
        engine.handle(slack, "I want to raise a challenge");
        Slot role = engine.handle(slack, "West Cheshire").expecting();
        assertEquals(Slot.ROLE, role);
        // at the role: two answers in a row it cannot read
        TurnResult once = engine.handle(slack, "purple");
        assertFalse(text(once).contains("talk to a person"), text(once));
        TurnResult twice = engine.handle(slack, "banana");
        assertTrue(text(twice).contains("Would you like a person to contact you?"), text(twice));
        assertTrue(twice.replies().stream().anyMatch(r -> r.choices().contains(PersonRequest.TALK_TO_A_PERSON)));
        assertEquals(role, twice.expecting());
        assertEquals(3, twice.replies().get(twice.replies().size() - 1).choices().size(), "the question asked again comes last, with its options");

        TurnResult handed = engine.handle(slack, "talk to a person");
        assertTrue(text(handed).contains("to contact you on Slack"), text(handed));
        String email = toLead().get(0).email().text();
        assertTrue(email.contains("user U42 in workspace T1"), email);
    }

    @Test
    void twoQuestionsItCannotAnswerLeadToTheOfferAndYesTakesItUpWhenIdle() {
        ConversationId web = ConversationId.api("web-3");
        engine.handle(web, "what is the capital of Peru?");
        TurnResult twice = engine.handle(web, "who won the football last night?");
        assertTrue(text(twice).contains("Would you like a person to contact you?"), text(twice));
        TurnResult yes = engine.handle(web, "yes please");
        assertTrue(text(yes).contains("Which area"), text(yes));
    }

    @Test
    void someoneWhoAskedToBeKeptFromTheCouncilIsHandedToAnIndependentMediatorNotTheCouncilsOfficer() {
        ConversationId web = ConversationId.api("web-4");
        TurnResult t = engine.handle(web, "I want to raise a challenge");
        java.util.Map<Slot, String> answers = java.util.Map.of(Slot.AREA, "West Cheshire", Slot.ROLE, "a voluntary group",
                Slot.NAME, "Sam Patel", Slot.ORGANISATION, "Hoole Tots", Slot.EMAIL, "sam@hoole-tots.example", Slot.RESPONDENT, "CWaC",
                Slot.WHAT_HAPPENED, "They cut our grant with two weeks notice", Slot.DESIRED_OUTCOME, "Three months notice",
                Slot.CONSENT, "keep my name confidential");
        StringBuilder said = new StringBuilder();
        for (int turns = 0; t.expecting() != null && t.expecting() != Slot.CONFIRM && turns < 20; turns++) {
            String answer = answers.getOrDefault(t.expecting(), "skip");
            t = engine.handle(web, answer);
            said.append("> ").append(answer).append('\n').append(text(t)).append('\n');
        }
        assertEquals(Slot.CONFIRM, t.expecting(), said.toString());
        TurnResult handed = engine.handle(web, "can I talk to a person?");
        assertTrue(text(handed).contains("I have asked Priya Shah, an independent Compact mediator, to contact you"), text(handed));
        assertEquals(1, toLead().size());
        assertEquals("priya@resolve.example", toLead().get(0).email().to(), "not " + LEAD + ", the council's Compact lead officer");
    }

    @Test
    void withNobodyIndependentThePersonIsToldWhyNothingWasSentAndWhereTheyCanWrite() {
        ConversationEngine withheld = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), clock, BodyNames.NONE, QuestionsAsked.NONE,
                r -> new PersonHandover.Handed.Withheld("the Redcar & Cleveland Compact lead", "Redcar & Cleveland Borough Council",
                        "compact@redcar-cleveland.example"));
        ConversationId web = ConversationId.api("web-5");
        TurnResult told = withheld.handle(web, "Can I talk to a person?");
        if (text(told).contains("Which area")) told = withheld.handle(web, "Redcar and Cleveland");
        if (text(told).contains("email address or phone number")) told = withheld.handle(web, "sam@example.org");
        assertTrue(text(told).contains("I have not passed your details to them"), text(told));
        assertTrue(text(told).contains("write to them yourself at compact@redcar-cleveland.example"), text(told));
        assertFalse(text(told).contains("I have asked"), text(told));
    }
}
