package org.compactbot.conversation;

import static org.compactbot.conversation.EngineFixture.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Has this happened before?": which questions ask how earlier challenges ended (a table), and the conversation's
 * answer from the published outcomes, with the person's area and the undertakings of their draft.
 */
class PastOutcomesAskedTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            has this happened before?                                       | true
            Has this ever happened before?                                  | true
            have other groups challenged a funding cut?                     | true
            how did similar challenges end?                                 | true
            What happened in similar cases?                                 | true
            Has anyone else challenged the council over this?               | true
            did any other group win a challenge like this?                  | true
            have other organisations complained about short consultations?  | true
            are there any published outcomes?                               | true
            Can you show me examples of previous challenges?                | true
            what were the results of past challenges?                       | true
            has the council done this before to us?                         | false
            has this happened to our group before?                          | false
            how long should a consultation last?                            | false
            what happens after I raise a challenge?                         | false
            I want to raise a challenge                                     | false
            what happened to my case?                                       | false
            can other groups join our challenge?                            | false
            hello                                                           | false
            what notice should we get before a grant ends?                  | false
            """)
    void readsAQuestionAboutHowEarlierChallengesEnded(String text, boolean asks) {
        assertEquals(asks, PastOutcomesAsked.in(text), text);
    }

    /** A port that records what it was asked and returns what it was given. */
    private static final class Recording implements PastOutcomes {
        final List<Query> asked = new ArrayList<>();
        final List<Outcome> outcomes;

        Recording(List<Outcome> outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        public List<Outcome> similar(Query query, int limit) {
            asked.add(query);
            return outcomes.subList(0, Math.min(limit, outcomes.size()));
        }
    }

    private ConversationEngine engine(Database db, PastOutcomes past) {
        return new ConversationEngine(new SqlConversationStore(db, "CC", new TestClock(Instant.parse("2026-11-24T10:00:00Z"))),
                SharedKnowledge.answers(), new IntentClassifier(null), new TestClock(Instant.parse("2026-11-24T10:00:00Z")),
                BodyNames.NONE, QuestionsAsked.NONE, PersonHandover.NONE, past);
    }

    @Test
    void theAnswerShowsUpToThreeOutcomesOrSaysNoneArePublishedYet() throws Exception {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            Recording none = new Recording(List.of());
            String empty = all(engine(db, none).handle(ConversationId.unlisted("test", "a"), "Has this happened before?"));
            assertTrue(empty.contains("No outcomes of earlier challenges have been published yet"), empty);

            List<PastOutcomes.Outcome> four = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                four.add(new PastOutcomes.Outcome("CC-2026-000" + i, "west-cheshire", "Cheshire West and Chester Council",
                        List.of("West Cheshire Compact › Funding › Public sector undertaking 3"), "resolved", "2026-0" + i,
                        "Summary number " + i + ": the council extended the grant."));
            }
            String shown = all(engine(db, new Recording(four)).handle(ConversationId.unlisted("test", "b"), "have other groups challenged a funding cut?"));
            assertTrue(shown.contains("Here are published outcomes of similar challenges (anonymised):"), shown);
            assertTrue(shown.contains("1. West Cheshire, Cheshire West and Chester Council; undertakings: West Cheshire Compact › Funding › "
                    + "Public sector undertaking 3; resolved, 2026-01:"), shown);
            assertTrue(shown.contains("Summary number 3") && !shown.contains("Summary number 4"), "up to three: " + shown);
        }
    }

    @Test
    void duringAChallengeTheSearchPrefersThePersonsAreaAndTheUndertakingsOfTheirDraft() throws Exception {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            Recording past = new Recording(List.of());
            ConversationEngine e = engine(db, past);
            ConversationId id = ConversationId.unlisted("test", "draft");
            for (String m : ConversationEngineTest.HAPPY_PATH.subList(0, 9)) e.handle(id, m);
            String reply = all(e.handle(id, "Has this happened before?"));
            assertTrue(reply.contains("No outcomes of earlier challenges have been published yet"), reply);
            assertEquals(1, past.asked.size(), "asked once: " + past.asked);
            PastOutcomes.Query q = past.asked.get(0);
            assertEquals("west-cheshire", q.area());
            assertFalse(q.undertakings().isEmpty(), "the draft's undertakings go with the question: " + q);
            assertTrue(q.text().contains("grant ends at the end of the month"), "and what happened: " + q.text());
        }
    }
}
