package org.compactbot.web;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.compactbot.config.Build;
import org.compactbot.conversation.Channel;
import org.compactbot.conversation.QuestionsAsked;

/**
 * Every metric the service exposes on {@code GET /metrics}, one per concept with labels, on a Prometheus client
 * registry with the JVM and process metrics and {@code compactbot_build_info}. Names follow Prometheus conventions:
 * {@code compactbot_} prefix, {@code _total} on counters, the unit ({@code _seconds}) where there is one, a HELP
 * line on each. Label values known in advance are declared at 0, so that rates and alerts work from the start.
 * Adding a metric: a field here, built and registered in the constructor, and a method that records it.
 */
public final class ServiceMetrics implements QuestionsAsked {
    /** {@code text/plain; version=0.0.4; charset=utf-8}: what Prometheus expects of the text format. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    static final String[] CHANNELS = {"api", "email", "slack"};
    static final String[] MAIL_IN_OUTCOMES = {"replied", "refused", "ignored", "duplicate"};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter questions = counter("compactbot_questions_total",
            "Questions asked in every channel (API, email, Slack, chat), by whether the bot answered them", "outcome", "answered", "declined");
    private final Histogram askSeconds = Histogram.builder().name("compactbot_ask_seconds")
            .help("Time to answer a question over the API").classicOnly().register(registry);
    private final Counter turns = counter("compactbot_turns_total", "Conversation turns handled, by channel", "channel", CHANNELS);
    private final Histogram turnSeconds = histogram("compactbot_turn_seconds", "Time to handle a conversation turn, by channel",
            "channel", CHANNELS);
    private final Counter mailIn = counter("compactbot_mail_in_total", "Inbound emails, by outcome", "outcome", MAIL_IN_OUTCOMES);
    private final Counter mailOut = counter("compactbot_mail_out_total", "Outgoing email attempts, by result", "result", "sent", "failed");
    private final Histogram httpSeconds = Histogram.builder().name("compactbot_http_request_seconds")
            .help("HTTP request latency, by route and status").labelNames("route", "status").classicOnly().register(registry);
    private final Counter throttled = counter("compactbot_http_throttled_total", "Requests refused by a rate limit, by route",
            "route", "/api/ask", "/api/chat/{conversationId}", "/mail/inbound", "/slack/events");
    private final Counter slackAcks = counter("compactbot_slack_acks_total",
            "Slack requests answered, by result: ok (acknowledged), refused (signature or timestamp), error (ours)",
            "result", "ok", "refused", "error");
    private final Histogram slackAckSeconds = Histogram.builder().name("compactbot_slack_ack_seconds")
            .help("Time to acknowledge a Slack request").classicOnly().register(registry);
    /** The stores' gauges: registered at the first reading, so a server with no stores shows none rather than zeros. */
    private Gauge outboxDepth, outboxOldest, cases;
    /** The connection pool's: registered at the first reading that has a pool, so SQLite shows none. */
    private Gauge poolConnections, poolMax, poolWaiting;
    private final Set<String> caseStatusesSeen = new HashSet<>();

    /** With the version the build stamped. */
    public ServiceMetrics() {
        this(Build.version());
    }

    public ServiceMetrics(String version) {
        Info.builder().name("compactbot_build_info").help("The running build (value 1), by version")
                .labelNames("version").register(registry).setLabelValues(version);
        JvmMetrics.builder().register(registry); // memory, GC, threads, classes, and process_* (CPU, memory, files)
    }

    private Counter counter(String name, String help, String label, String... declared) {
        Counter c = Counter.builder().name(name).help(help).labelNames(label).register(registry);
        for (String v : declared) c.initLabelValues(v);
        return c;
    }

    private Histogram histogram(String name, String help, String label, String... declared) {
        Histogram h = Histogram.builder().name(name).help(help).labelNames(label).classicOnly().register(registry);
        for (String v : declared) h.initLabelValues(v);
        return h;
    }

    /**
     * A question asked, once, whichever channel it came by. The channel is not a label: the metric's series stay
     * {@code outcome} alone, as operators' queries know them ({@code compactbot_turns_total} has the channel).
     */
    @Override
    public void asked(Channel channel, boolean answered) {
        questions.labelValues(answered ? "answered" : "declined").inc();
    }

    /** How long a question over the API ({@code POST /api/ask}) took to answer. */
    public void askTook(double seconds) {
        askSeconds.observe(seconds);
    }

    /** A conversation turn on {@code channel} ({@code api}, {@code email}, {@code slack}). */
    public void turn(String channel, double seconds) {
        turns.labelValues(channel).inc();
        turnSeconds.labelValues(channel).observe(seconds);
    }

    public void mailReceived(String outcome) {
        mailIn.labelValues(outcome).inc();
    }

    public void mailSent(boolean sent) {
        mailOut.labelValues(sent ? "sent" : "failed").inc();
    }

    void httpRequest(String route, int status, double seconds) {
        httpSeconds.labelValues(route, String.valueOf(status)).observe(seconds);
    }

    void throttled(String route) {
        throttled.labelValues(route).inc();
    }

    /** A Slack request answered with {@code status}; the time counts for those acknowledged. */
    void slackAnswered(int status, double seconds) {
        String result = status == 401 ? "refused" : status >= 500 ? "error" : "ok";
        slackAcks.labelValues(result).inc();
        if (result.equals("ok")) slackAckSeconds.observe(seconds);
    }

    /** The stores' gauges as they are now; a status no longer held drops to 0 rather than keeping its last count. */
    synchronized void stores(Health.Gauges g) {
        if (cases == null) {
            outboxDepth = Gauge.builder().name("compactbot_outbox_depth").help("Emails in the outbox waiting to be sent").register(registry);
            outboxOldest = Gauge.builder().name("compactbot_outbox_oldest_seconds")
                    .help("Age of the oldest email waiting in the outbox").register(registry);
            cases = Gauge.builder().name("compactbot_cases").help("Cases, by status").labelNames("status").register(registry);
        }
        outboxDepth.set(g.outboxDepth());
        outboxOldest.set(g.outboxOldestSeconds());
        caseStatusesSeen.addAll(g.casesByStatus().keySet());
        for (String s : caseStatusesSeen) cases.labelValues(s).set(g.casesByStatus().getOrDefault(s, 0L));
        g.pool().ifPresent(this::pool);
    }

    private void pool(Health.Gauges.Pool p) {
        if (poolConnections == null) {
            poolConnections = Gauge.builder().name("compactbot_db_pool_connections")
                    .help("Database connections in the pool (PostgreSQL), by state: active (lent to a transaction) or idle")
                    .labelNames("state").register(registry);
            poolMax = Gauge.builder().name("compactbot_db_pool_max_connections")
                    .help("The most connections the database pool opens (PostgreSQL)").register(registry);
            poolWaiting = Gauge.builder().name("compactbot_db_pool_threads_waiting")
                    .help("Threads waiting for a connection from the database pool (PostgreSQL)").register(registry);
        }
        poolConnections.labelValues("active").set(p.active());
        poolConnections.labelValues("idle").set(p.idle());
        poolMax.set(p.max());
        poolWaiting.set(p.waiting());
    }

    /** Everything in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
