package org.compactbot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to the Slack Web API with bounded retries: a 429 waits as long as its Retry-After says
 * (up to {@link RetryPolicy#maxWait()}), a 5xx or a network failure backs off exponentially.
 * Other failures are not retried. A call that never succeeds is logged and yields nothing.
 */
final class SlackCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCalls.class);

    /** How hard to try: attempts in all, the first backoff (doubled each time), the longest wait. */
    record RetryPolicy(int attempts, Duration firstBackoff, Duration maxWait) {
        static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Waits; a test may wait less. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    SlackCalls(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /** Runs the call until it succeeds or the policy gives up; a response with ok=false is logged and returned empty. */
    <T extends SlackApiTextResponse> Optional<T> call(String method, Call<T> call) {
        Duration backoff = policy.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                T r = call.run();
                if (r != null && r.isOk()) return Optional.of(r);
                if (r != null && "ratelimited".equals(r.getError()) && attempt < policy.attempts()) {
                    wait = backoff;
                } else {
                    LOG.warn("Slack {} failed: {}", method, r == null ? "no response" : r.getError());
                    return Optional.empty();
                }
            } catch (SlackApiException e) {
                int code = e.getResponse().code();
                if (code == 429) {
                    wait = retryAfter(e.getResponse().header("Retry-After"), backoff);
                    if (wait.compareTo(policy.maxWait()) > 0) {
                        LOG.warn("Slack {} is rate limited for {} s, longer than we wait; giving up", method, wait.toSeconds());
                        return Optional.empty();
                    }
                } else if (code >= 500) {
                    wait = backoff;
                } else {
                    LOG.warn("Slack {} failed with HTTP {}", method, code);
                    return Optional.empty();
                }
                if (attempt >= policy.attempts()) {
                    LOG.warn("Slack {} failed with HTTP {} after {} attempts; giving up", method, code, attempt);
                    return Optional.empty();
                }
            } catch (IOException e) {
                if (attempt >= policy.attempts()) {
                    LOG.warn("Slack {} could not be reached after {} attempts: {}", method, attempt, e.getMessage());
                    return Optional.empty();
                }
                wait = backoff;
            }
            LOG.info("Slack {}: attempt {} failed, retrying in {} ms", method, attempt, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            backoff = backoff.multipliedBy(2).compareTo(policy.maxWait()) > 0 ? policy.maxWait() : backoff.multipliedBy(2);
        }
    }

    /** Posts to a response_url (a webhook), with the same retries; true when Slack took it. */
    boolean respond(Call<WebhookResponse> call) {
        Duration backoff = policy.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                WebhookResponse r = call.run();
                int code = r.getCode() == null ? 0 : r.getCode();
                if (code == 200) return true;
                if (code != 429 && code < 500 || attempt >= policy.attempts()) {
                    LOG.warn("Slack response_url answered HTTP {}: {}", code, r.getBody());
                    return false;
                }
                List<String> after = r.getHeaders() == null ? null : r.getHeaders().entrySet().stream()
                        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                wait = code == 429 ? retryAfter(after == null || after.isEmpty() ? null : after.get(0), backoff) : backoff;
                if (wait.compareTo(policy.maxWait()) > 0) return false;
            } catch (IOException | SlackApiException e) {
                if (attempt >= policy.attempts()) {
                    LOG.warn("Slack response_url could not be reached after {} attempts: {}", attempt, e.getMessage());
                    return false;
                }
                wait = backoff;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoff = backoff.multipliedBy(2).compareTo(policy.maxWait()) > 0 ? policy.maxWait() : backoff.multipliedBy(2);
        }
    }

    /** Retry-After in seconds (Slack sends whole seconds); the backoff when missing or unreadable. */
    static Duration retryAfter(String header, Duration fallback) {
        if (header == null) return fallback;
        try {
            long s = Long.parseLong(header.strip());
            return s < 0 ? fallback : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
