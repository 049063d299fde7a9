package org.compactbot.conversation;

import static org.compactbot.conversation.EngineFixture.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The early-resolution letter through the real engine: offered at the end of the intake, given on request at any point. */
class LetterConversationTest {
    @TempDir Path dir;
    private EngineFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** The contract's happy path, the person content to be named (consent 1). */
    private static List<String> path(String consent) {
        List<String> p = new ArrayList<>(ConversationEngineTest.HAPPY_PATH);
        p.set(p.size() - 1, consent);
        return p;
    }

    private TurnResult walk(String id, List<String> path, int steps) {
        TurnResult t = null;
        for (int i = 0; i < steps; i++) t = f.say(id, path.get(i));
        return t;
    }

    private static Letter letterIn(TurnResult t) {
        return t.replies().stream().map(Reply::letter).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Test
    void theEndOfTheIntakeOffersTheLetterAndDraftALetterThenGivesItFromTheCase() {
        List<String> path = path("1");
        walk("end", path, path.size());
        TurnResult done = f.say("end", "yes");
        assertEquals("CC-2026-0001", done.caseInfo().ref());
        Reply offer = done.replies().get(done.replies().size() - 1);
        assertTrue(offer.text().contains("write to Cheshire West and Chester Council yourself"), offer.text());
        assertEquals(List.of(new Reply.Choice("Draft a letter to Cheshire West and Chester Council", "draft a letter")), offer.choices());
        assertNull(letterIn(done), "offered, not given unasked");

        TurnResult given = f.say("end", offer.choices().get(0).value());
        Letter letter = letterIn(given);
        assertNotNull(letter, all(given));
        String text = letter.text();
        assertTrue(text.contains("To the Compact lead officer, Cheshire West and Chester Council"), text);
        assertTrue(text.contains("27 days' notice"), text);
        assertTrue(text.contains("against a minimum of three months"), text);
        assertTrue(text.contains("The council told us our grant ends at the end of the month"), text);
        assertTrue(text.contains("What we are asking for: Restore the grant until three months notice has been given."), text);
        assertEquals(1, letter.paragraphs().stream().filter(Letter.Paragraph::quote).count(), text);
        assertTrue(letter.paragraphs().stream().filter(Letter.Paragraph::quote).allMatch(p -> p.text().contains("(") && p.text().contains("›")),
                "the undertaking quoted with its document and section: " + text);
        assertTrue(text.contains("Sam Patel\nNorthwich Lunch Club"), text);
        assertTrue(all(given).contains(text.strip()), "the letter's text is in the reply, for channels that show only text");
        assertEquals("idle", given.state());
        assertTrue(f.say("end", "letter please").replies().stream().anyMatch(r -> r.letter() != null), "asked again, given again");
    }

    @Test
    void aConfidentialComplainantsLetterIsUnsignedAndTheyAreToldWhy() {
        List<String> path = path("2");
        walk("conf", path, path.size());
        f.say("conf", "yes");
        TurnResult given = f.say("conf", "can you write a letter to the council for us?");
        Letter letter = letterIn(given);
        assertNotNull(letter, all(given));
        assertFalse(letter.text().contains("Sam Patel") || letter.text().contains("Northwich Lunch Club"), letter.text());
        assertTrue(all(given).contains("I have not signed it"), all(given));
    }

    @Test
    void duringTheIntakeTheLetterComesOnceTheBodyAndAnUndertakingAreKnownAndTheQuestionIsAskedAgain() {
        List<String> path = path("1");
        TurnResult early = walk("mid", path, 5);
        Slot at = early.expecting();
        TurnResult notYet = f.say("mid", "draft a letter");
        assertNull(letterIn(notYet));
        assertTrue(all(notYet).contains("once I know the public body concerned and which of the Compact's undertakings apply"), all(notYet));
        assertEquals(at, notYet.expecting(), "the same question is still open");

        for (int i = 5; i < 9; i++) f.say("mid", path.get(i)); // email, body, what happened, undertaking
        TurnResult dates = f.say("mid", "I'd like a letter I can send them myself");
        Letter letter = letterIn(dates);
        assertNotNull(letter, all(dates));
        assertTrue(letter.text().contains("Cheshire West and Chester Council"), letter.text());
        assertEquals(Slot.DATES, dates.expecting());
        assertTrue(dates.replies().get(dates.replies().size() - 1).text().toLowerCase().contains("date"), "the dates question again: " + all(dates));
        TurnResult carriesOn = f.say("mid", path.get(9));
        assertEquals(Slot.IMPACT, carriesOn.expecting(), all(carriesOn));
    }

    @Test
    void aLetterMentionedInTheStoryIsTakenAsTheStory() {
        List<String> path = path("1");
        walk("story", path, 7);
        TurnResult t = f.say("story", "I got a letter from the council on 3 November saying our grant ends on 30 November");
        assertNull(letterIn(t));
        assertEquals(Slot.UNDERTAKINGS, t.expecting(), all(t));
    }

    @Test
    void withNoChallengeTheBotSaysWhatItNeedsFirst() {
        TurnResult t = f.say("none", "draft a letter");
        assertNull(letterIn(t));
        assertTrue(all(t).contains("raise a challenge and I'll ask"), all(t));
        assertEquals("idle", t.state());
    }
}
