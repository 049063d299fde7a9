package org.compactbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.DeliveryLog;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.WorkspaceInstallations;
import org.compactbot.knowledge.AnswerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack as a channel over the shared engine: one Bolt app for events (direct messages, mentions,
 * App Home), the /compact command and button clicks. Every handler acknowledges at once and
 * leaves the work to {@link OrderedWork}; replies go out through the Web API (at slack.api-url)
 * with bounded retries. A Slack user is the conversation {@code slack:TEAM:USER}. Challenges are
 * confidential: they run only in the person's direct message, never in a channel.
 *
 * <p>This class composes the parts and runs them: {@link SlackRoutes} (what each request does),
 * {@link Redeliveries} (each delivery acted on once), {@link DirectMessages} (the conversation),
 * {@link ChannelAnswers} (mentions and /compact), {@link ChallengeModal} (the form), {@link AppHome},
 * all sending through {@link SlackWebApi}. The package's {@code package-info.java} shows how a request flows.
 */
public final class SlackChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);

    private final Slack slack;
    private final App app;
    private final OrderedWork work = new OrderedWork(4, 500);
    private final SlackSends sends;
    private final boolean manyWorkspaces;
    private volatile SocketModeApp socketMode;

    /** The bot scopes the app asks a workspace for, as in config/slack-app-manifest.yml. */
    static final String SCOPES = "app_mentions:read,chat:write,commands,files:write,im:history,im:write,users:read,users:read.email";
    /** Where a workspace's admin starts installing the app, and where Slack sends them back (many workspaces only). */
    public static final String INSTALL_PATH = "/slack/install", REDIRECT_PATH = "/slack/oauth_redirect";

    public SlackChannel(AppConfig.Slack config, ConversationEngine engine, AnswerService answers, IntentClassifier intents,
                        DeliveryLog events, WorkspaceInstallations installations, CaseStatusLookup cases, SlackMetrics metrics,
                        Clock clock) {
        this(config, engine, answers, intents, events, installations, cases, metrics, clock, SlackCalls.RetryPolicy.DEFAULT);
    }

    SlackChannel(AppConfig.Slack config, ConversationEngine engine, AnswerService answers, IntentClassifier intents,
                 DeliveryLog events, WorkspaceInstallations installations, CaseStatusLookup cases, SlackMetrics metrics,
                 Clock clock, SlackCalls.RetryPolicy retry) {
        SlackCalls calls = new SlackCalls(retry);
        this.sends = new SlackSends(retry, 4);
        SlackConfig sc = new SlackConfig();
        String url = config.apiUrl() == null || config.apiUrl().isBlank() ? "https://slack.com/api/" : config.apiUrl().strip();
        sc.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        sc.setHttpClientCallTimeoutMillis(15_000);
        this.slack = Slack.getInstance(sc);
        this.manyWorkspaces = config.manyWorkspaces();
        this.app = manyWorkspaces ? installedApp(config, installations, clock) : new App(boltConfig(config).build());
        BotTokens tokens = manyWorkspaces ? BotTokens.installed(installations) : BotTokens.single(config.botToken());
        SlackWebApi api = new SlackWebApi(slack, tokens, calls, sends);
        SlackProfiles profiles = new SlackProfiles(api);
        Redeliveries once = new Redeliveries(events, work);
        DirectMessages direct = new DirectMessages(engine, cases, metrics, api, profiles);
        AppHome home = new AppHome(engine, cases, api);
        ChallengeModal modal = new ChallengeModal(engine, cases, api, profiles, direct, home, once, work);
        ChannelAnswers channels = new ChannelAnswers(answers, intents, metrics, api, direct, modal, work);
        SlackRoutes.register(app, work, once, direct, channels, modal, home);
    }

    /**
     * Bolt's settings for either mode, every one given here so that none is taken from Bolt's own SLACK_* environment
     * variables behind the configuration's back.
     */
    private com.slack.api.bolt.AppConfig.AppConfigBuilder boltConfig(AppConfig.Slack config) {
        boolean many = config.manyWorkspaces();
        return com.slack.api.bolt.AppConfig.builder()
                .singleTeamBotToken(many ? null : config.botToken())
                .clientId(many ? config.clientId() : null)
                .clientSecret(many ? config.clientSecret() : null)
                .scope(many ? SCOPES : null)
                .userScope(null)
                .redirectUri(many && !config.redirectUri().isBlank() ? config.redirectUri() : null)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .oAuthInstallPageRenderingEnabled(false) // /slack/install sends the admin straight to Slack's consent page
                .oauthInstallPath(INSTALL_PATH)
                .oauthRedirectUriPath(REDIRECT_PATH)
                .signingSecret(config.signingSecret())
                .slack(slack)
                // SlackHttp checks signature and timestamp over the exact bytes received; Bolt's own
                // check hashes with the platform charset, which breaks non-ASCII text on some hosts.
                .requestVerificationEnabled(false);
    }

    /** Many workspaces: OAuth v2 installs kept on the store, and an uninstall or revoked token deleting a workspace's token. */
    private App installedApp(AppConfig.Slack config, WorkspaceInstallations installations, Clock clock) {
        String installUrl = config.redirectUri().isBlank() ? INSTALL_PATH : config.redirectUri().replace(REDIRECT_PATH, INSTALL_PATH);
        App a = new App(boltConfig(config).build());
        a.asOAuthApp(true);
        a.service(new StoredOAuthStates(installations, clock));
        StoredInstallations stored = new StoredInstallations(installations, clock, installUrl);
        a.service(stored);
        // Bolt's own revocation handlers delete on a background thread, and treat a revoked user token as
        // the whole install; the bot holds no user tokens, so only the workspace's bot token matters here.
        a.event(AppUninstalledEvent.class, (req, ctx) -> {
            stored.deleteAll(req.getEnterpriseId(), req.getTeamId());
            return ctx.ack();
        });
        a.event(TokensRevokedEvent.class, (req, ctx) -> {
            var bots = req.getEvent().getTokens() == null ? null : req.getEvent().getTokens().getBot();
            if (bots != null && !bots.isEmpty()) stored.deleteAll(req.getEnterpriseId(), req.getTeamId());
            return ctx.ack();
        });
        InstallPages.use(a);
        return a;
    }

    /** True when the app is installed into many workspaces by OAuth (GET /slack/install), false for one bot token. */
    public boolean manyWorkspaces() {
        return manyWorkspaces;
    }

    /** One workspace: checks the token with Slack (auth.test) now rather than on the first request; false if Slack said no. */
    public boolean start() {
        try {
            app.start();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Slack is not ready ({}); it will be tried again on the first request from Slack", e.getMessage());
            return false;
        }
    }

    /**
     * Receives from Slack over Socket Mode as well (no public URL needed): apps.connections.open with
     * the app-level token, then a WebSocket on which the same handlers get what POST /slack/events
     * would; Bolt acknowledges each envelope and reconnects when Slack closes the socket. False (with
     * the reason logged) when the first connection failed; the HTTP route still works.
     */
    public boolean startSocketMode(String appToken) {
        try {
            SocketModeApp sm = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
            sm.startAsync();
            socketMode = sm;
            return true;
        } catch (Exception e) {
            LOG.warn("Slack Socket Mode could not connect ({}); Slack can still reach POST /slack/events",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return false;
        }
    }

    com.slack.api.bolt.AppConfig boltConfig() {
        return app.config();
    }

    /** Runs a verified request through the Bolt app; what to answer Slack. */
    Response run(Request<?> request) throws Exception {
        return app.run(request);
    }

    /** Waits for queued work, and what it sends (retries included), to finish (tests; shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        return work.awaitIdle(timeout) && sends.awaitIdle(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    }

    @Override
    public void close() {
        SocketModeApp sm = socketMode;
        if (sm != null) {
            try {
                sm.close();
            } catch (Exception e) {
                LOG.debug("closing Socket Mode", e);
            }
        }
        work.close();
        sends.close();
        app.stop();
        try {
            slack.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }
}
