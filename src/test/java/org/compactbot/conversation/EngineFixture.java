package org.compactbot.conversation;

import java.nio.file.Path;
import java.time.Instant;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;

/** A real engine: the shipped Compacts, a SQLite file on disk, a clock the test controls. */
final class EngineFixture implements AutoCloseable {
    final Path dbFile;
    final TestClock clock;
    Database db;
    ConversationEngine engine;

    EngineFixture(Path dir) throws Exception {
        this.dbFile = dir.resolve("compact-bot.db");
        this.clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
        open();
    }

    /** (Re)opens database and engine, as a restarted process would. */
    void open() throws Exception {
        db = Database.open(dbFile);
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), clock);
    }

    void restart() throws Exception {
        db.close();
        open();
    }

    TurnResult say(String conversation, String text) {
        return engine.handle(ConversationId.unlisted("test", conversation), text);
    }

    static String all(TurnResult t) {
        return String.join("\n", t.replies().stream().map(Reply::text).toList());
    }

    @Override
    public void close() {
        db.close();
    }
}
