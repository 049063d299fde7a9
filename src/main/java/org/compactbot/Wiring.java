package org.compactbot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.MediatorConfigException;
import org.compactbot.cases.MediatorDirectory;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PublicBodies;
import org.compactbot.cases.PublicBody;
import org.compactbot.cases.SubmittingChallenge;
import org.compactbot.cases.Retention;
import org.compactbot.cases.RetentionPolicy;
import org.compactbot.store.SqlPersonalData;
import org.compactbot.config.AppConfig;
import org.compactbot.config.ConfigException;
import org.compactbot.mail.ImapPoller;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MessageParser;
import org.compactbot.mail.OutboxSender;
import org.compactbot.store.SqlInboundLog;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlOutbox;
import org.compactbot.conversation.BodyNames;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.store.Database;
import org.compactbot.store.Leadership;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.KnowledgeGaps;
import org.compactbot.store.SqlKnowledgeGaps;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.CorpusLoader;
import org.compactbot.knowledge.Embedder;
import org.compactbot.knowledge.KnowledgeIndex;
import org.compactbot.knowledge.Retriever;
import org.compactbot.mail.MailMetrics;
import org.compactbot.web.Health;
import org.compactbot.web.InboundEndpoint;
import org.compactbot.web.MailInbox;
import org.compactbot.web.Metrics;
import org.compactbot.web.WebServer;
import java.util.Optional;
import org.compactbot.slack.CaseStatusLookup;
import org.compactbot.slack.SlackChannel;
import org.compactbot.slack.SlackMetrics;
import org.compactbot.slack.SlackHttp;
import org.compactbot.store.SqlSlackEventLog;

/** The one place where the service's parts are constructed and connected. */
public final class Wiring implements AutoCloseable {
    private final AppConfig config;
    private final PrintStream notices;
    private Embedder embedder;
    private KnowledgeIndex index;
    private AnswerService answers;
    private KnowledgeGaps gaps;
    private Database database;
    private Leadership leadership;
    private ConversationEngine conversations;
    private final Clock clock;
    private MediatorDirectory directory;
    private MailChannel mailChannel;
    private CaseService cases;
    private SlackChannel slack;
    private SlackHttp slackHttp;
    private final Metrics metrics = new Metrics();

    public Wiring(AppConfig config, PrintStream notices) {
        this(config, notices, Clock.systemUTC());
    }

    public Wiring(AppConfig config, PrintStream notices, Clock clock) {
        this.config = config;
        this.notices = notices;
        this.clock = clock;
    }

    public AppConfig config() {
        return config;
    }

    /** Checks that the data directory can be written, with a message that says what to do. */
    public Path dataDir() throws IOException {
        Path dir = config.data().dir();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IOException("the data directory " + dir.toAbsolutePath().normalize()
                    + " is not writable: set data.dir in the config to a folder this user can write to");
        }
        return dir;
    }

    public synchronized Embedder embedder() {
        if (embedder == null) embedder = new BgeEmbedder();
        return embedder;
    }

    public synchronized KnowledgeIndex knowledgeIndex() throws IOException {
        if (index == null) {
            Path dataDir = dataDir();
            index = KnowledgeIndex.openOrBuild(config.knowledge().dir(), dataDir, embedder(), new CorpusLoader(),
                    (file, reason) -> notices.println("warning: " + config.knowledge().dir().resolve(file)
                            + (file.endsWith(org.compactbot.knowledge.ExampleQuestions.SUFFIX) ? ": " : " skipped: ") + reason));
        }
        return index;
    }

    /** Answers for people in the channels: what they asked and the bot could not answer well joins the knowledge gaps. */
    public synchronized AnswerService answers() throws IOException {
        if (answers == null) {
            KnowledgeIndex idx = knowledgeIndex();
            answers = new AnswerService(idx, new Retriever(idx, embedder(), Retriever.Tuning.DEFAULT),
                    AnswerService.Abstention.DEFAULT, knowledgeGaps());
        }
        return answers;
    }

    /** Answers for an operator's own trials (`ask`, `bench`): they do not count as knowledge gaps. */
    public synchronized AnswerService answersWithoutGaps() throws IOException {
        KnowledgeIndex idx = knowledgeIndex();
        return new AnswerService(idx, new Retriever(idx, embedder(), Retriever.Tuning.DEFAULT), AnswerService.Abstention.DEFAULT);
    }

    public synchronized KnowledgeGaps knowledgeGaps() throws IOException {
        if (gaps == null) gaps = new SqlKnowledgeGaps(database(), clock);
        return gaps;
    }

    /** The SQLite file data/compact-bot.db, or the database store.url names (PostgreSQL for several instances). */
    public synchronized Database database() throws IOException {
        if (database == null) {
            AppConfig.Store store = config.store();
            database = store.url().isBlank() ? Database.open(databaseFile())
                    : Database.open(store.url(), store.username(), store.password());
        }
        return database;
    }

    /** Which instance polls IMAP, routes new cases and runs the timers: on SQLite this one; on PostgreSQL one at a time. */
    public synchronized Leadership leadership() throws IOException {
        if (leadership == null) leadership = database().leadership();
        return leadership;
    }

    /** Where the SQLite database lives: the store.url's file, or compact-bot.db in the data directory; null on PostgreSQL. */
    public Path databaseFile() throws IOException {
        String url = config.store().url();
        if (url.startsWith("jdbc:sqlite:")) return Path.of(url.substring("jdbc:sqlite:".length()));
        return url.isBlank() ? dataDir().resolve("compact-bot.db") : null;
    }

    public synchronized ConversationEngine conversations() throws IOException {
        if (conversations == null) {
            conversations = new ConversationEngine(new SqlConversationStore(database(), new SubmittingChallenge(config.cases().referencePrefix()), clock),
                    answers(), new IntentClassifier(embedder()), clock, bodyNames());
        }
        return conversations;
    }

    /** The configured public bodies, so that a challenge names "CWaC" or "the council" by the body's own name. */
    private BodyNames bodyNames() {
        try {
            PublicBodies bodies = new PublicBodies(directory().bodies());
            return (said, area) -> bodies.match(said, area).map(PublicBody::name);
        } catch (ConfigException e) {
            notices.println("warning: " + e.getMessage() + ": public bodies are kept as people name them");
            return BodyNames.NONE;
        }
    }

    /** The mediators file; missing means no mediators yet (cases then go to nobody and are flagged). */
    public synchronized MediatorDirectory directory() throws ConfigException {
        if (directory == null) {
            Path file = config.cases().mediators();
            if (!Files.exists(file)) {
                notices.println("warning: " + file + " does not exist: no mediators are configured, new cases will be flagged for a person");
                directory = new MediatorDirectory(java.util.List.of(), Map.of());
            } else {
                try {
                    directory = MediatorDirectoryLoader.load(file);
                } catch (MediatorConfigException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
        }
        return directory;
    }

    public synchronized CaseService cases() throws IOException, ConfigException {
        if (cases == null) cases = new CaseService(new SqlCaseStore(database(), clock, config.mail().address()), directory(), clock);
        return cases;
    }

    public SqlCaseStore caseStore() throws IOException {
        return new SqlCaseStore(database(), clock, config.mail().address());
    }

    public OutboxSender outboxSender() throws IOException {
        return new OutboxSender(new SqlOutbox(database(), clock, config.mail().address()), config.mail(), dataDir().resolve("outbox"),
                clock, new Random(), mailMetrics());
    }

    public BackgroundJobs backgroundJobs() throws IOException, ConfigException {
        java.util.function.Supplier<ImapPoller> imap = !config.mail().imap().enabled() ? null : () -> {
            try {
                return imapPoller();
            } catch (IOException | ConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
        return new BackgroundJobs(cases(), outboxSender(), leadership(), imap, retention());
    }

    /** What is held about a person, for UK GDPR export and erasure. */
    public PersonalData personalData() throws IOException {
        return new SqlPersonalData(database(), clock);
    }

    /** The retention schedule (config retention.*), run daily by the background jobs. */
    public Retention retention() throws IOException {
        AppConfig.Retention r = config.retention();
        return new Retention(personalData(), new RetentionPolicy(r.casesYearsAfterClosure(), r.abandonedDraftsDays()), clock);
    }

    public WebServer webServer() throws IOException, ConfigException {
        return new WebServer(new WebServer.Parts(config, answers(), conversations(), metrics, Optional.of(health()),
                Optional.of(mailInbox(mailChannel())), slackHttp().map(Wiring::slackEndpoint)));
    }

    /** The email channel as POST /mail/inbound sees it (web imports no channel). */
    public static MailInbox mailInbox(MailChannel mail) {
        return new MailInbox(MessageParser::senderOf, raw -> {
            MailChannel.Outcome o = mail.receive(raw);
            return new MailInbox.Received(o.what(), o.detail());
        });
    }

    /** The Slack bridge as POST /slack/events sees it (web imports no channel). */
    public static InboundEndpoint slackEndpoint(SlackHttp slack) {
        return (body, headers) -> {
            SlackHttp.Reply r = slack.handle(body, headers);
            return new InboundEndpoint.Reply(r.status(), r.headers(), r.body());
        };
    }

    /** The counters and histograms behind /metrics, one set for the whole service. */
    public Metrics metrics() {
        return metrics;
    }

    /** The email channel's counts, into {@link #metrics()}. */
    public MailMetrics mailMetrics() {
        return new MailMetrics() {
            @Override
            public void received(String outcome) {
                metrics.count("compactbot_mail_in_total", "Inbound emails by outcome", "outcome", outcome);
            }

            @Override
            public void turn(double seconds) {
                metrics.count("compactbot_turns_total", "Conversation turns handled", "channel", "email");
                metrics.observe("compactbot_turn_seconds", "Time to handle a conversation turn", seconds, "channel", "email");
            }

            @Override
            public void sent() {
                metrics.count("compactbot_mail_out_total", "Outgoing emails by result", "result", "sent");
            }

            @Override
            public void sendFailed() {
                metrics.count("compactbot_mail_out_total", "Outgoing emails by result", "result", "failed");
            }
        };
    }

    /** The email channel: inbound messages through POST /mail/inbound and the IMAP poller. */
    public synchronized MailChannel mailChannel() throws IOException, ConfigException {
        if (mailChannel == null) {
            mailChannel = new MailChannel(new MessageParser(), new SqlInboundLog(database(), clock), conversations(), cases(),
                    new SqlOutbox(database(), clock, config.mail().address()), config.mail().address(), config.mail().trustedAuthservId(),
                    mailMetrics(), clock);
        }
        return mailChannel;
    }

    /** Polls the mailbox when mail.imap.host is set; null otherwise. */
    public ImapPoller imapPoller() throws IOException, ConfigException {
        if (!config.mail().imap().enabled()) return null;
        MailChannel channel = mailChannel();
        return new ImapPoller(config.mail(), channel::receive);
    }

    /** Readiness and gauges for /readyz and /metrics. */
    public Health health() throws IOException {
        Database db = database();
        SqlOutbox outbox = new SqlOutbox(db, clock, config.mail().address());
        SqlCaseStore cases = caseStore();
        return new Health() {
            @Override
            public Map<String, String> checks() {
                Map<String, String> out = new java.util.LinkedHashMap<>();
                try {
                    db.inTransaction(c -> {
                        try (var s = c.createStatement()) {
                            s.executeUpdate("DELETE FROM slack_events WHERE event_id = 'readiness-probe'");
                        }
                        return null;
                    });
                    out.put("database", "ok");
                } catch (RuntimeException e) {
                    out.put("database", "failing: " + e.getMessage());
                }
                out.put("smtp", config.mail().smtp().enabled() ? "ok (" + config.mail().smtp().host() + ")" : "off (emails written to data/outbox)");
                out.put("imap", config.mail().imap().enabled() ? "ok (" + config.mail().imap().host() + ")" : "off");
                out.put("slack", config.slack().enabled() ? "ok" : "off");
                return out;
            }

            @Override
            public Map<String, Double> gauges() {
                Map<String, Double> g = new java.util.LinkedHashMap<>();
                long[] depth = outbox.depthAndOldestAgeSeconds(clock.instant());
                g.put("compactbot_outbox_depth", (double) depth[0]);
                g.put("compactbot_outbox_oldest_seconds", (double) depth[1]);
                cases.countByStatus().forEach((s, n) -> g.put("compactbot_cases{status=\"" + s + "\"}", (double) n));
                return g;
            }
        };
    }

    /** The Slack channel when slack.bot-token and slack.signing-secret are set; empty (Slack off) otherwise. */
    public synchronized Optional<SlackHttp> slackHttp() throws IOException {
        if (!config.slack().enabled()) return Optional.empty();
        if (slackHttp == null) {
            SqlCaseStore caseStore = caseStore();
            slack = new SlackChannel(config.slack(), conversations(), answers(), new IntentClassifier(embedder()),
                    new SqlSlackEventLog(database(), clock),
                    CaseStatusLookup.of(caseStore), new SlackMetrics() {
                        @Override
                        public void turn(double seconds) {
                            metrics.count("compactbot_turns_total", "Conversation turns handled", "channel", "slack");
                            metrics.observe("compactbot_turn_seconds", "Time to handle a conversation turn", seconds, "channel", "slack");
                        }

                        @Override
                        public void question(boolean answered) {
                            metrics.count(answered ? "compactbot_questions_answered_total" : "compactbot_questions_abstained_total",
                                    answered ? "Questions answered from the Compacts" : "Questions with no relevant passage");
                        }
                    });
            if (!slack.start()) notices.println("warning: Slack did not accept slack.bot-token yet (see the log); it is tried again on the first Slack request");
            if (!config.slack().appToken().isBlank()) {
                notices.println(slack.startSocketMode(config.slack().appToken())
                        ? "Slack: Socket Mode connected (slack.app-token is set); POST /slack/events works too"
                        : "warning: Slack Socket Mode did not connect (see the log); Slack can still reach POST /slack/events");
            }
            slackHttp = new SlackHttp(slack, config.slack().signingSecret(), clock);
        }
        return Optional.of(slackHttp);
    }

    @Override
    public synchronized void close() throws IOException {
        if (slack != null) slack.close();
        if (index != null) index.close();
        if (leadership != null) leadership.close();
        if (database != null) database.close();
    }
}
