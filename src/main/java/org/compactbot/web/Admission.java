package org.compactbot.web;

import io.javalin.http.Context;
import java.time.Clock;
import org.compactbot.config.AppConfig;

/**
 * What every route that takes work checks before it reads a body: the server is not stopping, and the caller is
 * within its rate limit; and who the caller is (its address through trusted proxies, and whether it is on this
 * machine). Each check throws a {@link Refusal} when it fails.
 */
final class Admission {
    private final ClientAddress clients;
    private final TokenBuckets perClient;
    private final TokenBuckets slackCap;
    private final ServiceMetrics metrics;
    private final String publicUrl;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    Admission(AppConfig.Server server, ServiceMetrics metrics) {
        AppConfig.RateLimit limit = server.rateLimit();
        this.clients = new ClientAddress(server.trustedProxies());
        this.perClient = new TokenBuckets(limit.perMinute(), limit.burst());
        this.slackCap = new TokenBuckets(limit.slackPerMinute(), limit.slackPerMinute());
        this.metrics = metrics;
        this.publicUrl = server.publicUrl();
    }

    /** From now on every check refuses: the server is stopping. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /** @throws Refusal.Restarting once the server is stopping */
    void notStopping() {
        if (stopping) throw new Refusal.Restarting();
    }

    /**
     * Takes one request from the client's bucket of the per-client limit (server.rate-limit).
     *
     * @param client who is counted: "api:token", "mail:" + a sender address, ...
     * @throws Refusal.TooManyRequests when the bucket is empty (and counts it)
     */
    void withinLimit(Context ctx, String client) {
        take(ctx, perClient, client);
    }

    /** Takes one request from the one bucket all of Slack shares (server.rate-limit.slack-per-minute). */
    void withinSlackCap(Context ctx) {
        take(ctx, slackCap, "all");
    }

    private void take(Context ctx, TokenBuckets buckets, String client) {
        if (buckets.take(client, clock.instant()) instanceof TokenBuckets.Decision.Throttled t) {
            metrics.throttled(WebServer.route(ctx.path()));
            throw new Refusal.TooManyRequests(t.retryAfterSeconds());
        }
    }

    /** The caller's address, through trusted proxies only. */
    String address(Context ctx) {
        return clients.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** The request reached us over HTTPS (directly, or as a trusted proxy says). */
    boolean https(Context ctx) {
        return clients.https(ctx.scheme(), ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-Proto"));
    }

    /** The service's public address (server.public-url) is https. */
    boolean publicHttps() {
        return publicUrl.startsWith("https://");
    }

    /** A host as a Host header names one: a DNS name or address, and an optional port. Anything else is not used in a link. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?");

    /** A host name that is this machine: a link to it is no use to anyone else, so it cannot send a token elsewhere. */
    private static final java.util.regex.Pattern LOOPBACK_HOST = java.util.regex.Pattern.compile(
            "(?i)(localhost|127(?:\\.\\d{1,3}){3}|\\[::1])(?::\\d{1,5})?");

    /**
     * The address emailed links start with: {@code server.public-url} when it is set. Otherwise X-Forwarded-Host when a
     * trusted proxy sent the request (the operator listed it), or a Host header that names this machine (a trial on
     * localhost); https as {@link #https} decides. Any other Host header is not believed: anyone can write one, and a
     * link to their host would carry the token to them.
     *
     * @throws Refusal.BadRequest when the host is not one a link can name
     * @throws Refusal.Off        when no public address is set and the request came from elsewhere
     */
    String linkBase(Context ctx) {
        if (!publicUrl.isEmpty()) return publicUrl;
        String forwarded = ctx.header("X-Forwarded-Host");
        boolean viaProxy = forwarded != null && clients.trusted(ctx.req().getRemoteAddr());
        String host = viaProxy ? forwarded.split(",")[0].strip() : ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            throw new Refusal.BadRequest("The request did not name this service's host, so no link could be made for it.");
        }
        if (!viaProxy && !LOOPBACK_HOST.matcher(host).matches()) {
            throw new Refusal.Off(io.javalin.http.HttpStatus.SERVICE_UNAVAILABLE, "This service cannot email links yet: its public address "
                    + "(server.public-url) is not set. Nothing was sent. Please tell the Compact team, or try again later.");
        }
        return (https(ctx) ? "https://" : "http://") + host;
    }

    /**
     * A caller on this machine: its address (through trusted proxies) is loopback, and it did not come through
     * an untrusted proxy (a loopback peer that forwards for someone else is not local).
     */
    boolean localCaller(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (ctx.header("Forwarded") != null) return false; // RFC 7239 is not read: assume someone else's request
        if (ctx.header("X-Forwarded-For") != null && !clients.trusted(peer)) return false;
        return ApiAccess.isLoopback(clients.of(peer, ctx.header("X-Forwarded-For")));
    }
}
