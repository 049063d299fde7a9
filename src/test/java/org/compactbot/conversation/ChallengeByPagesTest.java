package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A challenge raised one question per page, through the real engine, SQLite file and Compacts. */
class ChallengeByPagesTest {
    @TempDir Path dir;
    EngineFixture f;
    final ConversationId web = ConversationId.web("draft-1");

    static final Map<Slot, String> ANSWERS = answers();

    private static Map<Slot, String> answers() {
        Map<Slot, String> a = new LinkedHashMap<>();
        a.put(Slot.AREA, "west-cheshire");
        a.put(Slot.ROLE, "group");
        a.put(Slot.NAME, "Sam Patel");
        a.put(Slot.ORGANISATION, "Northwich Lunch Club");
        a.put(Slot.EMAIL, "sam@lunchclub.org.uk");
        a.put(Slot.RESPONDENT, "Cheshire West and Chester Council");
        a.put(Slot.WHAT_HAPPENED, "The council told us our grant ends at the end of the month, with no consultation.");
        a.put(Slot.UNDERTAKINGS, "1");
        a.put(Slot.DATES, "told 3/11/2026, ends 30 November 2026");
        a.put(Slot.IMPACT, "");
        a.put(Slot.INFORMAL_STEPS, "We emailed the grants officer, no reply");
        a.put(Slot.DESIRED_OUTCOME, "Restore the grant until three months notice has been given");
        a.put(Slot.CONSENT, "share");
        return a;
    }

    @BeforeEach
    void start() throws Exception {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void eachPageIsReadByItsSlotsReaderAndTheEndIsTheSameCaseAsChat() {
        assertInstanceOf(PageAnswer.NoDraft.class, f.engine.answerPage(web, Slot.AREA, "west-cheshire"), "nothing before the start");
        f.engine.startPages(web);
        assertEquals(Slot.AREA, f.engine.pageDraft(web).orElseThrow().at());
        for (var a : ANSWERS.entrySet()) {
            PageAnswer kept = f.engine.answerPage(web, a.getKey(), a.getValue());
            assertInstanceOf(PageAnswer.Kept.class, kept, a.getKey() + ": " + kept);
        }
        PageDraft d = f.engine.pageDraft(web).orElseThrow();
        assertEquals(Slot.CONFIRM, d.at());
        assertEquals("(skipped)", d.answers().get(Slot.IMPACT), "an optional question left blank is skipped");
        assertEquals("West Cheshire", d.shown().get(Slot.AREA));
        assertTrue(d.offers().get(0).chosen() && d.offers().stream().skip(1).noneMatch(PageDraft.Offer::chosen));
        assertEquals(d.offers().get(0).citation(), d.shown().get(Slot.UNDERTAKINGS));
        assertTrue(d.checks().contains("27 days' notice"), d.checks());

        PageSubmission sent = f.engine.submitPages(web);
        PageSubmission.Submitted s = assertInstanceOf(PageSubmission.Submitted.class, sent);
        assertEquals("CC-2026-0001", s.caseInfo().ref());
        assertTrue(f.engine.pageDraft(web).isEmpty(), "the draft is cleared once sent");
        assertEquals(new PageSubmission.AlreadySubmitted("CC-2026-0001"), f.engine.submitPages(web), "sent twice: one case");
        assertEquals("CC-2026-0001", f.engine.state(web).caseInfo().ref());
    }

    @Test
    void aBlankRequiredAnswerOrAWrongOneKeepsNothing() {
        f.engine.startPages(web);
        f.engine.answerPage(web, Slot.AREA, "redcar-cleveland");
        assertEquals(new PageAnswer.Missing(Slot.ROLE), f.engine.answerPage(web, Slot.ROLE, "   "));
        PageAnswer wrong = f.engine.answerPage(web, Slot.AREA, "Narnia");
        PageAnswer.Rejected r = assertInstanceOf(PageAnswer.Rejected.class, wrong);
        assertTrue(r.message().contains("Narnia"), r.message());
        PageDraft d = f.engine.pageDraft(web).orElseThrow();
        assertEquals("redcar-cleveland", d.answers().get(Slot.AREA), "the answer before stands");
        assertEquals(Slot.ROLE, d.at());
        assertFalse(d.has(Slot.ROLE));
    }

    @Test
    void aDraftWithAQuestionStillOpenIsNotSentAndOneLeftThirtyDaysExpires() {
        f.engine.startPages(web);
        f.engine.answerPage(web, Slot.AREA, "west-cheshire");
        assertEquals(new PageSubmission.Incomplete(Slot.ROLE), f.engine.submitPages(web));
        f.clock.advance(Duration.ofDays(31));
        assertTrue(f.engine.pageDraft(web).isEmpty());
        assertEquals(new PageAnswer.NoDraft(), f.engine.answerPage(web, Slot.ROLE, "group"));
        assertEquals(new PageSubmission.NoDraft(), f.engine.submitPages(web));
    }

    @Test
    void theWebsStoredIdReadsBackAsTheWebChannel() {
        ConversationId back = ConversationId.parse(web.value());
        assertEquals("web:draft-1", web.value());
        assertEquals(Channel.WEB, back.channel());
        assertEquals(web, back);
    }
}
