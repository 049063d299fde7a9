package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each question a person asks in a conversation is reported once, answered or declined, with its channel (what
 * /metrics counts for email, Slack direct messages, the web chat and the CLI); the real engine, SQLite and Compacts.
 */
class QuestionsAskedTest {
    @TempDir Path dir;
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private Database db;
    private ConversationEngine engine;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("compact-bot.db"));
        TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), clock, BodyNames.NONE,
                (channel, answered) -> reported.add(channel.id() + " " + (answered ? "answered" : "declined")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aQuestionAnsweredOneDeclinedAndOneAboutTheProcessAreEachReportedOnceWithTheirChannel() {
        engine.handle(ConversationId.api("web-1"), "what is full cost recovery?");
        engine.handle(ConversationId.cli("sam"), "what is the best pizza topping in Naples?");
        engine.handle(ConversationId.api("web-1"), "what happens after I submit?");
        assertEquals(List.of("api answered", "cli declined", "api answered"), reported);
    }

    @Test
    void aQuestionAskedWhileRaisingAChallengeIsReportedAndTheOtherTurnsAreNot() {
        ConversationId dm = ConversationId.slack("T1", "U1");
        engine.handle(dm, "hello");
        engine.handle(dm, "raise a challenge");
        engine.handle(dm, "West Cheshire");
        assertEquals(List.of(), reported);
        TurnResult t = engine.handle(dm, "how long should a consultation run?");
        assertEquals(Slot.ROLE, t.expecting(), "answered, and the same question asked again");
        assertEquals(List.of("slack answered"), reported);
    }

    @Test
    void anEmailDeliveredTwiceReportsItsQuestionOnce() {
        ConversationId sender = ConversationId.mail("jo@bilston.org.uk");
        engine.handle(sender, "what does co-production mean?", "<m1@bilston.org.uk>");
        engine.handle(sender, "what does co-production mean?", "<m1@bilston.org.uk>");
        assertEquals(List.of("email answered"), reported);
    }
}
