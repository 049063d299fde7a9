package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.PublishedOutcome;
import org.compactbot.cases.SendingWeeklyDigests;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.conversation.TestClock;
import org.compactbot.store.SqlDigestsSent;
import org.compactbot.store.SqlOutbox;
import org.compactbot.store.SqlPublishedOutcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One confidential challenge about Cheshire West and Chester Council, from submission to closure, survey, published
 * outcome and the lead's weekly digests, by email as it runs:
 * every email that reaches the council (its Compact lead officer, who is also the area's Compact lead, or anyone at
 * cheshirewest.example), whatever sent it, carries neither the complainant's name, nor their organisation, nor their email
 * address or domain, in its subject, text or any attachment; while the mediator, who needs them, has them.
 */
class ConfidentialThroughoutTest {
    private static final String SAM = "sam@lunchclub.org.uk", MORGAN = "morgan@mediation.example", BODY = "compact@cheshirewest.example";
    private static final String BODY_DOMAIN = "@cheshirewest.example";
    private static final List<String> SECRETS = List.of("sam", "patel", "lunch club", "lunchclub", SAM);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T09:00:00Z")); // a Monday
    MailFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, MailIdentityTest.TRUSTED, clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void nothingThatReachesTheBodyNamesTheComplainant() throws Exception {
        String ref = f.raised("mail:" + SAM,
                new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel", SAM,
                        "{\"consent\":\"confidential\",\"what_happened\":\"I'm Sam Patel, I run Lunch Club (www.lunchclub.org.uk). "
                                + "The council cut our grant with 27 days' notice.\",\"desired_outcome\":\"Lunch Club wants the grant restored\","
                                + "\"details\":{\"codes\":\"funding\"}}"));
        // the acknowledgement bounces before the case is routed: the lead, whose address is the council's, is told
        assertTrue(f.cases.deliveryFailed(ref, SAM, "acknowledgement",
                "550 5.1.1 <sam@lunchclub.org.uk>: Recipient address rejected: mailbox of Sam Patel is full"));

        f.cases.routeNew();
        f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<acc@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "ACCEPT"));
        assertEquals(CaseStatus.AWAITING_BODY, f.caseStore.find(ref).orElseThrow().status());

        // the council does not answer by its deadline: the lead is told, and the response timer reminds mediator and lead
        clock.advance(Duration.ofDays(32));
        f.cases.tick();
        // Monday 7 December: the lead's weekly digest lists the open, overdue case
        clock.advance(Duration.ofDays(3));
        f.cases.tick();
        assertEquals(1, digests().sendDue().stream().filter(r -> r.area().equals("west-cheshire")
                && r.kind() == SendingWeeklyDigests.Result.Kind.SENT).count());
        // then it answers on our request's thread, asking who complained; our thanks goes back to it
        f.channel.receive(email("Compact Lead Officer <" + BODY + ">", "RE: [" + ref + "] Request for a formal response", "<r1@cheshirewest.example>",
                f.replyingTo(BODY, "body_request") + "Authentication-Results: " + MailIdentityTest.TRUSTED + "; spf=pass; dkim=pass; dmarc=pass\r\n",
                "Who raised this? Please send us their details."));
        // the mediator asks the complainant something, by name, and the complainant answers
        f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<info@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "INFO Sam, when did Lunch Club get the letter?"));
        f.channel.receive(email("Sam Patel <" + SAM + ">", "Re: [" + ref + "] A question about your challenge", "<s1@lunchclub.org.uk>",
                f.replyingTo(SAM, null), "On 1 October. Sam Patel, Lunch Club"));
        clock.advance(Duration.ofDays(3));
        f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<res@mediation.example>",
                f.replyingTo(MORGAN, "mediator_summary"), "RESOLVED the council restored Lunch Club's grant after talking to Sam Patel"));
        assertEquals(CaseStatus.RESOLVED, f.caseStore.find(ref).orElseThrow().status());
        f.cases.tick();
        // the complainant answers the closing survey, signing it; the mediator publishes an outcome that names them
        f.channel.receive(email("Sam Patel <" + SAM + ">", "Re: [" + ref + "] Your Compact challenge has been closed", "<s2@lunchclub.org.uk>",
                f.replyingTo(SAM, null), "1. Yes\r\n2. Partly\r\n\r\nThanks, Sam Patel, Lunch Club"));
        f.channel.receive(email(MORGAN, "Re: [" + ref + "] Compact challenge", "<pub@mediation.example>", f.replyingTo(MORGAN, "mediator_summary"),
                "PUBLISH Sam Patel of Lunch Club (sam@lunchclub.org.uk) challenged 27 days' notice of a grant cut; the council restored the grant."));
        assertTrue(new org.compactbot.store.SqlSurveys(f.db).find(ref).orElseThrow().answered(), "the survey is answered");
        List<PublishedOutcome> published = new SqlPublishedOutcomes(f.db).all();
        assertEquals(1, published.size(), "published");
        String summary = published.get(0).summary();
        assertTrue(summary.contains("27 days' notice"), summary);
        for (String secret : SECRETS) assertFalse(summary.toLowerCase(Locale.ROOT).contains(secret), secret + " published: " + summary);
        // the next Monday's digest to the lead has the week's closed case
        clock.advance(Duration.ofDays(7));
        assertTrue(digests().sendDue().stream().anyMatch(r -> r.area().equals("west-cheshire") && r.kind() == SendingWeeklyDigests.Result.Kind.SENT));
        List<String> history = f.caseStore.history(ref).stream().map(e -> e.note()).toList();
        for (String step : List.of("body replied", "complainant wrote", "mediator asked"))
            assertTrue(history.stream().anyMatch(n -> n.startsWith(step)), step + " missing from " + history);

        List<Sent> all = sent();
        List<Sent> toBody = all.stream().filter(s -> s.to.endsWith(BODY_DOMAIN)).toList();
        // the council's side heard about the bounce, the request, the missed deadline, the reminder, our thanks and two digests
        assertTrue(toBody.size() >= 6, "emails to the council: " + toBody);
        assertEquals(2, toBody.stream().filter(s -> s.subject.startsWith("Compact weekly digest")).count(), toBody.toString());
        assertTrue(toBody.stream().anyMatch(s -> s.subject.startsWith("Compact weekly digest") && s.text.contains(ref)), toBody.toString());
        assertTrue(toBody.stream().anyMatch(s -> s.subject.contains("could not be delivered") && s.text.contains("(withheld)")), toBody.toString());
        for (Sent s : toBody) {
            String words = (s.subject + "\n" + s.text).toLowerCase(Locale.ROOT);
            for (String secret : SECRETS) {
                assertFalse(words.matches("(?s).*(?<![a-z])" + java.util.regex.Pattern.quote(secret) + "(?![a-z]).*"),
                        "'" + secret + "' reached " + s.to + ": " + s);
            }
            assertEquals(List.of(), s.attachments, "attachments reached " + s.to);
        }
        // the mediator, who is not the body, has the complainant's details and the transcript
        assertTrue(all.stream().anyMatch(s -> s.to.equals(MORGAN) && s.text.contains("Sam Patel") && s.text.contains("Lunch Club")), all.toString());
        // the complainant heard the case was closed
        assertTrue(all.stream().anyMatch(s -> s.to.equals(SAM) && s.subject.contains("closed")), all.toString());
    }

    private SendingWeeklyDigests digests() {
        return new SendingWeeklyDigests(f.caseStore, f.cases, f.directory, new SqlDigestsSent(f.db), new SqlOutbox(f.db, clock, MailFixture.BOT),
                f.db, clock);
    }

    /** One email as received: to whom, its subject, every text part decoded, and the names of its other parts. */
    record Sent(String to, String subject, String text, List<String> attachments) {}

    private List<Sent> sent() throws Exception {
        f.send();
        List<Sent> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            StringBuilder text = new StringBuilder();
            List<String> files = new ArrayList<>();
            walk(m, text, files);
            out.add(new Sent(m.getAllRecipients()[0].toString(), m.getSubject(), text.toString(), files));
        }
        return out;
    }

    private static void walk(Part p, StringBuilder text, List<String> files) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) walk(mp.getBodyPart(i), text, files);
        } else if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null || !p.isMimeType("text/*")) {
            files.add(p.getFileName() == null ? p.getContentType() : p.getFileName());
        } else {
            text.append(p.getContent()).append('\n');
        }
    }
}
