package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances sharing one database (here two engines on one SQLite file) take turns of the same
 * conversation at the same moment: neither turn is lost, the later one is run again on top of the other.
 */
class ConcurrentTurnsTest {
    @TempDir Path dir;

    @Test
    void aTurnThatRacesAnotherInstancesTurnOfTheSameConversationIsRunAgainOnTopOfIt() throws Exception {
        TestClock clock = new TestClock(java.time.Instant.parse("2026-11-24T10:00:00Z"));
        try (Database one = Database.open(dir.resolve("shared.db")); Database two = Database.open(dir.resolve("shared.db"))) {
            ConversationEngine other = new ConversationEngine(new SqlConversationStore(two, "CC", clock), SharedKnowledge.answers(),
                    new IntentClassifier(SharedKnowledge.embedder()), clock);
            SqlConversationStore store = new SqlConversationStore(one, "CC", clock);
            int[] commits = {0};
            ConversationStore racing = racing(store, commits, c -> other.handle(ConversationId.unlisted("test", c.id()), "West Cheshire"));
            ConversationEngine mine = new ConversationEngine(racing, SharedKnowledge.answers(),
                    new IntentClassifier(SharedKnowledge.embedder()), clock);
            other.handle(ConversationId.unlisted("test", "sam"), "I want to raise a challenge");

            TurnResult t = mine.handle(ConversationId.unlisted("test", "sam"), "A voluntary or community group");
            assertEquals(2, commits[0], "saved at the second attempt");
            assertEquals(Slot.NAME, t.expecting(), "both answers kept: the area (theirs) and the role (mine): " + EngineFixture.all(t));
            Conversation saved = ((ConversationStore.Loaded.Found) store.load("sam")).conversation();
            assertEquals("west-cheshire", saved.answers().get("area"));
            assertEquals("group", saved.answers().get("role"));
            List<String> transcript = new org.compactbot.store.SqlCaseStore(one, clock, "compact@example.org").transcript("sam");
            assertTrue(transcript.stream().filter(l -> l.contains("A voluntary or community group")).count() == 1,
                    "my message once in the transcript: " + transcript);
        }
    }

    @Test
    void aQuestionWhoseTurnIsRunAgainAfterTheRaceIsCountedOnce() throws Exception {
        TestClock clock = new TestClock(java.time.Instant.parse("2026-11-24T10:00:00Z"));
        try (Database one = Database.open(dir.resolve("shared.db")); Database two = Database.open(dir.resolve("shared.db"))) {
            ConversationEngine other = new ConversationEngine(new SqlConversationStore(two, "CC", clock), SharedKnowledge.answers(),
                    new IntentClassifier(SharedKnowledge.embedder()), clock);
            int[] commits = {0};
            ConversationStore racing = racing(new SqlConversationStore(one, "CC", clock), commits,
                    c -> other.handle(ConversationId.parse(c.id()), "hello"));
            List<Boolean> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
            ConversationEngine mine = new ConversationEngine(racing, SharedKnowledge.answers(), new IntentClassifier(SharedKnowledge.embedder()),
                    clock, BodyNames.NONE, (channel, answered) -> counted.add(answered));
            other.handle(ConversationId.api("web-1"), "hi");

            mine.handle(ConversationId.api("web-1"), "what is full cost recovery?");
            assertEquals(2, commits[0], "the turn was run twice: saved at the second attempt");
            assertEquals(List.of(true), counted, "the question counted once, when its turn was saved");
        }
    }

    /** The store, but the first time a turn is saved another instance saves its own turn of the conversation first. */
    private static ConversationStore racing(SqlConversationStore store, int[] commits, java.util.function.Consumer<Conversation> otherTurn) {
        return new ConversationStore() {
            @Override
            public Loaded load(String id) {
                return store.load(id);
            }

            @Override
            public Optional<String> commitTurn(Conversation c, List<Line> transcript, NewCase newCase) {
                if (commits[0]++ == 0) otherTurn.accept(c);
                return store.commitTurn(c, transcript, newCase);
            }

            @Override
            public void keepDraftEvidence(String conversationId, String name, String type, byte[] content) {
                store.keepDraftEvidence(conversationId, name, type, content);
            }

            @Override
            public Optional<org.compactbot.conversation.CaseInfo> caseInfo(String ref) {
                return store.caseInfo(ref);
            }
        };
    }
}
