package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Routing and mail with GreenMail as a real SMTP server on loopback. */
class CaseMailTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    CaseFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new CaseFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private org.compactbot.config.AppConfig.Smtp login(String user, String password) {
        return new org.compactbot.config.AppConfig.Smtp("127.0.0.1", smtpPort(), user, password, "none");
    }

    private int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    private static String to(MimeMessage m) throws Exception {
        return m.getAllRecipients()[0].toString();
    }

    @Test
    void newCaseGoesToTheRightMediatorWithASummaryAndTheComplainantIsAcknowledged() throws Exception {
        String ref = f.submit("west-cheshire", "Northwich Lunch Club", "sam@lunchclub.org.uk",
                "Cheshire West and Chester Council", "managing-change", false);
        assertEquals("CC-2026-0001", ref);
        assertEquals(1, f.service.routeNew());
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertEquals("m-funding", c.mediatorId(), c.routingReason());
        assertTrue(c.routingReason().contains("managing-change"), c.routingReason());

        assertEquals(2, f.sender(smtpPort(), true).drainOnce());
        MimeMessage[] got = greenMail.getReceivedMessages();
        assertEquals(2, got.length);
        MimeMessage summary = Arrays.stream(got).filter(m -> {
            try { return to(m).equals("morgan@mediation.example"); } catch (Exception e) { return false; }
        }).findFirst().orElseThrow();
        assertEquals("[CC-2026-0001] Compact challenge: Northwich Lunch Club v Cheshire West and Chester Council (West Cheshire)", summary.getSubject());
        assertEquals("auto-generated", summary.getHeader("Auto-Submitted")[0]);
        assertEquals("All", summary.getHeader("X-Auto-Response-Suppress")[0], "no out-of-office or read receipt back to the bot");
        assertTrue(summary.getMessageID().startsWith("<CC-2026-0001."), summary.getMessageID());
        String body = GreenMailUtil.getBody(summary);
        assertTrue(body.contains("27 days' notice against a minimum of three months"), body);
        assertTrue(body.contains("ACCEPT") && body.contains("DECLINE") && body.contains("INFO") && body.contains("RESOLVED"));
        assertTrue(body.contains("Give a minimum of three months"), "undertaking quoted");
        Multipart mixed = (Multipart) summary.getContent();
        assertTrue(((Multipart) mixed.getBodyPart(0).getContent()).getContentType().startsWith("multipart/alternative"));
        Part transcript = mixed.getBodyPart(1);
        assertEquals("CC-2026-0001-transcript.txt", transcript.getFileName());

        MimeMessage ack = Arrays.stream(got).filter(m -> {
            try { return to(m).equals("sam@lunchclub.org.uk"); } catch (Exception e) { return false; }
        }).findFirst().orElseThrow();
        assertTrue(ack.getSubject().contains("CC-2026-0001"));
        assertTrue(GreenMailUtil.getBody(ack).contains("within 2 working days"));
        assertTrue(f.store.find(ref).orElseThrow().acknowledgedAt() != null, "acknowledgement recorded when sent");
        for (MimeMessage m : got) assertFalse(to(m).contains("cheshirewest"), "the respondent is never emailed");
    }

    @Test
    void confidentialityIsFlaggedToTheMediator() throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", true);
        f.service.routeNew();
        f.sender(smtpPort(), true).drainOnce();
        String body = Arrays.stream(greenMail.getReceivedMessages()).map(GreenMailUtil::getBody).collect(Collectors.joining("\n"));
        assertTrue(body.contains("CONFIDENTIAL"), body);
        assertTrue(body.contains("your name will not be shared"), body);
        assertEquals(CaseStatus.ASSIGNED, f.store.find(ref).orElseThrow().status());
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            assertFalse(m.getSubject().contains("Lunch Club") || m.getSubject().contains("Sam Patel"),
                    "a subject line, which gets forwarded, does not name a confidential complainant: " + m.getSubject());
        }
        assertTrue(Arrays.stream(greenMail.getReceivedMessages()).anyMatch(m -> {
            try { return m.getSubject().equals("[" + ref + "] Compact challenge: (confidential complainant) v Cheshire West and Chester Council (West Cheshire)"); }
            catch (Exception e) { return false; }
        }), "the mediator's summary says the complainant is confidential");
    }

    @Test
    void aConfidentialCaseThatFallsToALeadWhoIsTheBodysOfficerReachesThemWithoutTheComplainantsIdentity() throws Exception {
        // Redcar's one mediator is of the complainant's organisation, so the case goes to the area's lead, whose address is the council's
        String ref = f.submit("redcar-cleveland", "Tees Valley Mediation", "sam@teesvalley.example", "Redcar council", "funding", true);
        f.service.routeNew();
        assertEquals(CaseStatus.ESCALATED, f.store.find(ref).orElseThrow().status());
        f.sender(smtpPort(), true).drainOnce();
        MimeMessage lead = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try { return to(m).equals("compact@redcar-cleveland.example"); } catch (Exception e) { return false; }
        }).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(lead);
        assertTrue(body.contains("identity is withheld"), body);
        assertTrue(body.contains("Give a minimum of three months"), "the facts and the undertakings still come: " + body);
        assertTrue(body.contains("cases assign " + ref), "how to hand it to a mediator: " + body);
        for (String who : List.of("Sam Patel", "Patel", "Tees Valley Mediation", "sam@teesvalley.example")) {
            assertFalse(body.contains(who) || lead.getSubject().contains(who), who + " reached the body's officer: " + body);
        }
        assertFalse(GreenMailUtil.getWholeMessage(lead).contains("-transcript.txt"), "no transcript attached: it names them");
    }

    @Test
    void aCaseThatMayBeSharedFallsToTheLeadWithTheWholeSummary() throws Exception {
        String ref = f.submit("redcar-cleveland", "Tees Valley Mediation", "sam@teesvalley.example", "Redcar council", "funding", false);
        f.service.routeNew();
        f.sender(smtpPort(), true).drainOnce();
        MimeMessage lead = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try { return to(m).equals("compact@redcar-cleveland.example"); } catch (Exception e) { return false; }
        }).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(lead);
        assertTrue(body.contains("Sam Patel") && body.contains("Tees Valley Mediation"), body);
        assertEquals(ref + "-transcript.txt", ((Multipart) lead.getContent()).getBodyPart(1).getFileName());
    }

    @Test
    void smtpDownThenUpDeliversEverythingOnce() throws Exception {
        f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.submit("wolverhampton", "Bilston Group", "jo@bilston.org.uk", "City of Wolverhampton Council", "bme", false);
        f.service.routeNew();
        int deadPort;
        try (var s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        var down = f.sender(deadPort, true);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, down.drainOnce());
            f.clock.advance(Duration.ofHours(2));
        }
        assertEquals(0, greenMail.getReceivedMessages().length);
        f.restart();
        f.clock.advance(Duration.ofHours(2));
        assertEquals(4, f.sender(smtpPort(), true).drainOnce());
        assertEquals(0, f.sender(smtpPort(), true).drainOnce());
        MimeMessage[] got = greenMail.getReceivedMessages();
        assertEquals(4, got.length);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : got) ids.add(m.getMessageID());
        assertEquals(4, ids.size(), "each email once");
    }

    @Test
    void retryKeepsTheSameMessageIdSoAResendCanBeRecognised() throws Exception {
        f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        var outbox = new org.compactbot.store.SqlOutbox(f.db);
        List<String> before = outbox.due(f.clock.instant(), 10).stream().map(p -> p.messageId()).toList();
        f.restart();
        List<String> after = new org.compactbot.store.SqlOutbox(f.db).due(f.clock.instant(), 10).stream().map(p -> p.messageId()).toList();
        assertEquals(before, after);
        f.sender(smtpPort(), true).drainOnce();
        assertEquals(new HashSet<>(before), Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try { return m.getMessageID(); } catch (Exception e) { return ""; }
        }).collect(Collectors.toSet()));
    }

    @Test
    void headerInjectionInUserTextCannotAddHeadersOrRecipients() throws Exception {
        f.submit("west-cheshire", "Evil Org\r\nBcc: victim@example.com\r\nX-Injected: yes", "sam@lunchclub.org.uk",
                "Council\nSubject: fake", "funding", false);
        f.service.routeNew();
        f.sender(smtpPort(), true).drainOnce();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            assertEquals(1, m.getAllRecipients().length);
            assertTrue(m.getHeader("X-Injected") == null, "no injected header");
            assertFalse(m.getSubject().contains("\n"));
        }
        MimeMessage summary = greenMail.getReceivedMessages()[0];
        String raw = GreenMailUtil.getWholeMessage(summary);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertFalse(headers.contains("\r\nBcc:") || headers.contains("\r\nX-Injected"), headers);
    }

    @Test
    void userTextIsEscapedInTheHtmlPart() throws Exception {
        ChallengeCase c = new ChallengeCase("CC-2026-0009", CaseStatus.SUBMITTED, "west-cheshire", "<b>Council</b>", "A & B",
                "<script>x</script>", "a@b.org", null, null, null, java.util.Map.of("what_happened", "<img src=x onerror=alert(1)>"),
                f.clock.instant(), f.clock.instant(), null, null, null, null, null);
        OutgoingEmail e = CaseEmails.mediatorSummary(c, "M", "m@x.org", List.of());
        assertFalse(e.html().contains("<img src=x"), e.html());
        assertTrue(e.html().contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void withNoSmtpHostEmailsAreWrittenAsEmlFiles() throws Exception {
        f.submit("redcar-cleveland", "Eston Youth", "kim@estonyouth.org.uk", "Redcar and Cleveland Council", "volunteering", false);
        f.service.routeNew();
        assertEquals(2, f.sender(0, false).drainOnce());
        List<Path> files;
        try (var s = Files.list(dir.resolve("outbox"))) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size());
        assertTrue(files.get(0).toString().endsWith("mediator_summary.eml"), files.toString());
        String eml = Files.readString(files.get(0));
        assertTrue(eml.contains("To: helen@teesmediation.example"), eml);
        assertTrue(eml.contains("Message-ID: <CC-2026-0001."), eml);
    }

    @Test
    void crashAfterSendingBeforeRecordingItLosesNothingAndTheResendKeepsItsMessageId() throws Exception {
        f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        var real = new org.compactbot.store.SqlOutbox(f.db);
        Outbox crashing = new Outbox() {
            public void enqueue(OutgoingEmail email, String caseRef) { real.enqueue(email, caseRef); }
            public java.util.Optional<Sent> sent(String messageId) { return real.sent(messageId); }
            public int repliesTo(String recipient, java.time.Instant since) { return real.repliesTo(recipient, since); }
            public List<Pending> due(java.time.Instant now, int limit) { return real.due(now, limit); }
            public void markSent(long id, java.time.Instant at) { throw new IllegalStateException("killed before the commit"); }
            public void markFailed(long id, int attempts, java.time.Instant next, String error) { /* the process is gone */ }
            public long[] depthAndOldestAgeSeconds(java.time.Instant now) { return real.depthAndOldestAgeSeconds(now); }
        };
        var d = org.compactbot.config.AppConfig.defaults().mail();
        var mail = new org.compactbot.config.AppConfig.Mail("compact@example.org",
                new org.compactbot.config.AppConfig.Smtp("127.0.0.1", smtpPort(), "", "", "none"), d.imap(), "", "");
        new org.compactbot.mail.OutboxSender(crashing, mail, dir.resolve("outbox"), f.clock, new java.util.Random(1)).drainOnce();
        f.restart();
        assertEquals(2, f.sender(smtpPort(), true).drainOnce(), "nothing lost: both are sent again after the restart");
        assertEquals(0, f.sender(smtpPort(), true).drainOnce());
        MimeMessage[] got = greenMail.getReceivedMessages();
        java.util.Map<String, Long> copies = Arrays.stream(got).map(m -> {
            try { return m.getMessageID(); } catch (Exception e) { return ""; }
        }).collect(Collectors.groupingBy(x -> x, Collectors.counting()));
        assertEquals(2, copies.size(), "two distinct emails");
        assertTrue(copies.values().stream().allMatch(n -> n <= 2), "a resend reuses its Message-ID, so a receiver can drop the copy");
    }

    @Test
    void smtpPasswordLoginIsUsed() throws Exception {
        greenMail.setUser("bot@example.org", "bot", "s3cret");
        f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        assertEquals(0, f.sender(login("bot", "wrong"), "").drainOnce(), "a wrong password is refused and retried later");
        f.clock.advance(Duration.ofHours(2));
        assertEquals(2, f.sender(login("bot", "s3cret"), "").drainOnce());
        assertEquals(2, greenMail.getReceivedMessages().length);
    }

    @Test
    void oauth2TokenFromTheConfiguredCommandIsUsedForXoauth2() throws Exception {
        greenMail.setUser("bot@example.org", "bot", "token-123");
        f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        assertEquals(2, f.sender(login("bot", ""), "echo token-123").drainOnce());
        f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        assertEquals(0, f.sender(login("bot", ""), "echo wrong-token").drainOnce(), "a wrong token is refused, and the mail waits");
    }
}
