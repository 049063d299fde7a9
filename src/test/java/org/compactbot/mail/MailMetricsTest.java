package org.compactbot.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlInboundLog;
import org.compactbot.store.SqlOutbox;
import org.compactbot.web.Scrape;
import org.compactbot.web.ServiceMetrics;
import org.compactbot.app.ChannelMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email in and out shows on /metrics: inbound by outcome, turns, outbound sent and failed (SQLite on disk, a real socket). */
class MailMetricsTest {
    static final String BOT = MailChannelTest.BOT;
    @TempDir Path dir;

    @Test
    void inboundOutcomesTurnsAndOutboundResultsAreCounted() throws Exception {
        AppConfig d = AppConfig.defaults();
        ServiceMetrics metrics = new ServiceMetrics();
        MailMetrics counts = ChannelMetrics.mail(metrics);
        try (Database db = Database.open(dir.resolve("mail.db"))) {
            Clock clock = Clock.systemUTC();
            ConversationEngine engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                    new IntentClassifier(null), clock);
            CaseService cases = new CaseService(new SqlCaseStore(db, clock, BOT), MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), clock);
            MailChannel channel = new MailChannel(new MessageParser(), new SqlInboundLog(db, clock), engine, cases,
                    new SqlOutbox(db, clock, BOT), BOT, "", counts, clock);
            byte[] q1 = MailChannelTest.email("jo@bilston.org.uk", "Consultation", "<m1@bilston.org.uk>", "", "what does co-production mean?");
            byte[] q2 = MailChannelTest.email("pat@eston.org.uk", "Volunteers", "<m2@eston.org.uk>", "", "can volunteers claim expenses?");
            byte[] away = MailChannelTest.email("sam@eston.org.uk", "Out of office", "<m3@eston.org.uk>", "Auto-Submitted: auto-replied\r\n", "Away");
            assertEquals("replied", channel.receive(q1).what());
            assertEquals("duplicate", channel.receive(q1).what());
            assertEquals("replied", channel.receive(q2).what());
            assertEquals("ignored", channel.receive(away).what());
            Scrape in = Scrape.of(metrics.scrape());
            assertEquals(2, in.value("compactbot_mail_in_total{outcome=\"replied\"}"));
            assertEquals(1, in.value("compactbot_mail_in_total{outcome=\"duplicate\"}"));
            assertEquals(1, in.value("compactbot_mail_in_total{outcome=\"ignored\"}"));
            assertEquals(0, in.value("compactbot_mail_in_total{outcome=\"refused\"}"));
            assertEquals(2, in.value("compactbot_turns_total{channel=\"email\"}"));
            assertEquals(2, in.value("compactbot_turn_seconds_count{channel=\"email\"}"));

            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            AppConfig.Mail unreachable = new AppConfig.Mail(BOT, new AppConfig.Smtp("127.0.0.1", closedPort, "", "", "none"), d.mail().imap(), "", "");
            assertEquals(0, new OutboxSender(new SqlOutbox(db), unreachable, dir.resolve("outbox"), clock, new Random(1), counts).drainOnce());
            assertEquals(1, Scrape.of(metrics.scrape()).value("compactbot_mail_out_total{result=\"failed\"}"));
            // the other reply is still due and goes out as a file; the failed one waits for its retry
            assertEquals(1, new OutboxSender(new SqlOutbox(db), d.mail(), dir.resolve("outbox"), clock, new Random(1), counts).drainOnce());
            Scrape out = Scrape.of(metrics.scrape());
            assertEquals(1, out.value("compactbot_mail_out_total{result=\"sent\"}"));
            assertEquals(1, out.value("compactbot_mail_out_total{result=\"failed\"}"));
        }
    }
}
