package org.compactbot.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.logging.LogIds;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP face of the service: the public pages (questions, and raising a challenge), API, Slack, inbound mail, health and
 * metrics. Every response carries the security headers and an X-Request-Id; /api/*, /mail/inbound, /answers and the challenge
 * forms' POSTs are rate limited per client, /slack/events
 * only by a generous global cap; request bodies are limited per route (413). See package-info for the way a
 * request goes through.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final long MAX_BODY_BYTES = 1_000_000;
    /** A raw email: attachments up to 25 MB, plus base64's third. */
    static final long MAX_MAIL_BYTES = 36_000_000;
    static final long MAX_SLACK_BYTES = 1_000_000;
    /** How long stopping waits for responses already produced to reach their callers. */
    private static final Duration RESPONSE_FLUSH_GRACE = Duration.ofSeconds(5);

    /**
     * What the server serves. The channels that may be off are empty when they are: no health, and /readyz and
     * /metrics report the web layer's own only; no mail, and POST /mail/inbound answers 503; no Slack, and
     * POST /slack/events answers 404.
     *
     * @param metrics the counters and histograms behind /metrics, shared with the channels
     * @param health  readiness and gauges of the stores
     * @param mail    the email channel behind POST /mail/inbound
     * @param slack   the Slack channel behind POST /slack/events
     * @param slackInstall Slack's install flow behind GET /slack/install and /slack/oauth_redirect (many workspaces only)
     * @param links       the emailed links behind "Save and come back later" and /status (off: those pages say they are unavailable)
     * @param desk        the case desk for mediators and Compact leads behind /desk (off: no /desk routes)
     */
    public record Parts(AppConfig config, AnswerService answers, ConversationEngine conversations, ServiceMetrics metrics,
                        Optional<Health> health, Optional<MailInbox> mail, Optional<InboundEndpoint> slack,
                        Optional<BrowserEndpoint> slackInstall, Optional<EmailedLinkServices> links, Optional<DeskServices> desk) {
        /** Without the case desk. */
        public Parts(AppConfig config, AnswerService answers, ConversationEngine conversations, ServiceMetrics metrics,
                     Optional<Health> health, Optional<MailInbox> mail, Optional<InboundEndpoint> slack,
                     Optional<BrowserEndpoint> slackInstall, Optional<EmailedLinkServices> links) {
            this(config, answers, conversations, metrics, health, mail, slack, slackInstall, links, Optional.empty());
        }

        public Parts {
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(slack, "slack");
            Objects.requireNonNull(slackInstall, "slackInstall");
            Objects.requireNonNull(links, "links");
        }

        /** The API, health and metrics on their own metrics; no stores' health, inbound mail and Slack off. */
        public static Parts of(AppConfig config, AnswerService answers, ConversationEngine conversations) {
            return new Parts(config, answers, conversations, new ServiceMetrics(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Parts withMetrics(ServiceMetrics metrics) {
            return new Parts(config, answers, conversations, metrics, health, mail, slack, slackInstall, links, desk);
        }

        public Parts withHealth(Health health) {
            return new Parts(config, answers, conversations, metrics, Optional.of(health), mail, slack, slackInstall, links, desk);
        }

        public Parts withMail(MailInbox mail) {
            return new Parts(config, answers, conversations, metrics, health, Optional.of(mail), slack, slackInstall, links, desk);
        }

        public Parts withSlack(InboundEndpoint slack) {
            return new Parts(config, answers, conversations, metrics, health, mail, Optional.of(slack), slackInstall, links, desk);
        }

        public Parts withLinks(EmailedLinkServices links) {
            return new Parts(config, answers, conversations, metrics, health, mail, slack, slackInstall, Optional.of(links), desk);
        }

        public Parts withDesk(DeskServices desk) {
            return new Parts(config, answers, conversations, metrics, health, mail, slack, slackInstall, links, Optional.of(desk));
        }

        public Parts withSlackInstall(BrowserEndpoint install) {
            return new Parts(config, answers, conversations, metrics, health, mail, slack, Optional.of(install), links, desk);
        }
    }

    private final AppConfig config;
    private final ServiceMetrics metrics;
    private final Admission admission;
    private final Javalin app;
    /** Requests that take work (API, mail, Slack) now running; shutdown waits for them. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Every HTTP endpoint as Javalin registered it ("POST /api/ask"; before and after steps are not endpoints). */
    private final List<String> endpoints = new CopyOnWriteArrayList<>();

    public WebServer(Parts parts) {
        this.config = parts.config();
        this.metrics = parts.metrics();
        this.admission = new Admission(config.server(), metrics);
        HealthRoutes health = new HealthRoutes(parts.answers(), parts.health(), admission, metrics);
        ApiRoutes api = new ApiRoutes(config.api().token(), parts.answers(), parts.conversations(), admission, metrics);
        InboundRoutes inbound = new InboundRoutes(parts.mail(), config.mail().inboundToken(), parts.slack(), admission, metrics);
        Pages pages = new Pages();
        PublicPages site = new PublicPages(parts.answers(), pages, metrics, config.mail().address());
        ChallengePages challenge = new ChallengePages(parts.conversations(), pages, admission, config.mail().address(), parts.links().isPresent());
        SaveAndReturnPages saving = new SaveAndReturnPages(parts.conversations(), pages, admission, parts.links().map(EmailedLinkServices::saving));
        StatusPages status = new StatusPages(pages, admission, parts.links().map(EmailedLinkServices::status));
        EvidencePages evidence = new EvidencePages(parts.conversations(), pages, admission);
        LetterPages letters = new LetterPages(parts.conversations(), pages);
        this.app = Javalin.create(cfg -> {
            cfg.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) endpoints.add(h.getHttpMethod().name() + " " + h.getPath());
            });
            cfg.jetty.port = config.server().port();
            // Jetty's own count of requests, to the last byte of each response: stop() waits for those still
            // being written (stopGracefully has already waited for the handlers themselves)
            cfg.jetty.modifyServletContextHandler(h -> h.insertHandler(new GracefulHandler()));
            cfg.jetty.modifyServer(server -> server.setStopTimeout(RESPONSE_FLUSH_GRACE.toMillis()));
            // Javalin 7 applies maxRequestSize while reading any body (413 beyond it): the largest route's limit; the
            // routes with bodies read them in their admission step, counting as they stream, to their own limit
            cfg.http.maxRequestSize = MAX_MAIL_BYTES;
            // evidence uploaded on the web: read only by its route, which checks each file against the email limits itself
            cfg.jetty.multipartConfig.maxTotalRequestSize(EvidencePages.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(EvidencePages.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            cfg.staticFiles.add(assets -> {
                assets.hostedPath = "/assets";
                assets.directory = "/org/compactbot/web/assets";
                assets.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                assets.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });
            // an admission step that refuses throws: the handlers after it are skipped and ErrorMapping answers
            cfg.routes.before(this::beginRequest);
            cfg.routes.before("/mail/inbound", inbound::admitMail);
            cfg.routes.before("/slack/events", inbound::admitSlack);
            cfg.routes.get("/", site::home);
            cfg.routes.before("/answers", ctx -> admission.withinLimit(ctx, "web:" + admission.address(ctx)));
            cfg.routes.get("/answers", work(site::answer));
            // raising a challenge: the fixed pages before the question pages, whose {question} would match them too
            cfg.routes.before("/challenge/*", challenge::admit);
            cfg.routes.get(ChallengePages.START, challenge::start);
            cfg.routes.post(ChallengePages.START, work(challenge::begin));
            cfg.routes.get(ChallengePages.CHECK, work(challenge::check));
            cfg.routes.post(ChallengePages.CHECK, work(challenge::send));
            cfg.routes.get(ChallengePages.CONFIRMATION, work(challenge::confirmation));
            cfg.routes.get(LetterPages.PAGE, work(letters::page));
            cfg.routes.get(LetterPages.DOCX, work(letters::docx));
            cfg.routes.get(ChallengePages.SAVE, work(saving::ask));
            cfg.routes.post(ChallengePages.SAVE, work(saving::send));
            cfg.routes.get(SaveAndReturnPages.SAVED, saving::saved);
            cfg.routes.get(SaveAndReturnPages.RESUME + "{token}", work(saving::open));
            cfg.routes.post(SaveAndReturnPages.RESUME + "{token}", work(saving::resume));
            cfg.routes.before(EvidencePages.PATH, evidence::admit);
            cfg.routes.get(EvidencePages.PATH, work(evidence::show));
            cfg.routes.post(EvidencePages.PATH, work(evidence::upload));
            cfg.routes.get("/challenge/{question}", work(challenge::question));
            cfg.routes.post("/challenge/{question}", work(challenge::answer));
            // where a challenge stands, by reference and address: the fixed page before the link's {token}
            cfg.routes.before(StatusPages.ASK, status::admit);
            cfg.routes.before(StatusPages.ASK + "/*", status::admit);
            cfg.routes.get(StatusPages.ASK, status::ask);
            cfg.routes.post(StatusPages.ASK, work(status::request));
            cfg.routes.get(StatusPages.SENT, status::sent);
            cfg.routes.get(StatusPages.ASK + "/{token}", work(status::show));
            cfg.routes.get("/healthz", health::alive);
            cfg.routes.get("/readyz", health::ready);
            cfg.routes.get("/metrics", health::metrics);
            cfg.routes.before("/api/*", api::admit);
            cfg.routes.post("/api/ask", work(api::ask));
            cfg.routes.post("/api/chat/{conversationId}", work(api::chat));
            cfg.routes.get("/api/openapi.json", api::openapi);
            cfg.routes.post("/mail/inbound", work(inbound::mail));
            cfg.routes.post("/slack/events", work(inbound::slack));
            parts.slackInstall().ifPresent(install -> {
                SlackInstallRoute route = new SlackInstallRoute(install);
                for (String path : List.of("/slack/install", "/slack/oauth_redirect")) {
                    cfg.routes.before(path, ctx -> {
                        admission.notStopping();
                        admission.withinLimit(ctx, "slack-install:" + admission.address(ctx));
                    });
                    cfg.routes.get(path, route);
                }
            });
            // the case desk, signed in by an emailed link: the fixed pages before the link's {token}
            parts.desk().ifPresent(d -> {
                DeskGate gate = new DeskGate(admission, new DeskSessions(d.clock()), d.signingIn());
                DeskSignInPages signIn = new DeskSignInPages(pages, admission, gate, d.signingIn(), d.clock());
                DeskPages desk = new DeskPages(pages, gate, d.desk(), d.clock());
                cfg.routes.before(DeskPages.HOME, gate::admit);
                cfg.routes.before(DeskPages.HOME + "/*", gate::admit);
                cfg.routes.get(DeskPages.HOME, work(desk::list));
                cfg.routes.get(DeskSignInPages.SIGN_IN, signIn::ask);
                cfg.routes.post(DeskSignInPages.SIGN_IN, work(signIn::request));
                cfg.routes.get(DeskSignInPages.SENT, signIn::sent);
                cfg.routes.get(DeskSignInPages.SIGN_IN + "/{token}", work(signIn::open));
                cfg.routes.post(DeskSignInPages.SIGN_IN + "/{token}", work(signIn::complete));
                cfg.routes.post(DeskSignInPages.SIGN_OUT, signIn::signOut);
                cfg.routes.get(DeskPages.CASES + "{ref}", work(desk::show));
                cfg.routes.get(DeskPages.CASES + "{ref}/evidence/{n}", work(desk::evidence));
                cfg.routes.post(DeskPages.CASES + "{ref}/{action}", work(desk::act));
                d.report().ifPresent(r -> { // a Compact lead's report and knowledge gaps
                    DeskReportPages leads = new DeskReportPages(pages, gate, r, d.gaps());
                    cfg.routes.get(DeskReportPages.REPORT, work(leads::page));
                    cfg.routes.get(DeskReportPages.CSV, work(leads::csv));
                    cfg.routes.get(DeskReportPages.MARKDOWN, work(leads::markdown));
                    cfg.routes.get(DeskReportPages.GAPS, work(leads::gaps));
                });
            });
            ErrorMapping.install(cfg.routes, MAX_MAIL_BYTES, pages);
            cfg.requestLogger.http(this::endRequest);
        });
    }

    /** Every request: an id for its log lines (echoed as X-Request-Id) and the security headers. */
    private void beginRequest(Context ctx) {
        MDC.remove(LogIds.CONVERSATION);
        String id = RequestIds.of(ctx.header("X-Request-Id"));
        MDC.put(LogIds.REQUEST, id);
        ctx.header("X-Request-Id", id);
        SecurityHeaders.forRequest(ctx.path(), admission.https(ctx)).forEach(ctx::header);
    }

    private void endRequest(Context ctx, Float ms) {
        RequestBodies.discard(ctx);
        String route = route(ctx.path());
        metrics.httpRequest(route, ctx.statusCode(), ms / 1000.0);
        LOG.debug("{} {} -> {} in {} ms", ctx.method(), route, ctx.statusCode(), Math.round(ms));
        MDC.remove(LogIds.REQUEST);
        MDC.remove(LogIds.CONVERSATION);
    }

    /** The route a path belongs to: the label of its latency series (a fixed set, whatever paths callers try). */
    static String route(String path) {
        return switch (path) {
            case "/", "/answers", "/healthz", "/readyz", "/metrics", "/api/ask", "/api/openapi.json", "/mail/inbound", "/slack/events",
                 "/slack/install", "/slack/oauth_redirect", ChallengePages.START, ChallengePages.CHECK, ChallengePages.CONFIRMATION,
                 ChallengePages.SAVE, SaveAndReturnPages.SAVED, StatusPages.ASK, StatusPages.SENT, EvidencePages.PATH,
                 LetterPages.PAGE, LetterPages.DOCX, DeskPages.HOME, DeskSignInPages.SIGN_IN, DeskSignInPages.SENT, DeskSignInPages.SIGN_OUT,
                 DeskReportPages.REPORT, DeskReportPages.CSV, DeskReportPages.MARKDOWN, DeskReportPages.GAPS -> path;
            default -> path.startsWith("/api/chat/") ? "/api/chat/{conversationId}" : path.startsWith("/assets/") ? "/assets"
                    : path.startsWith(SaveAndReturnPages.RESUME) ? "/challenge/resume/{token}"
                    : path.startsWith("/challenge/") ? "/challenge/{question}" : path.startsWith("/status/") ? "/status/{token}"
                    : path.startsWith(DeskSignInPages.SIGN_IN + "/") ? "/desk/sign-in/{token}" : path.startsWith(DeskPages.CASES) ? "/desk/cases" : "other";
        };
    }

    /** A route that takes work: counted while it runs, refused once the server is stopping. */
    private Handler work(Handler route) {
        return ctx -> {
            inFlight.incrementAndGet();
            try {
                admission.notStopping();
                route.handle(ctx);
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    public void start() throws IOException {
        try {
            app.start();
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (m.contains("already in use") || m.contains("bind") || m.contains("Bind")) {
                throw new IOException("port " + config.server().port() + " is already in use: stop the other program "
                        + "or set server.port in the config");
            }
            throw new IOException("the HTTP server could not start: " + e.getMessage());
        }
    }

    public int port() {
        return app.port();
    }

    /** The HTTP endpoints the server registered, "METHOD path" in the order they were added (for the OpenAPI check). */
    List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    public void stop() {
        app.stop();
    }

    /**
     * Stops taking work: from now on API, mail and Slack requests are answered 503 (try again
     * shortly) and /readyz says not ready; requests already running may finish, for up to grace;
     * then the server stops. Returns how many requests were still running when it stopped (0: all finished).
     */
    public int stopGracefully(Duration grace) {
        admission.stop();
        long end = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = inFlight.get();
        app.stop();
        return left;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }
}
