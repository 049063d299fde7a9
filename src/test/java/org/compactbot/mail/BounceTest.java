package org.compactbot.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.CaseEvent;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Outgoing mail carries a signed bounce address as its envelope sender; a bounce to it marks the email and notes the case. */
class BounceTest {
    static final String BOT = MailFixture.BOT;
    static final String MEDIATOR = "helen@teesmediation.example", COMPLAINANT = "kim@estonyouth.org.uk", LEAD = "compact@redcar-cleveland.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    MailFixture f;
    String ref;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, "");
        ref = new SqlConversationStore(f.db, "CC", Clock.systemUTC()).commitTurn(new Conversation("c1", "test", java.time.Instant.now()), List.of(),
                new ConversationStore.NewCase("redcar-cleveland", "Redcar and Cleveland Council", "Eston Youth", "Kim Lee", COMPLAINANT, "{}"))
                .orElseThrow();
        f.cases.routeNew();
        assertEquals(2, f.send(), "the mediator's summary and the complainant's acknowledgement");
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The envelope sender (MAIL FROM) the SMTP server saw for the email to this address. */
    private String envelopeSenderOf(String to) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(to)) {
                String rp = m.getHeader("Return-Path", null);
                assertNotNull(rp, "GreenMail records MAIL FROM as Return-Path");
                return rp.replaceAll("[<>\\s]", "");
            }
        }
        throw new AssertionError("nothing sent to " + to);
    }

    private Map<String, Object> row(String recipient, String purpose) {
        return f.db.inTransaction(c -> {
            try (var p = c.prepareStatement("SELECT id, message_id, undeliverable_at, undeliverable_reason FROM emails "
                    + "WHERE recipient = ? AND purpose = ? ORDER BY id LIMIT 1")) {
                p.setString(1, recipient);
                p.setString(2, purpose);
                try (var rs = p.executeQuery()) {
                    if (!rs.next()) return null;
                    Map<String, Object> out = new java.util.HashMap<>();
                    for (int i = 1; i <= 4; i++) out.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    return out;
                }
            }
        });
    }

    private int count(String sql, String arg) {
        return f.db.inTransaction(c -> {
            try (var p = c.prepareStatement(sql)) {
                p.setString(1, arg);
                try (var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private List<String> history() {
        return f.caseStore.history(ref).stream().map(CaseEvent::note).toList();
    }

    private int emailsTo(String recipient) {
        return count("SELECT COUNT(*) FROM emails WHERE recipient = ?", recipient);
    }

    /** A delivery status notification as Postfix writes it (RFC 3464), sent to {@code to}. */
    static byte[] dsn(String to, String failedRecipient, String messageId, String action, String status, String diagnostic) {
        String b = "==dsn-boundary";
        return ("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.teesmediation.example (Mail Delivery System)\r\nTo: " + to + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Date: Tue, 24 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + b + "\"\r\n\r\n"
                + "--" + b + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is the mail system at host mx.teesmediation.example.\r\n\r\nI'm sorry to have to inform you that your message\r\n"
                + "could not be delivered to one or more recipients.\r\n\r\n"
                + "--" + b + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.teesmediation.example\r\nArrival-Date: Tue, 24 Nov 2026 10:04:59 +0000\r\n\r\n"
                + "Final-Recipient: rfc822; " + failedRecipient + "\r\nOriginal-Recipient: rfc822;" + failedRecipient + "\r\n"
                + "Action: " + action + "\r\nStatus: " + status + "\r\nRemote-MTA: dns; mailstore.teesmediation.example\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n\r\n"
                + "--" + b + "\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Compact Bot <" + BOT + ">\r\nTo: " + failedRecipient + "\r\n"
                + "Subject: [" + "CC-0000-0000] Compact challenge\r\n\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEnvelopeSenderIsTheSignedBounceAddressOfEachEmail() throws Exception {
        Map<String, Object> summary = row(MEDIATOR, "mediator_summary");
        String expected = Verp.address(BOT, ((Number) summary.get("id")).longValue(), (String) summary.get("message_id"));
        assertTrue(expected.matches("compact\\+bounce-\\d+-[0-9a-f]{16}@example\\.org"), expected);
        assertEquals(expected, envelopeSenderOf(MEDIATOR));
        assertFalse(envelopeSenderOf(COMPLAINANT).equals(expected), "each email has its own");
        MimeMessage sent = greenMail.getReceivedMessages()[0];
        assertEquals("Compact Bot <" + BOT + ">", sent.getHeader("From", null), "the From people see is unchanged");
    }

    @Test
    void aBounceOfTheMediatorsSummaryMarksTheEmailNotesTheCaseAndTellsTheLead() throws Exception {
        MailOutcome o = f.channel.receive(dsn(envelopeSenderOf(MEDIATOR), MEDIATOR, "dsn1@mx", "failed", "5.1.1",
                "550 5.1.1 <" + MEDIATOR + ">: Recipient address rejected: User unknown in virtual mailbox table"));
        assertEquals("ignored", o.what(), o.detail());
        assertTrue(o instanceof MailOutcome.Bounced b && ref.equals(b.caseRef()), o.detail());
        assertFalse(o.detail().contains("@"), "the log line names no address: " + o.detail());

        Map<String, Object> summary = row(MEDIATOR, "mediator_summary");
        assertNotNull(summary.get("undeliverable_at"));
        assertTrue(String.valueOf(summary.get("undeliverable_reason")).contains("5.1.1"), summary.toString());
        String line = history().get(history().size() - 1);
        assertTrue(line.startsWith("Email to the mediator could not be delivered: 550 5.1.1"), line);
        assertTrue(line.contains("User unknown") && !line.contains(MEDIATOR), line);
        Map<String, Object> notice = row(LEAD, "undeliverable_notice");
        assertNotNull(notice, "the area's Compact lead is told");
        assertEquals(0, emailsTo("mailer-daemon@mx.teesmediation.example"), "a bounce is never answered");

        MailOutcome again = f.channel.receive(dsn(envelopeSenderOf(MEDIATOR), MEDIATOR, "dsn2@mx", "failed", "5.1.1", "550 5.1.1 gone"));
        assertTrue(again instanceof MailOutcome.BounceDropped, again.detail());
        assertEquals(1, history().stream().filter(n -> n.startsWith("Email to the mediator")).count(), "noted once");
    }

    @Test
    void aBounceOfTheComplainantsAcknowledgementTellsTheMediator() throws Exception {
        MailOutcome o = f.channel.receive(dsn(envelopeSenderOf(COMPLAINANT), COMPLAINANT, "dsn3@mx", "failed", "5.2.2",
                "552 5.2.2 mailbox full"));
        assertTrue(o instanceof MailOutcome.Bounced, o.detail());
        assertTrue(history().contains("Email to the complainant could not be delivered: 552 5.2.2 mailbox full"), history().toString());
        assertEquals(1, count("SELECT COUNT(*) FROM emails WHERE recipient = ? AND purpose = 'undeliverable_notice'", MEDIATOR), "the mediator is told");
        f.send();
        MimeMessage toMediator = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> { try { return m.getSubject().contains("could not be delivered"); } catch (Exception e) { return false; } })
                .findFirst().orElseThrow();
        assertTrue(toMediator.getAllRecipients()[0].toString().equalsIgnoreCase(MEDIATOR));
    }

    @Test
    void aForgedOrUnsignedBounceMarksNothing() throws Exception {
        String real = envelopeSenderOf(MEDIATOR);
        String sig = real.substring(real.lastIndexOf('-') + 1, real.indexOf('@'));
        String forged = real.replace(sig, sig.charAt(0) == '0' ? "1" + sig.substring(1) : "0" + sig.substring(1));
        long otherId = ((Number) row(COMPLAINANT, "acknowledgement").get("id")).longValue();
        String otherRow = real.replaceFirst("bounce-\\d+-", "bounce-" + otherId + "-");
        for (String to : List.of(forged, otherRow, "compact+bounce-1@example.org", BOT)) {
            MailOutcome o = f.channel.receive(dsn(to, MEDIATOR, "forged-" + to.hashCode() + "@mx", "failed", "5.1.1", "550 no such user"));
            assertTrue(o instanceof MailOutcome.BounceDropped, to + ": " + o.detail());
            assertFalse(o.detail().contains("@"), o.detail());
        }
        assertNull(row(MEDIATOR, "mediator_summary").get("undeliverable_at"));
        assertNull(row(COMPLAINANT, "acknowledgement").get("undeliverable_at"));
        assertTrue(history().stream().noneMatch(n -> n.contains("could not be delivered")), history().toString());
        assertEquals(0, emailsTo("mailer-daemon@mx.teesmediation.example"));
    }

    @Test
    void aNonStandardBounceToTheBounceAddressCountsButADelayOrAnAutoReplyDoesNot() throws Exception {
        String to = envelopeSenderOf(COMPLAINANT);
        MailOutcome delayed = f.channel.receive(dsn(to, COMPLAINANT, "delay@mx", "delayed", "4.4.1", "451 4.4.1 try again later"));
        assertTrue(delayed instanceof MailOutcome.BounceDropped, delayed.detail());
        byte[] ooo = ("From: Kim Lee <" + COMPLAINANT + ">\r\nTo: " + to + "\r\nSubject: Out of office\r\nMessage-ID: <ooo@kim>\r\n"
                + "Auto-Submitted: auto-replied\r\n\r\nI am away until Monday.\r\n").getBytes(StandardCharsets.UTF_8);
        MailOutcome away = f.channel.receive(ooo);
        assertTrue(away instanceof MailOutcome.BounceDropped, away.detail());
        assertNull(row(COMPLAINANT, "acknowledgement").get("undeliverable_at"));

        byte[] qmail = ("From: MAILER-DAEMON@mail.estonyouth.org.uk\r\nTo: " + to + "\r\nSubject: failure notice\r\nMessage-ID: <q1@mail>\r\n\r\n"
                + "Hi. This is the qmail-send program at mail.estonyouth.org.uk.\r\nI'm afraid I wasn't able to deliver your message.\r\n\r\n<"
                + COMPLAINANT + ">:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n").getBytes(StandardCharsets.UTF_8);
        MailOutcome o = f.channel.receive(qmail);
        assertTrue(o instanceof MailOutcome.Bounced, o.detail());
        assertTrue(history().stream().anyMatch(n -> n.startsWith("Email to the complainant could not be delivered: ")), history().toString());
        assertEquals(0, emailsTo("mailer-daemon@mail.estonyouth.org.uk"), "never answered");
        assertEquals(1, count("SELECT COUNT(*) FROM emails WHERE recipient = ?", COMPLAINANT),
                "the complainant was sent nothing more (their out-of-office got no reply)");
    }

    @Test
    void bounceAddressesAreOnlyOurMailboxsAndAreReadWhateverTheirCase() {
        String a = Verp.address("Compact@Example.org", 42, "<x@example.org>").toLowerCase(java.util.Locale.ROOT);
        assertEquals(42, Verp.claim(a.toUpperCase(java.util.Locale.ROOT), BOT).orElseThrow().id());
        assertTrue(Verp.claim(a, BOT).orElseThrow().signedFor("<x@example.org>"));
        assertFalse(Verp.claim(a, BOT).orElseThrow().signedFor("<y@example.org>"));
        assertTrue(Verp.claim(a.replace("example.org", "elsewhere.example"), BOT).isEmpty());
        assertTrue(Verp.claim(a.replace("compact+", "other+"), BOT).isEmpty());
        assertTrue(Verp.claim(BOT, BOT).isEmpty());
    }
}
