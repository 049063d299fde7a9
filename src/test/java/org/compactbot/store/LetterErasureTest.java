package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.compactbot.cases.PersonalDataService;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.TurnResult;
import org.compactbot.knowledge.SharedKnowledge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The early-resolution letter holds nothing of its own: once the person's data is erased, no letter (in chat or as the
 * web composes it) carries their name or story, and no table holds them.
 */
class LetterErasureTest {
    private static final String SAM = "sam@lunchclub.org.uk";
    @TempDir Path dir;
    private Database db;
    private ConversationEngine engine;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("compact-bot.db"));
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", Clock.systemUTC()), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String text(TurnResult t) {
        return String.join("\n", t.replies().stream().map(Reply::text).toList());
    }

    @Test
    void afterErasureNoLetterCarriesTheirNameOrStory() {
        ConversationId id = ConversationId.api("letter-erasure");
        for (String a : List.of("raise a challenge", "West Cheshire", "1", "Sam Patel", "Northwich Lunch Club", SAM,
                "Cheshire West and Chester Council", "The council told us our grant ends at the end of the month, with no consultation.",
                "2", "told 3/11/2026, ends 30 November 2026", "40 older people lose a hot meal", "We emailed the grants officer, no reply",
                "Restore the grant until three months notice has been given", "1", "yes")) {
            engine.handle(id, a);
        }
        TurnResult before = engine.handle(id, "draft a letter");
        assertTrue(text(before).contains("Sam Patel") && text(before).contains("The council told us our grant ends"), text(before));
        assertTrue(engine.letter(id).isPresent());

        Clock clock = Clock.systemUTC();
        new PersonalDataService(List.of(new CaseRecords(db), new ConversationRecords(db), new SqlOutbox(db, clock, "compact@example.org"),
                new SqlInboundLog(db, clock)), db, clock).erase(SAM, "operator:dpo");

        engine.letter(id).ifPresent(l -> assertFalse(l.text().contains("Sam Patel") || l.text().contains("The council told us"), l.text()));
        String after = text(engine.handle(id, "draft a letter"));
        assertFalse(after.contains("Sam Patel") || after.contains("The council told us"), after);
        String everything = db.inTransaction(c -> {
            StringBuilder sb = new StringBuilder();
            List<String> tables = new java.util.ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT * FROM " + t)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('\n');
                } catch (java.sql.SQLException e) {
                    // a virtual table that cannot be read whole
                }
            }
            return sb.toString();
        });
        assertFalse(everything.contains("Sam Patel"), "no table holds the name the letter was signed with");
    }
}
