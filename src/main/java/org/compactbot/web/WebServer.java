package org.compactbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import org.compactbot.config.AppConfig;
import java.util.regex.Pattern;
import org.compactbot.conversation.ChatJson;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.knowledge.Answer;
import org.compactbot.mail.MailChannel;
import org.compactbot.knowledge.AnswerJson;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.slack.SlackHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of the service: API, health and metrics (Slack and mail routes join later). */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_BODY_BYTES = 1_000_000;

    private final AppConfig config;
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private final AnswerService answers;
    private final ConversationEngine conversations;
    private final ApiAccess access;
    private final Metrics metrics = new Metrics();
    private final Javalin app;
    /** Requests that take work (API, mail, Slack) now running; shutdown waits for them. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stopping;

    private final Health health;
    private final MailChannel mail;
    static final long MAX_MAIL_BYTES = 26_000_000;

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
        this.config = config;
        this.answers = answers;
        this.conversations = conversations;
        this.health = health;
        this.mail = mail;
        this.access = new ApiAccess(config.api().token());
        this.app = Javalin.create(cfg -> {
            cfg.jetty.port = config.server().port();
            cfg.http.maxRequestSize = MAX_MAIL_BYTES;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")).contentType("application/json"));
            cfg.routes.get("/readyz", this::ready);
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render() + gauges()));
            cfg.routes.before("/api/*", this::checkAccess);
            cfg.routes.post("/api/ask", work(this::ask));
            cfg.routes.post("/api/chat/{conversationId}", work(this::chat));
            cfg.routes.post("/mail/inbound", work(this::inboundMail));
            cfg.routes.post("/slack/events", work(slack != null ? new SlackRoute(slack)
                    : ctx -> error(ctx, HttpStatus.NOT_FOUND, "Slack is off: set slack.bot-token and slack.signing-secret.")));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again.");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) error(ctx, HttpStatus.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path());
            });
        });
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
    public int stopGracefully(java.time.Duration grace) {
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
        String token = config.mail().inboundToken();
        if (mail == null || token.isBlank()) {
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "The inbound mail endpoint is off: set mail.inbound-token.");
            return;
        }
        if (!new ApiAccess(token).allows(ctx.header("Authorization"), null)) {
            error(ctx, HttpStatus.UNAUTHORIZED, "Missing or wrong bearer token.");
            return;
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0) {
            error(ctx, HttpStatus.BAD_REQUEST, "Send one raw RFC 822 message as the body.");
            return;
        }
        MailChannel.Outcome o = mail.receive(raw);
        metrics.count("compactbot_mail_in_total", "Inbound emails received");
        ctx.contentType("application/json").result(JSON.writeValueAsString(Map.of("outcome", o.what(), "detail", o.detail())));
    }

    private void checkAccess(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES / 1000 + " kB.");
            ctx.skipRemainingHandlers();
            return;
        }
        if (!access.allows(ctx.header("Authorization"), ctx.ip())) {
            error(ctx, HttpStatus.UNAUTHORIZED, config.api().token().isBlank()
                    ? "The API answers local callers only until api.token is set."
                    : "Missing or wrong bearer token.");
            ctx.skipRemainingHandlers();
        }
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
        var turn = conversations.handle("api:" + id, "api", text.asText());
        metrics.count("compactbot_turns_total", "Conversation turns handled");
        metrics.observe("compactbot_turn_seconds", "Time to handle a conversation turn", (System.nanoTime() - t0) / 1e9);
        ctx.contentType("application/json").result(JSON.writeValueAsString(ChatJson.of(turn)));
    }

    private JsonNode jsonBody(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
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
