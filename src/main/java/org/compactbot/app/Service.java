package org.compactbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.compactbot.cases.CaseDesk;
import org.compactbot.cases.SigningIn;
import org.compactbot.cases.Retention;
import org.compactbot.cases.RetentionPolicy;
import org.compactbot.config.AppConfig;
import org.compactbot.config.ConfigException;
import org.compactbot.conversation.BodyNames;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.PersonHandover;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.QuestionsAsked;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.Embedder;
import org.compactbot.mail.ImapPoller;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MailMetrics;
import org.compactbot.mail.MessageParser;
import org.compactbot.mail.OutboxSender;
import org.compactbot.slack.CaseStatusLookup;
import org.compactbot.slack.SlackChannel;
import org.compactbot.slack.SlackHttp;
import org.compactbot.store.SqlEvidenceFiles;
import org.compactbot.store.Leadership;
import org.compactbot.cases.PastOutcomesIndex;
import org.compactbot.cases.SaveAndReturn;
import org.compactbot.cases.StatusByReference;
import org.compactbot.web.DeskServices;
import org.compactbot.web.EmailedLinkServices;
import org.compactbot.web.ServiceMetrics;
import org.compactbot.web.WebServer;

/**
 * The composition root: the whole service built eagerly, in one place and in one order, from the configuration. Nothing
 * is constructed anywhere else (the command line's smaller commands take the parts they need: {@link Storage},
 * {@link Knowledge}, {@link Casework}). {@link #start()} starts the parts in order; {@link #stops()} says how they stop,
 * in the reverse order.
 */
public final class Service implements AutoCloseable {
    private final AppConfig config;
    private final PrintStream notices;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final Storage storage;
    private final Knowledge knowledge;
    private final Leadership leadership;
    private final AnswerService answers;
    private final ConversationEngine conversations;
    private final MailChannel mail;
    private final Optional<SlackChannel> slack;
    private final WebServer web;
    private final BackgroundJobs jobs;
    private boolean closed;

    /**
     * Builds every part: first the storage (a damaged database stops start-up before anything else is built), with the
     * embedding model loading on its own thread meanwhile, then the Compact texts, the cases, the conversations, the
     * channels and the web server. A part that cannot be built closes those built before it.
     */
    public static Service build(AppConfig config, PrintStream notices, Clock clock) throws IOException, ConfigException {
        return build(config, notices, clock, new BgeEmbedder());
    }

    public static Service build(AppConfig config, PrintStream notices, Clock clock, Embedder embedder) throws IOException, ConfigException {
        Storage storage = Storage.open(config, clock);
        Knowledge knowledge = null;
        try {
            knowledge = Knowledge.open(config, embedder, notices);
            embedder.embedQuery("warm-up"); // ready means ready: the first question does not wait for the model
            return new Service(config, notices, clock, storage, knowledge, Casework.of(config, storage, clock, notices));
        } catch (IOException | ConfigException | RuntimeException e) {
            if (knowledge != null) knowledge.close();
            storage.close();
            throw e;
        }
    }

    private Service(AppConfig config, PrintStream notices, Clock clock, Storage storage, Knowledge knowledge, Casework casework) {
        this.config = config;
        this.notices = notices;
        this.storage = storage;
        this.knowledge = knowledge;
        this.leadership = storage.database().leadership();
        this.answers = knowledge.answers(storage.knowledgeGaps());
        this.conversations = conversations(storage, answers, knowledge.embedder(), clock, casework.bodyNames(), metrics,
                casework.handover(storage));
        MailMetrics mailCounts = ChannelMetrics.mail(metrics);
        this.mail = new MailChannel(new MessageParser(), storage.inbound(), conversations, casework.cases(), storage.outbox(),
                config.mail().address(), config.mail().trustedAuthservId(), mailCounts, clock);
        OutboxSender outboxSender = outboxSender(config, storage, clock, mailCounts);
        this.slack = !config.slack().enabled() ? Optional.empty()
                : Optional.of(new SlackChannel(config.slack(), conversations, answers, new IntentClassifier(knowledge.embedder()),
                        storage.slackEvents(), storage.slackInstallations(), CaseStatusLookup.of(storage.cases(), casework.cases()::progress),
                        ChannelMetrics.slack(metrics), clock));
        Optional<SlackHttp> slackHttp = slack.map(s -> new SlackHttp(s, config.slack().signingSecret(), clock));
        this.web = new WebServer(new WebServer.Parts(config, answers, conversations, metrics,
                Optional.of(new Readiness(config, storage, clock)), Optional.of(ChannelEndpoints.mailInbox(mail)),
                slackHttp.map(ChannelEndpoints::slackEndpoint),
                slackHttp.filter(h -> config.slack().manyWorkspaces()).map(ChannelEndpoints::slackInstall),
                Optional.of(emailedLinks(storage, casework, clock)), Optional.of(desk(storage, casework, clock))));
        Supplier<ImapPoller> imap = config.mail().imap().enabled() ? () -> new ImapPoller(config.mail(), mail::receive) : null;
        this.jobs = new BackgroundJobs(casework.cases(), outboxSender, leadership, imap, retention(config, storage, clock),
                casework.digests(storage, clock));
    }

    /**
     * The conversation engine on the storage's conversations, for every channel and for `chat`; each question asked in a
     * conversation is reported to {@code asked} (the service's metrics; `chat`, which has no /metrics, reports none).
     */
    public static ConversationEngine conversations(Storage storage, AnswerService answers, Embedder embedder, Clock clock, BodyNames bodies,
                                                   QuestionsAsked asked, PersonHandover handover) {
        return new ConversationEngine(storage.conversations(), answers, new IntentClassifier(embedder), clock, bodies, asked, handover,
                new PastOutcomesIndex(storage.publishedOutcomes()));
    }

    /** Save and come back later, and status by reference: links emailed through the outbox, kept in the links store. */
    public static EmailedLinkServices emailedLinks(Storage storage, Casework casework, Clock clock) {
        return new EmailedLinkServices(new SaveAndReturn(storage.emailedLinks(), storage.outbox(), clock),
                new StatusByReference(casework.cases(), storage.emailedLinks(), storage.outbox(), clock));
    }

    /** The case desk: mediators and leads sign in by a link emailed through the outbox, and move cases through the case service; leads see their areas' report and knowledge gaps. */
    public static DeskServices desk(Storage storage, Casework casework, Clock clock) {
        return new DeskServices(new SigningIn(casework.directory(), storage.emailedLinks(), storage.outbox(), clock),
                new CaseDesk(storage.cases(), new SqlEvidenceFiles(storage.database()), casework.cases(), casework.directory(), clock), clock,
                java.util.Optional.of(new org.compactbot.cases.DeskReport(storage.cases(), storage.surveys(), casework.cases(), clock)),
                storage.knowledgeGaps());
    }

    /** Sends the outbox by SMTP, or writes each email as a file under data/outbox/ when no SMTP host is set. */
    public static OutboxSender outboxSender(AppConfig config, Storage storage, Clock clock, MailMetrics metrics) {
        return new OutboxSender(storage.outbox(), config.mail(), storage.dataDir().resolve("outbox"), clock, new Random(), metrics);
    }

    /** The retention schedule (config retention.*), run daily by the background jobs and by `cases retention`. */
    public static Retention retention(AppConfig config, Storage storage, Clock clock) {
        AppConfig.Retention r = config.retention();
        return new Retention(storage.personalData(), new RetentionPolicy(r.casesYearsAfterClosure(), r.abandonedDraftsDays()), clock);
    }

    /** Starts, in order: Slack (its token checked, Socket Mode when slack.app-token is set), the web server, the background jobs. */
    public void start() throws IOException {
        if (slack.isPresent()) {
            SlackChannel s = slack.get();
            if (!s.start()) notices.println("warning: Slack did not accept slack.bot-token yet (see the log); it is tried again on the first Slack request");
            if (!config.slack().appToken().isBlank()) {
                notices.println(s.startSocketMode(config.slack().appToken())
                        ? "Slack: Socket Mode connected (slack.app-token is set); POST /slack/events works too"
                        : "warning: Slack Socket Mode did not connect (see the log); Slack can still reach POST /slack/events");
            }
        }
        web.start();
        jobs.start(); // polls IMAP too, on the instance that leads
    }

    /** One step of an orderly stop: what stops, and the work that stops it, which says how it went. */
    public record Stop(String what, Callable<String> work) {}

    /** The orderly stop, in order: HTTP (running requests get {@code grace} to finish), background jobs, channels and storage. */
    public List<Stop> stops(Duration grace) {
        List<Stop> steps = new ArrayList<>();
        steps.add(new Stop("HTTP", () -> {
            int left = web.stopGracefully(grace);
            return left == 0 ? "stopped taking requests; those running finished"
                    : "stopped; " + left + " request(s) still running after " + grace.toSeconds() + " s were cut off";
        }));
        steps.add(new Stop("background jobs", () -> {
            jobs.close();
            return "IMAP polling, routing, outbox sending and timers stopped after their current step (outbox state is in the database)";
        }));
        steps.add(new Stop("channels and storage", () -> {
            close();
            return "queued Slack work finished, index closed, database checkpointed (WAL emptied) and closed";
        }));
        return steps;
    }

    public AppConfig config() {
        return config;
    }

    public Storage storage() {
        return storage;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    public ConversationEngine conversations() {
        return conversations;
    }

    public MailChannel mail() {
        return mail;
    }

    public Optional<SlackChannel> slack() {
        return slack;
    }

    public WebServer web() {
        return web;
    }

    /** The counters and histograms behind /metrics, one set for the whole service. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Closes the channels and the storage (the web server and the jobs stop first, through {@link #stops}). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        slack.ifPresent(SlackChannel::close);
        knowledge.close();
        leadership.close();
        storage.close();
    }
}
