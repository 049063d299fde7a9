package org.compactbot.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.Outbox;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlInboundLog;
import org.compactbot.store.SqlOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The email channel end to end: GreenMail as the real SMTP and IMAP server, SQLite on disk, the real engine. */
class MailChannelTest {
    static final String BOT = MailFixture.BOT;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir Path dir;
    MailFixture f;
    Database db;
    MailChannel channel;
    CaseService cases;
    SqlCaseStore caseStore;
    AppConfig.Mail mailConfig;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, "");
        db = f.db;
        caseStore = f.caseStore;
        cases = f.cases;
        channel = f.channel;
        mailConfig = f.mailConfig;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private int send() {
        return f.send();
    }

    static byte[] email(String from, String subject, String messageId, String extraHeaders, String body) {
        return ("From: " + from + "\r\nTo: " + BOT + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId + "\r\n"
                + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + extraHeaders + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private String replyingTo(String address, String purpose) {
        return f.replyingTo(address, purpose);
    }

    /** A challenge submitted in conversation {@code id} and routed to a mediator, as the engine and the jobs do it. */
    private String routedCase(String id, ConversationStore.NewCase newCase) {
        String ref = new SqlConversationStore(db, "CC", Clock.systemUTC())
                .commitTurn(new Conversation(id, "test", java.time.Instant.now()), List.of(), newCase).orElseThrow();
        cases.routeNew();
        return ref;
    }

    @Test
    void aReplyCarriesTheWholeThreadInReferencesAndAsksForNoAutoReplies() throws Exception {
        MailOutcome o = channel.receive(email("jo@bilston.org.uk", "Re: Consultation length", "<q3@bilston.org.uk>",
                "In-Reply-To: <q2@lists.example>\r\nReferences: <q1@bilston.org.uk>\r\n <q2@lists.example>\r\n",
                "And how long should a formal consultation run?"));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(1, send());
        MimeMessage reply = greenMail.getReceivedMessages()[0];
        assertEquals("<q3@bilston.org.uk>", reply.getHeader("In-Reply-To")[0]);
        // RFC 5322 3.6.4: the parent's References, then the parent's own Message-ID
        assertEquals("<q1@bilston.org.uk> <q2@lists.example> <q3@bilston.org.uk>",
                jakarta.mail.internet.MimeUtility.unfold(reply.getHeader("References", " ")).replaceAll("\\s+", " "));
        assertEquals("All", reply.getHeader("X-Auto-Response-Suppress")[0], "Exchange sends no out-of-office to the bot");
        assertEquals("auto-replied", reply.getHeader("Auto-Submitted")[0]);
    }

    @Test
    void aReplyToALongThreadKeepsItsFirstAndLatestIdsOnSaneLines() throws Exception {
        StringBuilder refs = new StringBuilder("References:");
        for (int i = 1; i <= 60; i++) refs.append("\r\n <t").append(i).append(".").append("x".repeat(40)).append("@bilston.org.uk>");
        channel.receive(email("jo@bilston.org.uk", "Re: Consultation length", "<last@bilston.org.uk>", refs + "\r\n",
                "what is full cost recovery?"));
        assertEquals(1, send());
        MimeMessage reply = greenMail.getReceivedMessages()[0];
        String[] ids = jakarta.mail.internet.MimeUtility.unfold(reply.getHeader("References", " ")).strip().split("\\s+");
        assertTrue(ids.length <= 21, ids.length + " ids");
        assertTrue(ids[0].startsWith("<t1."), ids[0]);
        assertEquals("<last@bilston.org.uk>", ids[ids.length - 1]);
        assertTrue(ids[ids.length - 2].startsWith("<t60."), ids[ids.length - 2]);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        reply.writeTo(raw);
        for (String line : raw.toString(StandardCharsets.UTF_8).split("\r\n")) assertTrue(line.length() <= 998, "a line of " + line.length());
    }

    @Test
    void aQuestionIsAnsweredOnTheSameThread() throws Exception {
        MailOutcome o = channel.receive(email("jo@bilston.org.uk", "Consultation length", "<q1@bilston.org.uk>", "",
                "Hello, how long should a formal consultation run?\r\n\r\nThanks, Jo"));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(1, send());
        MimeMessage reply = greenMail.getReceivedMessages()[0];
        assertEquals("jo@bilston.org.uk", reply.getAllRecipients()[0].toString());
        assertEquals("Re: Consultation length", reply.getSubject());
        assertEquals("<q1@bilston.org.uk>", reply.getHeader("In-Reply-To")[0]);
        assertEquals("auto-replied", reply.getHeader("Auto-Submitted")[0]);
        assertTrue(GreenMailUtil.getBody(reply).contains("12"), GreenMailUtil.getBody(reply));
    }

    @Test
    void outOfOfficeBouncesAndOurOwnMailGetNoReply() throws Exception {
        assertEquals("ignored", channel.receive(email("jo@bilston.org.uk", "Automatic reply: Consultation", "<ooo@x>",
                "Auto-Submitted: auto-replied\r\n", "I am out of the office until Monday.")).what());
        assertEquals("ignored", channel.receive(email("MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender", "<b@x>",
                "", "This is the mail system at host mx.example.net. I'm sorry to have to inform you that your message could not be delivered.")).what());
        assertEquals("ignored", channel.receive(email(BOT, "loop", "<own@x>", "", "hello")).what());
        assertEquals(0, send());
    }

    @Test
    void aDuplicateDeliveryIsProcessedOnce() throws Exception {
        byte[] m = email("jo@bilston.org.uk", "Question", "<dup@bilston.org.uk>", "", "what is full cost recovery?");
        assertEquals("replied", channel.receive(m).what());
        assertEquals("duplicate", channel.receive(m).what());
        assertEquals(1, send());
    }

    @Test
    void aSenderIsNotAnsweredMoreThanTenTimesAnHour() {
        for (int i = 0; i < 10; i++) {
            assertEquals("replied", channel.receive(email("bot@other.example", "Re: hi", "<loop" + i + "@x>", "", "hello there")).what());
        }
        assertEquals("ignored", channel.receive(email("bot@other.example", "Re: hi", "<loop10@x>", "", "hello there")).what());
    }

    @Test
    void theAssignedMediatorAcceptsByEmailAndNobodyElseCanMoveTheCase() throws Exception {
        String ref = routedCase("c", new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                        "sam@lunchclub.org.uk", "{\"details\":{\"codes\":\"funding\"}}"));
        assertEquals("m-funding", caseStore.find(ref).orElseThrow().mediatorId());

        MailOutcome stranger = channel.receive(email("someone@else.example", "Re: [" + ref + "] Compact challenge", "<s@x>", "", "ACCEPT"));
        assertEquals(CaseStatus.ASSIGNED, caseStore.find(ref).orElseThrow().status(), stranger.detail());

        MailOutcome accepted = channel.receive(email("Morgan Lee <morgan@mediation.example>", "Re: [" + ref + "] Compact challenge",
                "<a@mediation.example>", replyingTo("morgan@mediation.example", "mediator_summary"), "ACCEPT\r\n\r\nOn Tue, 24 Nov 2026, Compact Bot wrote:\r\n> A Compact challenge has been assigned to you."));
        assertEquals("replied", accepted.what(), accepted.detail());
        assertNotNull(caseStore.find(ref).orElseThrow().acceptedAt());
        assertEquals(CaseStatus.AWAITING_BODY, caseStore.find(ref).orElseThrow().status(), "accepted, and the body asked for its response");
        send();
        assertTrue(List.of(greenMail.getReceivedMessages()).stream().anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("sam@lunchclub.org.uk") && m.getSubject().contains("mediator has taken on");
            } catch (Exception e) {
                return false;
            }
        }), "the complainant is told");
    }

    @Test
    void mailArrivingInTheImapMailboxIsAnswered() throws Exception {
        greenMail.setUser(BOT, "compact", "pw");
        GreenMailUtil.sendTextEmail(BOT, "pat@eston.org.uk", "Volunteer expenses", "Can our volunteers claim travel expenses?",
                greenMail.getSmtp().getServerSetup());
        try (ImapPoller poller = new ImapPoller(mailConfig, channel::receive)) {
            poller.start();
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && new SqlOutbox(db).depthAndOldestAgeSeconds(java.time.Instant.now())[0] == 0) {
                Thread.sleep(100);
            }
        }
        assertEquals(1, send());
        MimeMessage reply = List.of(greenMail.getReceivedMessages()).stream().filter(m -> {
            try { return m.getAllRecipients()[0].toString().equals("pat@eston.org.uk"); } catch (Exception e) { return false; }
        }).findFirst().orElseThrow();
        assertEquals("Re: Volunteer expenses", reply.getSubject());
    }

    @Test
    void inboundWebhookNeedsItsTokenAndHandsTheMessageToTheChannel() throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail withToken = new AppConfig.Mail(BOT, d.mail().smtp(), d.mail().imap(), "", "in-t0ken");
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), d.data(), d.knowledge(), d.api(), d.slack(), withToken, d.cases());
        var server = new org.compactbot.web.WebServer(org.compactbot.web.WebServer.Parts.of(cfg, SharedKnowledge.answers(), null)
                .withMail(org.compactbot.app.ChannelEndpoints.mailInbox(channel)));
        server.start();
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            java.util.function.BiFunction<String, byte[], java.net.http.HttpResponse<String>> post = (token, body) -> {
                try {
                    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/mail/inbound"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "message/rfc822");
                    if (token != null) b.header("Authorization", "Bearer " + token);
                    return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            byte[] m = email("jo@bilston.org.uk", "Question", "<hook1@bilston.org.uk>", "", "what does co-production mean?");
            assertEquals(401, post.apply(null, m).statusCode());
            assertEquals(401, post.apply("wrong", m).statusCode());
            var ok = post.apply("in-t0ken", m);
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains("\"outcome\":\"replied\""), ok.body());
            assertTrue(post.apply("in-t0ken", m).body().contains("duplicate"));
            assertEquals(400, post.apply("in-t0ken", new byte[0]).statusCode());
        } finally {
            server.stop();
        }
    }

    static byte[] withAttachments(String from, String subject, String messageId, String body, String name1, byte[] file1, String name2, byte[] file2) {
        String b = "b0undary";
        StringBuilder sb = new StringBuilder("From: " + from + "\r\nTo: " + BOT + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n");
        sb.append("--").append(b).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(body).append("\r\n");
        for (String[] f : new String[][] {{name1, java.util.Base64.getMimeEncoder().encodeToString(file1)}, {name2, java.util.Base64.getMimeEncoder().encodeToString(file2)}}) {
            sb.append("--").append(b).append("\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(f[0]).append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        sb.append("--").append(b).append("--\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theComplainantsAnswerToAnInfoQuestionGoesToTheMediatorAndFilesAreKeptAsEvidence() throws Exception {
        String ref = routedCase("c2", new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                        "sam@lunchclub.org.uk", "{\"details\":{\"codes\":\"funding\"}}"));
        String summary = replyingTo("morgan@mediation.example", "mediator_summary");
        channel.receive(email("morgan@mediation.example", "Re: [" + ref + "] Compact challenge", "<m1@x>", summary, "ACCEPT"));
        channel.receive(email("morgan@mediation.example", "Re: [" + ref + "] Compact challenge", "<m2@x>", summary, "INFO When did the letter arrive?"));
        assertEquals(CaseStatus.AWAITING_BODY, caseStore.find(ref).orElseThrow().status(), "still waiting for the body as well");

        byte[] letter = "%PDF-1.4 the council's letter".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[10_000_001];
        MailOutcome o = channel.receive(withAttachments("Sam Patel <sam@lunchclub.org.uk>", "Re: [" + ref + "] The mediator has a question",
                "<c1@lunchclub.org.uk>\r\n" + replyingTo("sam@lunchclub.org.uk", "info_request").strip(), "It arrived on 3 November. The letter is attached.", "letter.pdf", letter, "video.pdf", huge));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(List.of(java.util.Map.entry("letter.pdf", (long) letter.length)), caseStore.evidence(ref));
        assertTrue(o.detail().contains("too large") && o.detail().contains("video.pdf"), o.detail());
        send();
        MimeMessage toMediator = List.of(greenMail.getReceivedMessages()).stream().filter(m -> {
            try { return m.getAllRecipients()[0].toString().equals("morgan@mediation.example") && m.getSubject().contains("complainant has written"); }
            catch (Exception e) { return false; }
        }).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(toMediator);
        assertTrue(body.contains("It arrived on 3 November") && body.contains("letter.pdf"), body);
    }

    private String lastReplyTo(String address) throws Exception {
        send();
        MimeMessage last = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) if (m.getAllRecipients()[0].toString().equals(address)) last = m;
        return last == null ? "" : GreenMailUtil.getBody(last).replace("=\r\n", "").replace("=3D", "=");
    }

    @Test
    void aConcernByEmailIsTakenThroughTheIntakeWithNumberedInlineAnswers() throws Exception {
        String who = "kim@estonyouth.org.uk";
        MailOutcome first = channel.receive(withAttachments("Kim Lee <" + who + ">", "Grant cut", "<k1@eston>",
                "Redcar and Cleveland Council cut our youth club grant with three weeks notice. We were told on 1/11/2026 and it ends 22/11/2026. Is that allowed?"
                        + "\r\n\r\nKind regards,\r\nKim Lee\r\nEston Youth Club\r\n01642 000000",
                "council-letter.pdf", "%PDF-1.4 letter".getBytes(StandardCharsets.UTF_8), "minutes.pdf", "%PDF-1.4 minutes".getBytes(StandardCharsets.UTF_8)));
        assertEquals("replied", first.what(), first.detail());
        String list = lastReplyTo(who);
        assertTrue(list.contains("Please answer these by number"), list);
        assertTrue(list.contains("Kept with your challenge as evidence: council-letter.pdf, minutes.pdf"), list);
        assertTrue(list.contains("1. Are you raising this as"), list);
        assertTrue(list.contains("22 days' notice") || list.contains("21 days' notice"), list);

        assertTrue(!list.contains("What is your name") && !list.contains("What email address"), "name and email come from the From header: " + list);
        assertTrue(list.contains("name: Kim Lee") && list.contains("email: " + who), list);

        assertTrue(!list.contains("Which organisation") && list.contains("organisation: Eston Youth Club"), "organisation from the sign-off: " + list);
        channel.receive(email(who, "Re: Grant cut", "<k2@eston>", replyingTo(who, "reply"), "1. A voluntary or community group\n"
                + "2. skip\n3. skip\n4. Restore the grant until three months notice is given\n5. perhaps\n\nOn Tue, Compact Bot wrote:\n> 1. Are you raising this as"));
        String again = lastReplyTo(who);
        assertTrue(again.contains("5. Sorry, I couldn't tell which you meant"), again);
        assertTrue(again.contains("1. Your challenge will be shared"), again);

        channel.receive(email(who, "Re: Grant cut", "<k3@eston>", replyingTo(who, "reply"), "1. 2"));
        String undertakings = lastReplyTo(who);
        assertTrue(undertakings.contains("Which apply?"), undertakings);
        channel.receive(email(who, "Re: Grant cut", "<k4@eston>", replyingTo(who, "reply"), "none"));
        String summary = lastReplyTo(who);
        assertTrue(summary.contains("Here is your challenge") && summary.contains("Eston Youth Club") && summary.contains("Kim Lee"), summary);
        assertTrue(summary.contains("Keep my name confidential"), summary);
        channel.receive(email(who, "Re: Grant cut", "<k5@eston>", replyingTo(who, "reply"), "YES"));
        String done = lastReplyTo(who);
        String ref = "CC-" + java.time.Year.now(java.time.ZoneId.of("Europe/London")).getValue() + "-0001";
        assertTrue(done.contains(ref), done);
        assertEquals(1, cases.routeNew());
        assertEquals("m-teesside", caseStore.find(ref).orElseThrow().mediatorId());
        assertEquals(List.of("council-letter.pdf", "minutes.pdf"), caseStore.evidence(ref).stream().map(java.util.Map.Entry::getKey).toList(),
                "files sent before the case existed become its evidence");
    }

    @Test
    void aCrashBetweenTheTurnAndQueuingItsReplyNeitherLosesTheReplyNorActsTwice() throws Exception {
        var real = new SqlOutbox(db);
        Outbox dying = new Outbox() {
            public void enqueue(org.compactbot.cases.OutgoingEmail email, String caseRef) { throw new IllegalStateException("killed"); }
            public java.util.Optional<Sent> sent(String messageId) { return real.sent(messageId); }
            public int repliesTo(String recipient, java.time.Instant since) { return real.repliesTo(recipient, since); }
            public List<Pending> due(java.time.Instant now, int limit) { return real.due(now, limit); }
            public void markSent(long id, java.time.Instant at) { real.markSent(id, at); }
            public void markFailed(long id, int attempts, java.time.Instant next, String error) { real.markFailed(id, attempts, next, error); }
            public long[] depthAndOldestAgeSeconds(java.time.Instant now) { return real.depthAndOldestAgeSeconds(now); }
        };
        Clock clock = Clock.systemUTC();
        ConversationEngine engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(null), clock);
        MailChannel crashing = new MailChannel(new MessageParser(), new SqlInboundLog(db, clock), engine, cases, dying, BOT);
        byte[] start = email("al@youth.org.uk", "Challenge", "<al1@youth>", "", "I want to raise a challenge");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> crashing.receive(start));

        MailOutcome again = channel.receive(start); // redelivered after the restart
        assertEquals("replied", again.what(), again.detail());
        assertEquals(1, send(), "the reply is sent once");
        String body = GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]);
        assertTrue(body.contains("Please answer these by number"), body);
        assertEquals("duplicate", channel.receive(start).what());
        MailOutcome next = channel.receive(email("al@youth.org.uk", "Re: Challenge", "<al2@youth>", replyingTo("al@youth.org.uk", "reply"), "1. Wolverhampton"));
        assertEquals("replied", next.what());
        assertTrue(next.detail().contains("collecting"), next.detail());
    }

    @Test
    void aReplyThatLostTheReferenceInItsSubjectStillJoinsItsCaseByInReplyTo() throws Exception {
        String ref = routedCase("c3", new ConversationStore.NewCase("redcar-cleveland", "Redcar and Cleveland Council", "Eston Youth", "Kim Lee",
                        "kim@estonyouth.org.uk", "{}"));
        String summaryId = new SqlOutbox(db).due(java.time.Instant.now(), 10).stream()
                .filter(p -> p.email().purpose().equals("mediator_summary")).findFirst().orElseThrow().messageId();
        MailOutcome o = channel.receive(email("helen@teesmediation.example", "Re: your email", "<h1@tees>",
                "In-Reply-To: " + summaryId + "\r\nReferences: " + summaryId + "\r\n", "ACCEPT"));
        assertEquals("replied", o.what(), o.detail());
        assertNotNull(caseStore.find(ref).orElseThrow().acceptedAt());
    }
}
