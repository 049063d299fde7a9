package org.compactbot.web;

import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service will not serve, and why: thrown by an admission step or a route, rendered in one place
 * ({@link ErrorMapping}) as the status, the headers below and {@code {"error": message}}. The message is what the
 * caller reads, so it says what to do. No stack trace is taken: a refusal is an answer, not a fault, and a flood
 * of refused requests should cost little.
 */
abstract sealed class Refusal extends RuntimeException {
    private final HttpStatus status;
    private final Map<String, String> headers;

    private Refusal(HttpStatus status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    HttpStatus status() {
        return status;
    }

    /** The headers the refusal carries (Retry-After, WWW-Authenticate, ...), in the order they are written. */
    Map<String, String> headers() {
        return headers;
    }

    /** 400: the request is not what the route takes; the message says what to send. */
    static final class BadRequest extends Refusal {
        BadRequest(String message) {
            super(HttpStatus.BAD_REQUEST, message, Map.of());
        }
    }

    /** 401: no bearer token, or the wrong one. */
    static final class Unauthorized extends Refusal {
        /** @param tokenGiven the request carried an Authorization header (the challenge then says the token is invalid) */
        Unauthorized(String message, boolean tokenGiven) {
            super(HttpStatus.UNAUTHORIZED, message,
                    Map.of("WWW-Authenticate", "Bearer realm=\"compact-bot\"" + (tokenGiven ? ", error=\"invalid_token\"" : "")));
        }
    }

    /** 403: a form without the token its page was given (another site's, an old page's, or cookies off): nothing was changed. */
    static final class Forbidden extends Refusal {
        Forbidden(String message) {
            super(HttpStatus.FORBIDDEN, message, Map.of());
        }
    }

    /** 413: the body is over the route's limit. */
    static final class PayloadTooLarge extends Refusal {
        PayloadTooLarge(long maxBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + sizeText(maxBytes) + ".", Map.of());
        }
    }

    /** 429: the caller's rate limit is used up for now. */
    static final class TooManyRequests extends Refusal {
        TooManyRequests(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; please try again in " + retryAfterSeconds + " s.",
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }
    }

    /** A channel whose settings are empty: its route answers with this status and says which settings turn it on. */
    static final class Off extends Refusal {
        Off(HttpStatus status, String message) {
            super(status, message, Map.of());
        }
    }

    /** 503 while the server stops: try again shortly, on a new connection. */
    static final class Restarting extends Refusal {
        Restarting() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "The service is restarting; please try again in a minute.", orderly("Retry-After", "30", "Connection", "close"));
        }
    }

    static String sizeText(long bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes / 1000 + " kB";
    }

    private static Map<String, String> orderly(String... namesAndValues) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) h.put(namesAndValues[i], namesAndValues[i + 1]);
        return h;
    }
}
