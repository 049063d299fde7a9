package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.SurveyAnswer.Answer;
import org.compactbot.cases.Surveys.Survey;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.SqlSurveys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Closing well by email: the closed notice carries the two survey questions (and, after a case mediation did not
 * settle, the next steps), once per case; the complainant's reply on the thread, in each style, is kept as the answers.
 */
class ClosingSurveyByEmailTest {
    private static final String SAM = "sam@lunchclub.org.uk", MORGAN = "morgan@mediation.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    MailFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, MailIdentityTest.TRUSTED);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Sam's challenge, routed to Morgan, who closes it by email with RESOLVED. */
    private String resolvedByTheMediator() throws Exception {
        return resolve(routed());
    }

    private String resolve(String ref) {
        MailOutcome o = f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<res-" + ref + "@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "RESOLVED the council restored half the grant"));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(CaseStatus.RESOLVED, f.caseStore.find(ref).orElseThrow().status());
        return ref;
    }

    private String routed() throws Exception {
        String ref = f.raised("mail:" + SAM, new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council",
                "Lunch Club", "Sam Patel", SAM, "{\"details\":{\"codes\":\"funding\"}}"));
        f.cases.routeNew();
        f.newMail(); // the acknowledgement and the mediator's summary
        return ref;
    }

    private List<String> toSam(List<String> mail) {
        return mail.stream().filter(m -> m.startsWith(SAM + " / ")).toList();
    }

    private MailOutcome samReplies(String ref, String id, String text) {
        return f.channel.receive(email("Sam Patel <" + SAM + ">", "Re: [" + ref + "] Your Compact challenge has been closed", "<" + id + "@lunchclub.org.uk>",
                f.replyingTo(SAM, "closed_notice"), text.replace("\n", "\r\n")));
    }

    private Survey survey(String ref) {
        return new SqlSurveys(f.db).find(ref).orElseThrow(() -> new AssertionError("no survey for " + ref));
    }

    @Test
    void theClosedNoticeIsOneEmailWithTheTwoQuestionsSentOnce() throws Exception {
        String ref = resolvedByTheMediator();
        List<String> sam = toSam(f.newMail());
        assertEquals(1, sam.size(), "one email to the complainant: " + sam);
        String notice = sam.get(0);
        assertTrue(notice.contains("[" + ref + "] Your Compact challenge has been closed"), notice);
        assertTrue(notice.contains("the council restored half the grant"), notice);
        assertTrue(notice.contains("1. Were you satisfied with how your challenge was handled? (yes / partly / no)"), notice);
        assertTrue(notice.contains("2. Was the outcome what you asked for? (yes / partly / no)"), notice);
        assertFalse(notice.contains("Ombudsman"), "a resolved case needs no signposting: " + notice);
        assertNull(survey(ref).satisfied());

        assertFalse(f.cases.close(ref, CaseStatus.WITHDRAWN, "again", "operator").ok(), "a closed case is not closed twice");
        assertTrue(toSam(f.newMail()).isEmpty(), "and no second survey goes out");
        assertEquals(1, new SqlSurveys(f.db).all().size());
    }

    @Test
    void aCaseClosedUnresolvedTellsTheComplainantWhereToGoNext() throws Exception {
        String ref = routed();
        assertTrue(f.cases.close(ref, CaseStatus.CLOSED_UNRESOLVED, "the council would not change its decision", "operator:cli").ok());
        String notice = toSam(f.newMail()).get(0);
        for (String s : List.of("Local Government and Social Care Ombudsman", "12 weeks", "12 months", "Compact advocacy", "Compact Voice",
                "judicial review", "within 3 months of the decision", "Were you satisfied with how your challenge was handled?")) {
            assertTrue(notice.contains(s), s + " in " + notice);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            numbered            | 1. yes 2. not really                                                               | yes | no
            labelled            | Satisfied: yes / Outcome: partly                                                   | yes | partly
            under the questions | Yes\\n\\nOn Tue, Compact Bot wrote:\\n> 1. Were you satisfied with how your challenge was handled? (yes / partly / no)\\n> 2. Was the outcome what you asked for? (yes / partly / no) | yes | yes
            interleaved         | > 1. Were you satisfied with how your challenge was handled? (yes / partly / no)\\nPartly\\n> 2. Was the outcome what you asked for? (yes / partly / no)\\nNo | partly | no
            own words           | Yes thanks, very happy with how it was handled, but we didn't get the funding back | yes | no
            """)
    void theComplainantsReplyInEachStyleIsKept(String style, String reply, String satisfied, String outcome) throws Exception {
        String ref = resolvedByTheMediator();
        f.newMail();
        String text = reply.replace("\\n", "\n");
        if (style.equals("under the questions")) text = "Yes\nYes\n\n" + text.substring(text.indexOf("On Tue"));
        MailOutcome o = samReplies(ref, "s1", text);
        assertEquals("replied", o.what(), o.detail());
        Survey s = survey(ref);
        assertEquals(satisfied, s.satisfied().id());
        assertEquals(outcome, s.outcomeAsAsked().id());
        String answer = toSam(f.newMail()).get(0);
        assertTrue(answer.contains("Thank you for answering our questions about " + ref), answer);
        assertTrue(answer.contains("satisfied with how it was handled: " + satisfied), answer);
    }

    @Test
    void anUnreadableReplyIsAskedOnceMoreThenKeptAsAComment() throws Exception {
        String ref = resolvedByTheMediator();
        f.newMail();
        samReplies(ref, "u1", "What happens to our grant now?");
        String again = toSam(f.newMail()).get(0);
        assertTrue(again.contains("We could not tell your answers") && again.contains("Was the outcome what you asked for?"), again);
        assertTrue(survey(ref).reasked());

        samReplies(ref, "u2", "I don't understand the question.");
        String kept = toSam(f.newMail()).get(0);
        assertTrue(kept.contains("your comments are kept with our survey"), kept);
        assertFalse(kept.contains("We could not tell your answers"), "asked only once: " + kept);
        assertEquals("I don't understand the question.", survey(ref).comment());

        samReplies(ref, "u3", "Sorry! 1. yes 2. partly");
        Survey s = survey(ref);
        assertEquals(List.of(Answer.YES, Answer.PARTLY), List.of(s.satisfied(), s.outcomeAsAsked()));
    }

    @Test
    void aSecondAnswerReplacesTheFirst() throws Exception {
        String ref = resolvedByTheMediator();
        f.newMail();
        samReplies(ref, "a1", "1. yes 2. yes");
        samReplies(ref, "a2", "On reflection: satisfied: partly / outcome: no");
        Survey s = survey(ref);
        assertEquals(List.of(Answer.PARTLY, Answer.NO), List.of(s.satisfied(), s.outcomeAsAsked()));
        List<String> sam = toSam(f.newMail());
        assertTrue(sam.get(sam.size() - 1).contains("these answers replace your earlier ones"), sam.toString());
        assertEquals(CaseStatus.RESOLVED, f.caseStore.find(ref).orElseThrow().status(), "the case stays closed");
    }

    @Test
    void theMediatorPublishesAnAnonymisedOutcomeByEmailAndIsShownExactlyWhatWasPublished() throws Exception {
        String early = routed();
        MailOutcome tooSoon = f.channel.receive(email(MORGAN, "Re: [" + early + "] Compact challenge", "<p0@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "PUBLISH it went well"));
        assertEquals("replied", tooSoon.what(), tooSoon.detail());
        assertTrue(f.newMail().stream().anyMatch(m -> m.startsWith(MORGAN + " / ") && m.contains("only once the case is closed")));

        String ref = resolve(early);
        f.newMail();
        MailOutcome o = f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<p1@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "PUBLISH Sam Patel's Lunch Club (sam@lunchclub.org.uk) was given 27 days' notice "
                        + "of a grant cut; after mediation the council restored half the grant.\r\n\r\nBest wishes,\r\nMorgan Lee"));
        assertEquals("replied", o.what(), o.detail());
        var published = new org.compactbot.store.SqlPublishedOutcomes(f.db).all();
        assertEquals(1, published.size());
        String summary = published.get(0).summary();
        assertEquals("(withheld)'s (withheld) ((withheld)) was given 27 days' notice of a grant cut; after mediation the council restored half the grant.",
                summary);
        String shown = f.newMail().stream().filter(m -> m.startsWith(MORGAN + " / ")).findFirst().orElseThrow();
        assertTrue(shown.contains("Published the outcome of " + ref), shown);
        assertTrue(shown.contains(summary), "the mediator sees exactly what was published: " + shown);
        for (String secret : List.of("Sam", "Patel", "Lunch Club", "lunchclub")) assertFalse(shown.contains(secret), secret + " in " + shown);
        assertTrue(shown.contains("Cheshire West and Chester Council"), shown);

        MailOutcome fromSam = samReplies(ref, "p2", "PUBLISH we won");
        assertEquals("replied", fromSam.what(), fromSam.detail());
        assertEquals(summary, new org.compactbot.store.SqlPublishedOutcomes(f.db).all().get(0).summary(), "only the mediator publishes");
    }
}
