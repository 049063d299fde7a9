package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.conversation.ConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The body's reply by email: only its contact's address, answering our request on the case's thread, with checks
 * that did not fail, joins the case; and the complainant's "we've had their final response" by email.
 */
class BodyReplyByEmailTest {
    private static final String SAM = "sam@lunchclub.org.uk", MORGAN = "morgan@mediation.example", BODY = "compact@cheshirewest.example";

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

    /** Sam's challenge about the council, accepted by Morgan: the council has been asked for its formal response. */
    private String waitingForTheBody(boolean confidential) throws Exception {
        String ref = f.raised("mail:" + SAM, new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council",
                "Lunch Club", "Sam Patel", SAM, "{\"consent\":\"" + (confidential ? "confidential" : "share") + "\",\"what_happened\":"
                        + "\"Sam Patel of Lunch Club: the grant was cut\",\"details\":{\"codes\":\"funding\"}}"));
        f.cases.routeNew();
        f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<acc-" + ref + "@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "ACCEPT"));
        assertEquals(CaseStatus.AWAITING_BODY, f.caseStore.find(ref).orElseThrow().status());
        return ref;
    }

    @Test
    void theBodysReplyToOurRequestJoinsTheCaseAndGoesToTheMediatorAndTheComplainant() throws Exception {
        String ref = waitingForTheBody(false);
        List<String> first = f.newMail();
        String request = first.stream().filter(m -> m.startsWith(BODY + " / ")).findFirst().orElseThrow(() -> new AssertionError(first.toString()));
        assertTrue(request.contains("[" + ref + "] Request for a formal response"), request);

        MailOutcome o = f.channel.receive(email("Compact Lead Officer <" + BODY + ">", "RE: [" + ref + "] Request for a formal response",
                "<r1@cheshirewest.example>", f.replyingTo(BODY, "body_request") + "Authentication-Results: " + MailIdentityTest.TRUSTED
                        + "; spf=pass; dkim=pass; dmarc=pass\r\n",
                "The council accepts that four weeks was too short and will extend the grant to 31 March.\r\n\r\nRegards,\r\nCompact lead officer"));
        assertEquals("replied", o.what(), o.detail());
        ChallengeCase c = f.caseStore.find(ref).orElseThrow();
        assertEquals(CaseStatus.IN_MEDIATION, c.status());
        assertTrue(c.body().answered());
        List<String> got = f.newMail();
        assertTrue(got.stream().anyMatch(m -> m.startsWith(MORGAN + " / ") && m.contains("has responded") && m.contains("extend the grant to 31 March")),
                got.toString());
        assertTrue(got.stream().anyMatch(m -> m.startsWith(SAM + " / ") && m.contains("has responded") && m.contains("extend the grant to 31 March")),
                got.toString());
        assertTrue(got.stream().anyMatch(m -> m.startsWith(BODY + " / ") && m.contains("Thank you: your response has been added to " + ref)),
                got.toString());
    }

    @Test
    void onlyTheBodyContactAnsweringOurRequestCounts() throws Exception {
        String ref = waitingForTheBody(false);
        f.newMail();
        // the contact's address, but not a reply to anything we sent it: a forged From would look like this
        MailOutcome fresh = f.channel.receive(email(BODY, "[" + ref + "] our response", "<r2@cheshirewest.example>", "", "We refuse."));
        assertEquals("refused", fresh.what(), fresh.detail());
        assertTrue(fresh instanceof MailOutcome.BodyUnproven, fresh.detail());
        // a reply on the thread whose checks failed
        String failed = "Authentication-Results: " + MailIdentityTest.TRUSTED + "; spf=fail smtp.mailfrom=evil.test; dkim=fail; "
                + "dmarc=fail header.from=cheshirewest.example\r\n";
        MailOutcome forged = f.channel.receive(email(BODY, "RE: [" + ref + "] Request", "<r3@evil.test>", f.replyingTo(BODY, "body_request") + failed,
                "We refuse."));
        assertEquals("refused", forged.what(), forged.detail());
        // a colleague at the body, on the thread: not the contact asked
        MailOutcome colleague = f.channel.receive(email("grants@cheshirewest.example", "RE: [" + ref + "] Request", "<r4@cheshirewest.example>",
                f.replyingTo(BODY, "body_request"), "We refuse."));
        assertFalse(colleague instanceof MailOutcome.OnCase, colleague.detail());
        ChallengeCase c = f.caseStore.find(ref).orElseThrow();
        assertEquals(CaseStatus.AWAITING_BODY, c.status());
        assertFalse(c.body().answered());
        assertTrue(f.caseStore.history(ref).stream().noneMatch(e -> e.note().startsWith("body replied")));
        List<String> got = f.newMail();
        assertTrue(got.stream().noneMatch(m -> m.startsWith(MORGAN + " / ") || m.startsWith(SAM + " / ")), "nothing passed on: " + got);
    }

    @Test
    void theComplainantCanSayByEmailThatTheyHaveHadTheFinalResponse() throws Exception {
        String ref = waitingForTheBody(false);
        f.newMail();
        MailOutcome o = f.channel.receive(email("Sam Patel <" + SAM + ">", "Re: [" + ref + "] A mediator has taken on your challenge",
                "<s1@lunchclub.org.uk>", f.replyingTo(SAM, "accepted_notice"), "Hi, we've had the council's final response now.\r\n\r\nThanks,\r\nSam"));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(CaseStatus.IN_MEDIATION, f.caseStore.find(ref).orElseThrow().status());
        List<String> got = f.newMail();
        assertTrue(got.stream().anyMatch(m -> m.startsWith(SAM + " / ") && m.contains("we have noted that you have had the body's final response")),
                got.toString());
    }

    @Test
    void aConfidentialComplainantIsNotNamedInTheRequestNorInOurAnswerToTheBody() throws Exception {
        String ref = waitingForTheBody(true);
        f.channel.receive(email(BODY, "RE: [" + ref + "] Request for a formal response", "<r5@cheshirewest.example>",
                f.replyingTo(BODY, "body_request"), "Who raised this?"));
        List<String> toBody = f.newMail().stream().filter(m -> m.startsWith(BODY + " / ")).toList();
        assertEquals(2, toBody.size(), toBody.toString());
        for (String m : toBody) {
            for (String secret : List.of("Sam", "Patel", "Lunch Club", "lunchclub")) assertFalse(m.contains(secret), secret + " in " + m);
        }
    }
}
