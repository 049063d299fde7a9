package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.CaseStatus;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged senders neither act nor read: the probes of a security review, replayed against the email channel with
 * GreenMail as the SMTP server that receives what the bot sends.
 */
class MailIdentityTest {
    static final String TRUSTED = "mx.compact.example";
    static final String FAILED = "Authentication-Results: " + TRUSTED + "; spf=fail smtp.mailfrom=evil.test; dkim=fail; dmarc=fail header.from=mediation.example\r\n";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    MailFixture f;
    Database db;
    MailChannel channel;
    SqlCaseStore caseStore;
    CaseService cases;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, TRUSTED);
        db = f.db;
        caseStore = f.caseStore;
        channel = f.channel;
        cases = f.cases;
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Sends what is queued; returns every message GreenMail has received so far. */
    private List<MimeMessage> delivered() {
        f.send();
        return List.of(greenMail.getReceivedMessages());
    }

    private static java.util.Set<String> ids(List<MimeMessage> messages) throws Exception {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (MimeMessage m : messages) out.add(m.getMessageID());
        return out;
    }

    /** What was delivered that is not among these Message-IDs. */
    private List<MimeMessage> since(java.util.Set<String> before) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : delivered()) if (!before.contains(m.getMessageID())) out.add(m);
        return out;
    }

    private List<String> bodiesTo(String address) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : delivered()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) out.add(m.getSubject() + "\n" + body(m));
        }
        return out;
    }

    private static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
    }

    private String morgansCase() {
        String ref = new SqlConversationStore(db, "CC", Clock.systemUTC()).commitTurn(new Conversation("c", "test", java.time.Instant.now()),
                List.of(), new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                        "sam@lunchclub.org.uk", "{\"details\":{\"codes\":\"funding\"}}")).orElseThrow();
        cases.routeNew();
        assertEquals("m-funding", caseStore.find(ref).orElseThrow().mediatorId());
        return ref;
    }

    @Test
    void aForgedMediatorAddressWithFailedChecksCanNeitherAcceptNorCloseTheCase() throws Exception {
        String ref = morgansCase();
        java.util.Set<String> before = ids(delivered()); // the summary and the acknowledgement
        String forged = "Reply-To: attacker@evil.test\r\n" + FAILED;
        MailOutcome accept = channel.receive(email("MORGAN@Mediation.Example", "Re: [" + ref + "] Compact challenge", "<f1@evil.test>",
                forged, "ACCEPT"));
        MailOutcome resolve = channel.receive(email("MORGAN@Mediation.Example", "Re: [" + ref + "] Compact challenge", "<f2@evil.test>",
                forged, "RESOLVED council agreed to restore the grant"));
        assertEquals("refused", accept.what(), accept.detail());
        assertEquals("refused", resolve.what(), resolve.detail());
        assertEquals(CaseStatus.ASSIGNED, caseStore.find(ref).orElseThrow().status(), "the case has not moved");

        List<MimeMessage> after = since(before);
        assertEquals(2, after.size(), "one notice for each forged message, nothing else");
        for (MimeMessage m : after) {
            assertEquals("morgan@mediation.example", m.getAllRecipients()[0].toString(), "to the configured address, never to Reply-To: "
                    + m.getSubject() + " " + body(m));
            assertTrue(body(m).contains("We have not acted on your email about " + ref) && body(m).contains("=fail)"), body(m));
        }
        assertTrue(bodiesTo("sam@lunchclub.org.uk").stream().noneMatch(b -> b.contains("closed")), "the complainant got no closure notice");
    }

    @Test
    void aMediatorInstructionThatAnswersNoEmailWeSentThemIsNotActedOnEvenWithoutFailedChecks() throws Exception {
        String ref = morgansCase();
        // the reference is guessable; the Message-ID of our summary is not
        MailOutcome guessed = channel.receive(email("morgan@mediation.example", "Re: [" + ref + "] Compact challenge", "<g1@x>",
                "In-Reply-To: <" + ref + ".00000000-0000-0000-0000-000000000000@example.org>\r\n", "ACCEPT"));
        assertEquals("refused", guessed.what(), guessed.detail());
        assertEquals(CaseStatus.ASSIGNED, caseStore.find(ref).orElseThrow().status());
        String notice = bodiesTo("morgan@mediation.example").stream().filter(b -> b.contains("not acted on")).findFirst().orElseThrow();
        assertTrue(notice.contains("reply to the email we sent you about " + ref), notice);

        // answering the summary itself is proof: the same instruction now moves the case
        MailOutcome real = channel.receive(email("Morgan Lee <morgan@mediation.example>", "Re: [" + ref + "] Compact challenge", "<g2@x>",
                f.replyingTo("morgan@mediation.example", "mediator_summary")
                        + "Authentication-Results: " + TRUSTED + "; spf=pass; dkim=pass; dmarc=pass\r\n", "ACCEPT"));
        assertEquals("replied", real.what(), real.detail());
        assertNotNull(caseStore.find(ref).orElseThrow().acceptedAt());
        assertEquals(CaseStatus.AWAITING_BODY, caseStore.find(ref).orElseThrow().status(), "accepted, and the body asked for its response");
    }

    @Test
    void onlyOurReceivingServersVerdictCounts() throws Exception {
        String ref = morgansCase();
        String thread = f.replyingTo("morgan@mediation.example", "mediator_summary");
        // a failure written by some other server on the way (or by the sender) is not our server's verdict
        MailOutcome other = channel.receive(email("morgan@mediation.example", "Re: [" + ref + "]", "<t1@x>",
                thread + "Authentication-Results: relay.elsewhere.example; dmarc=fail\r\n", "INFO When did the letter arrive?"));
        assertEquals("replied", other.what(), other.detail());
        assertEquals(CaseStatus.ASSIGNED, caseStore.find(ref).orElseThrow().status(), "INFO before ACCEPT leaves the status");
        // our own server's failure stops even a threaded reply
        MailOutcome ours = channel.receive(email("morgan@mediation.example", "Re: [" + ref + "]", "<t2@x>",
                thread + "Authentication-Results: " + TRUSTED + " (ours); dkim=fail (bad signature) header.d=mediation.example\r\n", "ACCEPT"));
        assertEquals("refused", ours.what(), ours.detail());
        assertEquals(CaseStatus.ASSIGNED, caseStore.find(ref).orElseThrow().status());
    }

    @Test
    void aForgedFromCannotReadOrSubmitSomeoneElsesChallengeInProgress() throws Exception {
        String carol = "carol@group.test";
        channel.receive(email("Carol Jones <" + carol + ">", "Our grant", "<c1@group.test>", "",
                "Redcar and Cleveland Council cut our grant with two weeks notice. I want to raise a challenge.\r\n\r\n"
                        + "Kind regards,\r\nCarol Jones\r\nEston Food Bank\r\n07700 900123"));
        assertFalse(bodiesTo(carol).isEmpty());
        java.util.Set<String> before = ids(delivered());

        String forged = "Reply-To: attacker@evil.test\r\n";
        MailOutcome status = channel.receive(email(carol, "status", "<x1@evil.test>", forged, "status"));
        MailOutcome yes = channel.receive(email(carol, "Re: Our grant", "<x2@evil.test>", forged, "YES"));
        MailOutcome moved = channel.receive(email(carol, "Re: Our grant", "<x3@evil.test>", forged, "change email to attacker@evil.test"));
        for (MailOutcome o : List.of(status, yes, moved)) assertEquals("refused", o.what(), o.detail());

        List<MimeMessage> after = since(before);
        assertEquals(3, after.size());
        for (MimeMessage m : after) {
            assertEquals(carol, m.getAllRecipients()[0].toString(), "never to Reply-To");
            String b = m.getSubject() + "\n" + body(m);
            for (String personal : List.of("Carol Jones", "Eston Food Bank", "07700", "two weeks notice")) {
                assertFalse(b.contains(personal), "'" + personal + "' in a reply to an unproven message: " + b);
            }
        }
        assertEquals(0, caseStore.list(null, null).size(), "nothing was submitted");
        assertTrue(bodiesTo("attacker@evil.test").isEmpty());

        // Carol herself, replying to our email, carries on where she was
        MailOutcome hers = channel.receive(email("Carol Jones <" + carol + ">", "Re: Our grant", "<c2@group.test>",
                f.replyingTo(carol, "reply"), "status"));
        assertEquals("replied", hers.what(), hers.detail());
        List<String> toCarol = bodiesTo(carol);
        assertTrue(toCarol.get(toCarol.size() - 1).contains("Challenge in progress: 6 of 13 answered"), "her own challenge, to her own address: "
                + toCarol.get(toCarol.size() - 1));
    }

    @Test
    void aMessageFromAnAddressWhoseChecksFailGetsANoticeAndNoTurn() throws Exception {
        MailOutcome o = channel.receive(email("jo@bilston.org.uk", "Question", "<a1@x>", FAILED.replace("mediation.example", "bilston.org.uk"),
                "I want to raise a challenge about Wolverhampton council"));
        assertEquals("refused", o.what(), o.detail());
        List<String> toJo = bodiesTo("jo@bilston.org.uk");
        assertEquals(1, toJo.size());
        assertTrue(toJo.get(0).contains("have not acted on it"), toJo.get(0));
        assertFalse(toJo.get(0).contains("Please answer these by number"), "no conversation was started");
    }

    @Test
    void rotatingFromAddressesWithOneReplyToSendTheVictimNothing() throws Exception {
        for (int i = 0; i < 12; i++) {
            channel.receive(email("sender" + i + "@rotating.test", "hello", "<r" + i + "@x>", "Reply-To: victim@target.test\r\n", "what is full cost recovery?"));
        }
        assertTrue(bodiesTo("victim@target.test").isEmpty());
        assertEquals(12, delivered().size(), "each sender answered at its own address");
    }

    @Test
    void anAddressGetsAtMostTenRepliesAnHourWhateverItSends() throws Exception {
        List<String> outcomes = new ArrayList<>();
        String ref = morgansCase();
        for (int i = 0; i < 12; i++) {
            // questions and forged case instructions alike count against the address we would write to
            String subject = i % 2 == 0 ? "hello" : "Re: [" + ref + "]";
            outcomes.add(channel.receive(email("morgan@mediation.example", subject, "<cap" + i + "@x>", "", "ACCEPT")).what());
        }
        assertEquals(10, Collections.frequency(outcomes, "replied") + Collections.frequency(outcomes, "refused"), outcomes.toString());
        assertEquals(List.of("ignored", "ignored"), outcomes.subList(10, 12));
    }

    @Test
    void aHugeSubjectAndAnOverlongMessageIdGiveAReplyWithSaneHeaders() throws Exception {
        String subject = "S".repeat(1_000_000);
        String longId = "<" + "x".repeat(998) + "@evil.test>";
        channel.receive(email("jo@bilston.org.uk", subject, longId, "", "what is full cost recovery?"));
        MimeMessage reply = delivered().get(0);
        assertTrue(reply.getSubject().length() <= MailChannel.MAX_SUBJECT_CHARS + 10, "subject of " + reply.getSubject().length());
        assertEquals(null, reply.getHeader("In-Reply-To"), "an id too long for one header line is not repeated");
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        reply.writeTo(raw);
        String head = raw.toString(StandardCharsets.UTF_8);
        head = head.substring(0, head.indexOf("\r\n\r\n"));
        assertTrue(head.length() < 5_000, "header of " + head.length() + " characters");
        for (String line : head.split("\r\n")) assertTrue(line.length() <= 998, "a header line of " + line.length());
    }
}
