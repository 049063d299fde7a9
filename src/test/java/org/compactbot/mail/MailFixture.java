package org.compactbot.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.HandingToAPerson;
import org.compactbot.cases.MediatorDirectory;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.BodyNames;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.QuestionsAsked;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlInboundLog;
import org.compactbot.store.SqlOutbox;
import org.compactbot.store.SqlPublishedOutcomes;
import org.compactbot.store.SqlSurveys;

/**
 * The email channel as it runs: the real engine and case service on a SQLite file, the shipped Compacts and
 * mediators (their leads asked to contact a person who asks for one), and GreenMail as the SMTP (and, where it runs one, IMAP) server the outbox sends to.
 */
final class MailFixture implements AutoCloseable {
    static final String BOT = "compact@example.org";

    final Database db;
    final ConversationEngine engine;
    final SqlCaseStore caseStore;
    final CaseService cases;
    final MailChannel channel;
    final AppConfig.Mail mailConfig;
    final MediatorDirectory directory;
    private final Path dir;
    private final GreenMailExtension greenMail;
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private final Clock clock;

    /** @param trustedAuthservId the receiving server whose Authentication-Results are believed ("" for none) */
    MailFixture(Path dir, GreenMailExtension greenMail, String trustedAuthservId) throws Exception {
        this(dir, greenMail, trustedAuthservId, Clock.systemUTC());
    }

    /** The same, on a clock the test moves (the outbox sends by it too, so what was queued "now" is due). */
    MailFixture(Path dir, GreenMailExtension greenMail, String trustedAuthservId, Clock clock) throws Exception {
        this.dir = dir;
        this.greenMail = greenMail;
        this.clock = clock;
        db = Database.open(dir.resolve("mail.db"));
        caseStore = new SqlCaseStore(db, clock, BOT);
        directory = MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(), new IntentClassifier(null), clock,
                BodyNames.NONE, QuestionsAsked.NONE, new HandingToAPerson(directory, new SqlOutbox(db, clock, BOT), caseStore::transcript));
        cases = new CaseService(caseStore, directory, clock, new SqlSurveys(db), new SqlPublishedOutcomes(db));
        channel = new MailChannel(new MessageParser(), new SqlInboundLog(db, clock), engine, cases, new SqlOutbox(db, clock, BOT), BOT,
                trustedAuthservId, MailMetrics.NONE, clock);
        AppConfig.Imap imap = greenMail.getImap() == null ? AppConfig.defaults().mail().imap()
                : new AppConfig.Imap("127.0.0.1", greenMail.getImap().getPort(), "compact", "pw", "none", "INBOX", 1);
        mailConfig = new AppConfig.Mail(BOT, new AppConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), "", "", "none"), imap, "", "");
    }

    /** A challenge submitted in conversation {@code conversationId} by email, as the engine commits it; its reference. */
    String raised(String conversationId, org.compactbot.conversation.ConversationStore.NewCase newCase) {
        return new SqlConversationStore(db, "CC", clock).commitTurn(new org.compactbot.conversation.Conversation(conversationId, "mail",
                clock.instant()), java.util.List.of(), newCase).orElseThrow();
    }

    /** Sends what the outbox holds, then the emails GreenMail received since the last call, as "to / subject / body". */
    java.util.List<String> newMail() throws Exception {
        send();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : greenMail.getReceivedMessages()) {
            if (seen.add(m.getMessageID())) {
                out.add(m.getAllRecipients()[0] + " / " + m.getSubject() + " / "
                        + com.icegreen.greenmail.util.GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
            }
        }
        return out;
    }

    /** Sends what the outbox holds to GreenMail; returns how many were sent. */
    int send() {
        return new OutboxSender(new SqlOutbox(db), mailConfig, dir.resolve("outbox"), clock, new Random(1)).drainOnce();
    }

    /**
     * The headers of a reply to the latest email we queued for this address (of this purpose, when given): what a
     * mail program writes when the person presses Reply.
     */
    String replyingTo(String address, String purpose) {
        String id = db.inTransaction(c -> {
            try (var p = c.prepareStatement("SELECT message_id FROM emails WHERE recipient = ?" + (purpose == null ? "" : " AND purpose = ?")
                    + " ORDER BY id DESC LIMIT 1")) {
                p.setString(1, address);
                if (purpose != null) p.setString(2, purpose);
                try (var rs = p.executeQuery()) {
                    if (!rs.next()) throw new AssertionError("no email to " + address + (purpose == null ? "" : " (" + purpose + ")"));
                    return rs.getString(1);
                }
            }
        });
        return "In-Reply-To: " + id + "\r\nReferences: <earlier@elsewhere.example> " + id + "\r\n";
    }

    @Override
    public void close() {
        db.close();
    }
}
