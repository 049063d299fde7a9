package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.compactbot.cases.WorkingDays;
import org.compactbot.conversation.ConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "STATUS CC-2026-0001" by email: the stage, the next deadline and the next step, for the complainant's address only. */
class StatusByEmailTest {
    private static final String SAM = "sam@lunchclub.org.uk";

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

    /** Sams's challenge, raised by email and routed to the funding mediator (who has not accepted it yet). */
    private String samsCase() throws Exception {
        String ref = f.raised("mail:" + SAM, new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council",
                "Lunch Club", "Sam Patel", SAM, "{\"details\":{\"codes\":\"funding\"}}"));
        f.cases.routeNew();
        f.newMail(); // the acknowledgement and the mediator's summary
        return ref;
    }


    /** The reply's text from "We can't find" to the end of its sentence that says what to do. */
    private static String said(String reply) {
        int from = reply.indexOf("We can't find"), to = reply.indexOf("when you raised it.", from);
        return reply.substring(from, to);
    }

    private static String day(LocalDate d) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).format(d);
    }

    @Test
    void theComplainantGetsTheStageTheNextDeadlineAndTheNextStep() throws Exception {
        String ref = samsCase();
        MailOutcome o = f.channel.receive(email("Sam Patel <" + SAM + ">", "STATUS " + ref, "<s1@lunchclub.org.uk>", "", ""));
        assertEquals("replied", o.what(), o.detail());
        List<String> got = f.newMail();
        assertEquals(1, got.size(), got.toString());
        String reply = got.get(0);
        assertTrue(reply.startsWith(SAM + " / "), reply);
        assertTrue(reply.contains("[" + ref + "]"), "the reply carries the case in its subject: " + reply);
        assertTrue(reply.contains("Your challenge " + ref + " about Cheshire West and Chester Council is with a mediator, waiting for them to accept."),
                reply);
        LocalDate due = WorkingDays.plus(LocalDate.now(ZoneId.of("Europe/London")), 3);
        assertTrue(reply.contains("Next deadline: " + day(due)), reply);
        assertTrue(reply.contains("Next step: The mediator decides whether to take it on"), reply);
    }

    @Test
    void theRequestMayBeTheFirstLineUnderAnySubjectOrABareStatusOnTheCasesThread() throws Exception {
        String ref = samsCase();
        f.channel.receive(email(SAM, "our challenge", "<s2@lunchclub.org.uk>", "", "status " + ref.toLowerCase(Locale.ROOT)
                + "\n\nThanks,\nSam"));
        assertTrue(f.newMail().get(0).contains("is with a mediator"), "first line, any case");
        f.channel.receive(email(SAM, "Re: [" + ref + "] Your Compact challenge", "<s3@lunchclub.org.uk>", f.replyingTo(SAM, null), "STATUS"));
        List<String> got = f.newMail();
        assertTrue(got.get(0).contains("Your challenge " + ref), got.toString());
        assertTrue(f.caseStore.find(ref).orElseThrow().details().toString().indexOf("STATUS") < 0, "a status request is not added to the case");
    }

    @Test
    void anyoneElseLearnsNothingNotEvenWhetherTheCaseExists() throws Exception {
        String ref = samsCase();
        f.channel.receive(email("nosy@elsewhere.example", "STATUS " + ref, "<n1@elsewhere.example>", "", ""));
        f.channel.receive(email("nosy@elsewhere.example", "STATUS CC-2026-9999", "<n2@elsewhere.example>", "", ""));
        List<String> got = f.newMail();
        assertEquals(2, got.size(), got.toString());
        for (String reply : got) {
            assertTrue(reply.startsWith("nosy@elsewhere.example / "), reply);
            assertTrue(reply.contains("We can't find a challenge") && reply.contains("raised from this address"), reply);
            assertFalse(reply.contains("Cheshire West") || reply.contains("mediator,") || reply.contains("Next deadline"), reply);
        }
        assertEquals(said(got.get(0)).replaceFirst(java.util.regex.Pattern.quote(ref), "X"), said(got.get(1)).replaceFirst("CC-2026-9999", "X"),
                "a real case and a made-up one get the same answer");
    }

    @Test
    void aForgedSendersRequestGetsOnlyTheNotice() throws Exception {
        String ref = samsCase();
        String failed = "Authentication-Results: " + MailIdentityTest.TRUSTED + "; spf=fail smtp.mailfrom=evil.test; dkim=fail; "
                + "dmarc=fail header.from=lunchclub.org.uk\r\n";
        MailOutcome o = f.channel.receive(email(SAM, "STATUS " + ref, "<f1@evil.test>", failed, ""));
        assertEquals("refused", o.what(), o.detail());
        List<String> got = f.newMail();
        assertEquals(1, got.size());
        assertTrue(got.get(0).contains("may not be from you") && !got.get(0).contains("Next deadline"), got.get(0));
    }
}
