package org.compactbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ChatJson;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerJson;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.logging.LogIds;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MessageParser;
import org.compactbot.slack.SlackHttp;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP face of the service: API, Slack, inbound mail, health and metrics. Every response carries the
 * security headers and an X-Request-Id; /api/* and /mail/inbound are rate limited per client, /slack/events
 * only by a generous global cap; request bodies are limited per route (413).
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_BODY_BYTES = 1_000_000;
    /** A raw email: attachments up to 25 MB, plus base64's third. */
    static final long MAX_MAIL_BYTES = 36_000_000;
    static final long MAX_SLACK_BYTES = 1_000_000;
    /** At most this much of a refused body is read and dropped, so that its sender receives the refusal (see discardBody). */
    static final long MAX_DISCARDED_BYTES = 64_000_000;

    private final AppConfig config;
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private final AnswerService answers;
    private final ConversationEngine conversations;
    private final ApiAccess access;
    /** Who may post to /mail/inbound: the holder of mail.inbound-token. */
    private final ApiAccess mailAccess;
    private final Metrics metrics;
    private final Javalin app;
    /** Requests that take work (API, mail, Slack) now running; shutdown waits for them. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** How long stopping waits for responses already produced to reach their callers. */
    private static final Duration RESPONSE_FLUSH_GRACE = Duration.ofSeconds(5);
    private volatile boolean stopping;

    private final Health health;
    private final MailChannel mail;
    private final ClientAddress clients;
    private final TokenBuckets perClient;
    private final TokenBuckets slackCap;
    private final Clock clock = Clock.systemUTC();

    public WebServer(AppConfig config, AnswerService answers, ConversationEngine conversations) {
        this(config, answers, conversations, null, null);
    }

    /**
     * @param health readiness and gauges (null: the web layer's own only)
     * @param mail   the email channel behind POST /mail/inbound (null: that route answers 503)
     */
    public WebServer(AppConfig config, AnswerService answers, ConversationEngine conversations, Health health, MailChannel mail) {
        this(config, answers, conversations, health, mail, null);
    }

    /** @param slack the Slack bridge behind POST /slack/events (null: Slack is off and that route answers 404) */
    public WebServer(AppConfig config, AnswerService answers, ConversationEngine conversations, Health health, MailChannel mail,
                     SlackHttp slack) {
        this(config, answers, conversations, health, mail, slack, new Metrics());
    }

    /** @param metrics the counters and histograms behind /metrics, shared with the channels */
    public WebServer(AppConfig config, AnswerService answers, ConversationEngine conversations, Health health, MailChannel mail,
                     SlackHttp slack, Metrics metrics) {
        this.config = config;
        this.metrics = metrics;
        AppConfig.RateLimit limit = config.server().rateLimit();
        this.clients = new ClientAddress(config.server().trustedProxies());
        this.perClient = new TokenBuckets(limit.perMinute(), limit.burst());
        this.slackCap = new TokenBuckets(limit.slackPerMinute(), limit.slackPerMinute());
        declareMetrics();
        this.answers = answers;
        this.conversations = conversations;
        this.health = health;
        this.mail = mail;
        this.access = new ApiAccess(config.api().token());
        this.mailAccess = new ApiAccess(config.mail().inboundToken());
        this.app = Javalin.create(cfg -> {
            cfg.jetty.port = config.server().port();
            // Jetty's own count of requests, to the last byte of each response: stop() waits for those still
            // being written (stopGracefully has already waited for the handlers themselves)
            cfg.jetty.modifyServletContextHandler(h -> h.insertHandler(new GracefulHandler()));
            cfg.jetty.modifyServer(server -> server.setStopTimeout(RESPONSE_FLUSH_GRACE.toMillis()));
            // Javalin 7 applies maxRequestSize while reading any body (413 beyond it): the largest route's limit; the
            // routes with bodies read them in their admission step, counting as they stream, to their own limit (readBody)
            cfg.http.maxRequestSize = MAX_MAIL_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(this::beginRequest);
            cfg.routes.before("/mail/inbound", this::admitMail);
            cfg.routes.before("/slack/events", this::admitSlack);
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")).contentType("application/json"));
            cfg.routes.get("/readyz", this::ready);
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render() + gauges()));
            cfg.routes.before("/api/*", this::admitApi);
            cfg.routes.post("/api/ask", work(this::ask));
            cfg.routes.post("/api/chat/{conversationId}", work(this::chat));
            cfg.routes.post("/mail/inbound", work(this::inboundMail));
            cfg.routes.post("/slack/events", work(slack != null ? new SlackRoute(slack, metrics)
                    : ctx -> error(ctx, HttpStatus.NOT_FOUND, "Slack is off: set slack.bot-token and slack.signing-secret.")));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()),
                    switch (e.getStatus()) {
                        case 404 -> "No such endpoint: " + ctx.method() + " " + ctx.path();
                        case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
                        case 413 -> "The request body is larger than " + sizeText(MAX_MAIL_BYTES) + ".";
                        default -> e.getMessage();
                    }));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (clientFault(e)) {
                    LOG.info("request {} {} refused: the client sent what HTTP does not allow ({})", ctx.method(), route(ctx.path()), e.getClass().getSimpleName());
                    error(ctx, HttpStatus.BAD_REQUEST, "The request could not be read: it is not valid HTTP.");
                    return;
                }
                LOG.error("request {} {} failed", ctx.method(), route(ctx.path()), e); // the route: a path may hold a conversation id
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again.");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) error(ctx, HttpStatus.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path());
            });
            cfg.requestLogger.http((ctx, ms) -> endRequest(ctx, ms));
        });
    }

    private void declareMetrics() {
        metrics.declare("compactbot_questions_answered_total", "Questions answered from the Compacts");
        metrics.declare("compactbot_questions_abstained_total", "Questions with no relevant passage");
        for (String channel : new String[] {"api", "email", "slack"}) metrics.declare("compactbot_turns_total", "Conversation turns handled", "channel", channel);
        for (String outcome : new String[] {"replied", "refused", "ignored", "duplicate"}) {
            metrics.declare("compactbot_mail_in_total", "Inbound emails by outcome", "outcome", outcome);
        }
        metrics.declare("compactbot_mail_out_total", "Outgoing emails by result", "result", "sent");
        metrics.declare("compactbot_mail_out_total", "Outgoing emails by result", "result", "failed");
    }

    /** Every request: an id for its log lines (echoed as X-Request-Id) and the security headers. */
    private void beginRequest(Context ctx) {
        MDC.remove(LogIds.CONVERSATION);
        String id = RequestIds.of(ctx.header("X-Request-Id"));
        MDC.put(LogIds.REQUEST, id);
        ctx.header("X-Request-Id", id);
        String peer = ctx.req().getRemoteAddr();
        SecurityHeaders.forRequest(ctx.path(), clients.https(ctx.scheme(), peer, ctx.header("X-Forwarded-Proto"))).forEach(ctx::header);
    }

    private void endRequest(Context ctx, Float ms) {
        discardBody(ctx);
        String route = route(ctx.path());
        metrics.observe("compactbot_http_request_seconds", "HTTP request latency by route", ms / 1000.0,
                "route", route, "status", String.valueOf(ctx.statusCode()));
        LOG.debug("{} {} -> {} in {} ms", ctx.method(), route, ctx.statusCode(), Math.round(ms));
        MDC.remove(LogIds.REQUEST);
        MDC.remove(LogIds.CONVERSATION);
    }

    /** The route a path belongs to: the label of its latency series (a fixed set, whatever paths callers try). */
    static String route(String path) {
        return switch (path) {
            case "/healthz", "/readyz", "/metrics", "/api/ask", "/mail/inbound", "/slack/events" -> path;
            default -> path.startsWith("/api/chat/") ? "/api/chat/{conversationId}" : "other";
        };
    }

    // ---------------------------------------------------------------- admission: who may send a body, and how much

    /**
     * /api/*: before a byte of the body is read, the caller is within its rate limit (the token holder's, or its
     * address's: wrong tokens are throttled too, so guessing is slow) and authenticated (the bearer token, or loopback
     * when none is set); then the body is read, counted as it streams, up to 1 MB.
     */
    private void admitApi(Context ctx) {
        if (refusedWhileStopping(ctx)) return;
        boolean allowed = access.allows(ctx.header("Authorization"), localCaller(ctx) ? "127.0.0.1" : "0.0.0.0");
        String client = allowed && !config.api().token().isBlank() ? "token" : address(ctx);
        if (!withinLimit(ctx, perClient, "api:" + client)) return;
        if (!allowed) {
            unauthorized(ctx, config.api().token().isBlank()
                    ? "The API answers local callers only until api.token is set."
                    : "Missing or wrong bearer token.");
            return;
        }
        readBody(ctx, MAX_BODY_BYTES);
    }

    /**
     * /mail/inbound: only the holder of mail.inbound-token may send a message (callers without it are limited by
     * address, and refused before their body is read); the rate limit then counts each sending address (the From of
     * the message) on its own, so one noisy sender does not use up everyone's allowance.
     */
    private void admitMail(Context ctx) {
        if (refusedWhileStopping(ctx)) return;
        String token = config.mail().inboundToken();
        if (mail == null || token.isBlank()) {
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "The inbound mail endpoint is off: set mail.inbound-token.");
            ctx.skipRemainingHandlers();
            return;
        }
        if (!mailAccess.allows(ctx.header("Authorization"), null)) {
            if (withinLimit(ctx, perClient, "mail-caller:" + address(ctx))) unauthorized(ctx, "Missing or wrong bearer token.");
            return;
        }
        byte[] raw = readBody(ctx, MAX_MAIL_BYTES);
        if (raw == null) return;
        String sender = MessageParser.senderOf(raw);
        withinLimit(ctx, perClient, "mail:" + (sender.isEmpty() ? "(no sender)" : sender));
    }

    /** The caller's address, through trusted proxies only. */
    private String address(Context ctx) {
        return clients.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** /slack/events: Slack's signature is over the body, so the body is read first, but never more than 1 MB of it. */
    private void admitSlack(Context ctx) {
        if (refusedWhileStopping(ctx)) return;
        if (!withinLimit(ctx, slackCap, "all")) return;
        readBody(ctx, MAX_SLACK_BYTES);
    }

    private boolean refusedWhileStopping(Context ctx) {
        if (!stopping) return false;
        ctx.header("Retry-After", "30").header("Connection", "close");
        error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "The service is restarting; please try again in a minute.");
        ctx.skipRemainingHandlers();
        return true;
    }

    private void unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"compact-bot\"" + (ctx.header("Authorization") == null ? "" : ", error=\"invalid_token\""));
        error(ctx, HttpStatus.UNAUTHORIZED, message);
        ctx.skipRemainingHandlers();
    }

    /** Takes one request from the client's bucket; false (429 with Retry-After written, the rest skipped) when it is empty. */
    private boolean withinLimit(Context ctx, TokenBuckets buckets, String client) {
        if (buckets.take(client, clock.instant()) instanceof TokenBuckets.Decision.Throttled t) {
            metrics.count("compactbot_http_throttled_total", "Requests refused by the rate limit", "route", route(ctx.path()));
            ctx.header("Retry-After", String.valueOf(t.retryAfterSeconds()));
            error(ctx, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; please try again in " + t.retryAfterSeconds() + " s.");
            ctx.skipRemainingHandlers();
            return false;
        }
        return true;
    }

    private static final String BODY = "compactbot.body";

    /**
     * Reads the body, counting bytes as they arrive (chunked or not), and stops at {@code maxBytes}: 413 before
     * reading when the declared length is over it, 413 as soon as a streamed body passes it, 400 when the body
     * cannot be read (a broken chunked encoding). Null, with the response written and the rest skipped, when refused.
     */
    private static byte[] readBody(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) return tooLarge(ctx, maxBytes);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) return tooLarge(ctx, maxBytes);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("request {} {}: the body could not be read ({})", ctx.method(), route(ctx.path()), e.getClass().getSimpleName());
            error(ctx, HttpStatus.BAD_REQUEST, "The request body could not be read: it ended early or its chunked encoding is broken.");
            ctx.skipRemainingHandlers();
            return null;
        }
        byte[] body = out.toByteArray();
        ctx.attribute(BODY, body);
        return body;
    }

    private static byte[] tooLarge(Context ctx, long maxBytes) {
        error(ctx, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + sizeText(maxBytes) + ".");
        ctx.skipRemainingHandlers();
        return null;
    }

    /** The body the admission step read; where a route runs without one (a bare Javalin), Javalin's own reading of it. */
    static byte[] body(Context ctx) {
        byte[] b = ctx.attribute(BODY);
        return b != null ? b : ctx.bodyAsBytes();
    }

    /** An exception that says the client broke HTTP (Jetty's 4xx), not that we failed. */
    private static boolean clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) return true;
            if (t instanceof org.eclipse.jetty.io.EofException) return true;
        }
        return false;
    }

    /**
     * Reads and drops any part of the body no handler read (a request refused with 413, 429 or 503 before its
     * body was looked at), before the response goes out. Without this Jetty closes a connection with unread
     * bytes, the operating system resets it, and the client sees "connection reset" instead of the answer and its
     * message. A body beyond MAX_DISCARDED_BYTES is not read further: that client gets the reset.
     */
    private static void discardBody(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = MAX_DISCARDED_BYTES;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) left -= n;
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body was already taken: nothing more to drop
        }
    }

    private static String sizeText(long bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes / 1000 + " kB";
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

    public void stop() {
        app.stop();
    }

    /**
     * Stops taking work: from now on API, mail and Slack requests are answered 503 (try again
     * shortly) and /readyz says not ready; requests already running may finish, for up to grace;
     * then the server stops. Returns how many requests were still running when it stopped (0: all finished).
     */
    public int stopGracefully(Duration grace) {
        stopping = true;
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

    /** A route that takes work: counted while it runs, refused once the server is stopping. */
    private io.javalin.http.Handler work(io.javalin.http.Handler route) {
        return ctx -> {
            inFlight.incrementAndGet();
            try {
                if (stopping) {
                    ctx.header("Retry-After", "30").header("Connection", "close");
                    error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "The service is restarting; please try again in a minute.");
                    return;
                }
                route.handle(ctx);
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    public Metrics metrics() {
        return metrics;
    }

    private void ready(Context ctx) throws IOException {
        Map<String, String> checks = new java.util.LinkedHashMap<>();
        checks.put("knowledge", answers.knownAreas().isEmpty() ? "failing: no Compact texts indexed" : "ok");
        if (stopping) checks.put("server", "failing: shutting down");
        if (health != null) {
            try {
                checks.putAll(health.checks());
            } catch (RuntimeException e) {
                checks.put("health", "failing: " + e.getMessage());
            }
        }
        boolean ready = checks.values().stream().noneMatch(v -> v.startsWith("failing"));
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                .result(JSON.writeValueAsString(Map.of("ready", ready, "checks", checks)));
    }

    private String gauges() {
        if (health == null) return "";
        StringBuilder sb = new StringBuilder();
        try {
            java.util.Set<String> typed = new java.util.HashSet<>();
            new java.util.TreeMap<>(health.gauges()).forEach((name, value) -> {
                String base = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
                if (typed.add(base)) sb.append("# TYPE ").append(base).append(" gauge\n");
                sb.append(name).append(' ').append(value).append('\n');
            });
        } catch (RuntimeException e) {
            LOG.warn("gauges unavailable: {}", e.getMessage());
        }
        return sb.toString();
    }

    private void inboundMail(Context ctx) throws IOException {
        byte[] raw = body(ctx);
        if (raw.length == 0) {
            error(ctx, HttpStatus.BAD_REQUEST, "Send one raw RFC 822 message as the body.");
            return;
        }
        var o = mail.receive(raw);
        ctx.contentType("application/json").result(JSON.writeValueAsString(Map.of("outcome", o.what(), "detail", o.detail())));
    }

    /**
     * A caller on this machine: its address (through trusted proxies) is loopback, and it did not come through
     * an untrusted proxy (a loopback peer that forwards for someone else is not local).
     */
    private boolean localCaller(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (ctx.header("Forwarded") != null) return false; // RFC 7239 is not read: assume someone else's request
        if (ctx.header("X-Forwarded-For") != null && !clients.trusted(peer)) return false;
        return ApiAccess.isLoopback(clients.of(peer, ctx.header("X-Forwarded-For")));
    }

    private void ask(Context ctx) throws IOException {
        long t0 = System.nanoTime();
        JsonNode body = jsonBody(ctx);
        if (body == null) return;
        JsonNode q = body.get("question");
        if (q == null || !q.isTextual() || q.asText().isBlank()) {
            error(ctx, HttpStatus.BAD_REQUEST, "Send {\"question\": \"...\"} with a non-empty question.");
            return;
        }
        JsonNode area = body.get("area");
        if (area != null && !area.isNull() && !area.isTextual()) {
            error(ctx, HttpStatus.BAD_REQUEST, "\"area\" must be a string such as \"west-cheshire\".");
            return;
        }
        Answer a;
        try {
            a = answers.ask(q.asText(), area == null || area.isNull() ? null : area.asText(), 5);
        } catch (IllegalArgumentException e) {
            error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        metrics.count(a.answered() ? "compactbot_questions_answered_total" : "compactbot_questions_abstained_total",
                a.answered() ? "Questions answered from the Compacts" : "Questions with no relevant passage");
        metrics.observe("compactbot_ask_seconds", "Time to answer a question", (System.nanoTime() - t0) / 1e9);
        ctx.contentType("application/json").result(JSON.writeValueAsString(AnswerJson.of(a)));
    }

    private void chat(Context ctx) throws IOException {
        long t0 = System.nanoTime();
        String id = ctx.pathParam("conversationId");
        if (!CONVERSATION_ID.matcher(id).matches()) {
            error(ctx, HttpStatus.BAD_REQUEST, "A conversation id is 1-128 letters, digits, '.', '_', ':', '@' or '-'.");
            return;
        }
        JsonNode body = jsonBody(ctx);
        if (body == null) return;
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            error(ctx, HttpStatus.BAD_REQUEST, "Send {\"text\": \"...\"}.");
            return;
        }
        MDC.put(LogIds.CONVERSATION, LogIds.conversation("api:" + id));
        var turn = conversations.handle("api:" + id, "api", text.asText());
        metrics.count("compactbot_turns_total", "Conversation turns handled", "channel", "api");
        metrics.observe("compactbot_turn_seconds", "Time to handle a conversation turn", (System.nanoTime() - t0) / 1e9, "channel", "api");
        ctx.contentType("application/json").result(JSON.writeValueAsString(ChatJson.of(turn)));
    }

    private JsonNode jsonBody(Context ctx) {
        try {
            JsonNode n = JSON.readTree(body(ctx));
            if (n == null || !n.isObject()) throw new IOException("not an object");
            return n;
        } catch (IOException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "The body must be a JSON object.");
            return null;
        }
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json");
        try {
            ctx.result(JSON.writeValueAsString(Map.of("error", message)));
        } catch (IOException e) {
            ctx.result("{\"error\":\"error\"}");
        }
    }
}
