package org.compactbot.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate-limit policy: a token bucket per client that holds up to {@code burst} requests and refills at
 * {@code perMinute} a minute. Pure: the caller passes the time. A limit of zero per minute lets everything through.
 */
final class TokenBuckets {
    /** What to do with one request. */
    sealed interface Decision {
        record Allowed() implements Decision {}

        /** Refused; the client may try again after this many whole seconds (at least 1). */
        record Throttled(long retryAfterSeconds) implements Decision {}
    }

    static final int MAX_CLIENTS = 10_000;
    private static final Decision ALLOWED = new Decision.Allowed();

    private final double perSecond;
    private final double capacity;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long atNanos;

        Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }
    }

    TokenBuckets(int perMinute, int burst) {
        this.perSecond = perMinute / 60.0;
        this.capacity = Math.max(burst, 1);
    }

    boolean off() {
        return perSecond <= 0;
    }

    synchronized Decision take(String client, Instant now) {
        if (off()) return ALLOWED;
        long t = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        Bucket b = buckets.get(client);
        if (b == null) {
            if (buckets.size() >= MAX_CLIENTS) forgetIdle(t);
            b = new Bucket(capacity, t);
            buckets.put(client, b);
        } else {
            refill(b, t);
        }
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return ALLOWED;
        }
        return new Decision.Throttled(Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond)));
    }

    synchronized int clients() {
        return buckets.size();
    }

    private void refill(Bucket b, long t) {
        if (t > b.atNanos) {
            b.tokens = Math.min(capacity, b.tokens + (t - b.atNanos) / 1e9 * perSecond);
            b.atNanos = t;
        }
    }

    /** Drops the buckets that have filled up again (their clients are idle); if all are busy, starts afresh. */
    private void forgetIdle(long t) {
        buckets.values().removeIf(b -> {
            refill(b, t);
            return b.tokens >= capacity;
        });
        if (buckets.size() >= MAX_CLIENTS) buckets.clear();
    }
}
