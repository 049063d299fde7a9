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
 * One attempt at a Slack Web API call, and what it came to: sent, given up, or to be tried again after a wait. A 429
 * waits as long as its Retry-After says (up to {@link RetryPolicy#maxWait()}), a 5xx or a network failure backs off
 * exponentially; other failures are not retried. Nothing here waits: {@link SlackSends} schedules the next attempt,
 * and a lookup whose answer is needed at once ({@link #once}) is tried a single time.
 */
final class SlackCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCalls.class);

    /** How hard to try: attempts in all, the first backoff (doubled each time), the longest wait. */
    record RetryPolicy(int attempts, Duration firstBackoff, Duration maxWait) {
        static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));

        /** The backoff after this one: doubled, at most the longest wait. */
        Duration after(Duration backoff) {
            Duration doubled = backoff.multipliedBy(2);
            return doubled.compareTo(maxWait) > 0 ? maxWait : doubled;
        }
    }

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** What one attempt came to. */
    sealed interface Attempted<T> {
        /** Slack took it; the response. */
        record Sent<T>(T response) implements Attempted<T> {}

        /** Not retried, or out of attempts (already logged). */
        record GaveUp<T>() implements Attempted<T> {}

        /** Worth trying again after this wait. */
        record Again<T>(Duration after) implements Attempted<T> {}
    }

    private final RetryPolicy policy;

    SlackCalls(RetryPolicy policy) {
        this.policy = policy;
    }


    /** Calls once, for an answer needed now (who a person is, a modal's trigger that lasts 3 s): no retry. */
    <T extends SlackApiTextResponse> Optional<T> once(String method, Call<T> call) {
        return attempt(method, call, policy.attempts(), policy.firstBackoff()) instanceof Attempted.Sent<T> sent
                ? Optional.ofNullable(sent.response()) : Optional.empty();
    }

    /** Attempt number {@code attempt} of the call, {@code backoff} being the wait when Slack names none. */
    <T extends SlackApiTextResponse> Attempted<T> attempt(String method, Call<T> call, int attempt, Duration backoff) {
        boolean last = attempt >= policy.attempts();
        try {
            T r = call.run();
            if (r != null && r.isOk()) return new Attempted.Sent<>(r);
            if (r != null && "ratelimited".equals(r.getError()) && !last) return again(method, attempt, backoff);
            LOG.warn("Slack {} failed: {}", method, r == null ? "no response" : r.getError());
            return new Attempted.GaveUp<>();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                Duration wait = retryAfter(e.getResponse().header("Retry-After"), backoff);
                if (wait.compareTo(policy.maxWait()) > 0) {
                    LOG.warn("Slack {} is rate limited for {} s, longer than we wait; giving up", method, wait.toSeconds());
                    return new Attempted.GaveUp<>();
                }
                if (!last) return again(method, attempt, wait);
            } else if (code < 500) {
                LOG.warn("Slack {} failed with HTTP {}", method, code);
                return new Attempted.GaveUp<>();
            } else if (!last) {
                return again(method, attempt, backoff);
            }
            LOG.warn("Slack {} failed with HTTP {} after {} attempt(s); giving up", method, code, attempt);
            return new Attempted.GaveUp<>();
        } catch (IOException e) {
            if (!last) return again(method, attempt, backoff);
            LOG.warn("Slack {} could not be reached after {} attempt(s): {}", method, attempt, e.getMessage());
            return new Attempted.GaveUp<>();
        }
    }

    /** Attempt number {@code attempt} at posting to a response_url (a webhook): sent when Slack answered 200. */
    Attempted<WebhookResponse> attemptResponse(Call<WebhookResponse> call, int attempt, Duration backoff) {
        boolean last = attempt >= policy.attempts();
        try {
            WebhookResponse r = call.run();
            int code = r.getCode() == null ? 0 : r.getCode();
            if (code == 200) return new Attempted.Sent<>(r);
            if (code != 429 && code < 500 || last) {
                LOG.warn("Slack response_url answered HTTP {}: {}", code, r.getBody());
                return new Attempted.GaveUp<>();
            }
            List<String> after = r.getHeaders() == null ? null : r.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            Duration wait = code == 429 ? retryAfter(after == null || after.isEmpty() ? null : after.get(0), backoff) : backoff;
            if (wait.compareTo(policy.maxWait()) > 0) {
                LOG.warn("Slack response_url is rate limited for {} s, longer than we wait; giving up", wait.toSeconds());
                return new Attempted.GaveUp<>();
            }
            return again("response_url", attempt, wait);
        } catch (IOException | SlackApiException e) {
            if (!last) return again("response_url", attempt, backoff);
            LOG.warn("Slack response_url could not be reached after {} attempt(s): {}", attempt, e.getMessage());
            return new Attempted.GaveUp<>();
        }
    }

    private static <T> Attempted<T> again(String method, int attempt, Duration wait) {
        LOG.info("Slack {}: attempt {} failed, trying again in {} ms", method, attempt, wait.toMillis());
        return new Attempted.Again<>(wait);
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
