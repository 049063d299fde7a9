package org.compactbot.slack;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.BodyNames;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlSlackEventLog;
import org.compactbot.store.SqlWorkspaceInstallations;
import org.compactbot.web.SlackInstallRoute;
import org.compactbot.web.SlackRoute;

/**
 * The Slack channel as it runs: the real engine on a SQLite file, the shipped Compacts, a fake
 * Slack Web API on loopback, and a small Javalin server with the real POST /slack/events route.
 */
final class SlackFixture implements AutoCloseable {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    final FakeSlackApi api;
    private final Path dbFile;
    private final CaseStatusLookup cases;
    /** The cases raised through this Slack, on the same database (when no other lookup was given). */
    SqlCaseStore caseStore;
    private final HttpClient http = HttpClient.newHttpClient();
    Database db;
    ConversationEngine engine;
    SlackChannel channel;
    private Javalin web;
    /** What the route, the channel and the engine counted, wired as the service wires them. */
    final org.compactbot.web.ServiceMetrics metrics = new org.compactbot.web.ServiceMetrics();

    SlackFixture(Path dir) throws Exception {
        this(dir, null);
    }

    /** @param cases how the channel finds cases; null: the real case store on the fixture's database */
    SlackFixture(Path dir, CaseStatusLookup cases) throws Exception {
        this(dir, cases, false);
    }

    /** @param manyWorkspaces installed by OAuth into many workspaces (client id and secret, no bot token), else one workspace */
    SlackFixture(Path dir, CaseStatusLookup cases, boolean manyWorkspaces) throws Exception {
        this.api = new FakeSlackApi();
        this.dbFile = dir.resolve("compact-bot.db");
        this.cases = cases;
        this.manyWorkspaces = manyWorkspaces;
        open();
    }

    private final boolean manyWorkspaces;

    private void open() throws Exception {
        db = Database.open(dbFile);
        Clock clock = Clock.systemUTC();
        caseStore = new SqlCaseStore(db, clock, "compact@example.org");
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), clock, BodyNames.NONE, metrics,
                new org.compactbot.cases.HandingToAPerson(org.compactbot.cases.MediatorDirectoryLoader.load(java.nio.file.Path.of("config/mediators.yml")),
                        new org.compactbot.store.SqlOutbox(db, clock, "compact@example.org"), caseStore::transcript));
        AppConfig.Slack cfg = manyWorkspaces
                ? new AppConfig.Slack("", SlackRequests.SECRET, "", api.apiUrl(), FakeSlackApi.CLIENT_ID, FakeSlackApi.CLIENT_SECRET, "")
                : new AppConfig.Slack(FakeSlackApi.TOKEN, SlackRequests.SECRET, "", api.apiUrl());
        channel = new SlackChannel(cfg, engine, SharedKnowledge.answers(), new IntentClassifier(SharedKnowledge.embedder()),
                new SqlSlackEventLog(db, clock), new SqlWorkspaceInstallations(db), cases != null ? cases : CaseStatusLookup.of(caseStore, new org.compactbot.cases.CaseService(caseStore,
                        org.compactbot.cases.MediatorDirectoryLoader.load(java.nio.file.Path.of("config/mediators.yml")), clock)::progress),
                org.compactbot.app.ChannelMetrics.slack(metrics), clock, new SlackCalls.RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5)));
        SlackHttp slackHttp = new SlackHttp(channel, SlackRequests.SECRET, clock);
        web = Javalin.create(c -> {
            c.jetty.port = 0;
            c.startup.showJavalinBanner = false;
            c.routes.post("/slack/events", new SlackRoute(org.compactbot.app.ChannelEndpoints.slackEndpoint(slackHttp), metrics));
            if (manyWorkspaces) {
                SlackInstallRoute install = new SlackInstallRoute(org.compactbot.app.ChannelEndpoints.slackInstall(slackHttp));
                c.routes.get("/slack/install", install);
                c.routes.get("/slack/oauth_redirect", install);
            }
        }).start();
    }

    /** Stops everything but the fake Slack and opens it again on the same database, as a restarted process would. */
    void restart() throws Exception {
        stop();
        open();
    }

    HttpResponse<String> post(String body, String contentType, long timestamp, String signature, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp)).header("X-Slack-Signature", signature);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's GET (redirects not followed), with these cookies when not null. */
    HttpResponse<String> browse(String pathAndQuery, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts as Slack does: signed now with the signing secret. */
    HttpResponse<String> signed(String body, String contentType, String... headers) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return post(body, contentType, now, SlackRequests.sign(SlackRequests.SECRET, now, body), headers);
    }

    void idle() throws InterruptedException {
        if (!channel.awaitIdle(Duration.ofSeconds(60))) throw new AssertionError("Slack work did not finish");
    }

    private void stop() {
        if (web != null) web.stop();
        if (channel != null) channel.close();
        if (db != null) db.close();
    }

    @Override
    public void close() {
        stop();
        api.close();
    }
}
