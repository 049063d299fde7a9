package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rate-limit policy against a fake clock: requests at given times, the answer to each. */
class TokenBucketsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** "a@0" = client a at 0 ms; "ok" or "429 Ns" (throttled, retry after N s). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a burst up to the limit passes, the next waits", 60, 3,
                        List.of("a@0", "a@0", "a@0", "a@0"), List.of("ok", "ok", "ok", "429 1s")),
                Arguments.of("one token comes back per second at 60 a minute", 60, 1,
                        List.of("a@0", "a@500", "a@1000", "a@1000"), List.of("ok", "429 1s", "ok", "429 1s")),
                Arguments.of("at 6 a minute the wait is ten seconds", 6, 1,
                        List.of("a@0", "a@0", "a@4000"), List.of("ok", "429 10s", "429 6s")),
                Arguments.of("each client has its own bucket", 60, 1,
                        List.of("a@0", "b@0", "a@0", "b@0"), List.of("ok", "ok", "429 1s", "429 1s")),
                Arguments.of("a long pause refills only up to the burst", 60, 2,
                        List.of("a@0", "a@0", "a@600000", "a@600000", "a@600000"), List.of("ok", "ok", "ok", "ok", "429 1s")),
                Arguments.of("zero per minute turns the limit off", 0, 0,
                        List.of("a@0", "a@0", "a@0", "a@0"), List.of("ok", "ok", "ok", "ok")),
                Arguments.of("a clock that steps back takes nothing extra", 60, 1,
                        List.of("a@5000", "a@4000", "a@6000"), List.of("ok", "429 1s", "ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachRequestAsTheBucketAllows(String what, int perMinute, int burst, List<String> requests, List<String> expected) {
        TokenBuckets buckets = new TokenBuckets(perMinute, burst);
        List<String> got = new ArrayList<>();
        for (String r : requests) {
            String[] cm = r.split("@");
            TokenBuckets.Decision d = buckets.take(cm[0], T0.plusMillis(Long.parseLong(cm[1])));
            got.add(d instanceof TokenBuckets.Decision.Throttled t ? "429 " + t.retryAfterSeconds() + "s" : "ok");
        }
        assertEquals(expected, got);
    }

    @Test
    void manyClientsDoNotGrowMemoryWithoutBound() {
        TokenBuckets buckets = new TokenBuckets(60, 5);
        for (int i = 0; i < TokenBuckets.MAX_CLIENTS * 3; i++) buckets.take("client-" + i, T0.plusSeconds(i / 100));
        assertTrue(buckets.clients() <= TokenBuckets.MAX_CLIENTS, "clients kept: " + buckets.clients());
    }

    @Test
    void idleClientsAreForgottenFirstAndABusyOneKeepsItsDebt() {
        TokenBuckets buckets = new TokenBuckets(60, 1);
        assertEquals(new TokenBuckets.Decision.Allowed(), buckets.take("busy", T0));
        // clients last seen ten seconds ago, whose buckets have filled up again by T0
        for (int i = 1; i < TokenBuckets.MAX_CLIENTS; i++) buckets.take("idle-" + i, T0.minusSeconds(10));
        assertEquals(TokenBuckets.MAX_CLIENTS, buckets.clients());
        assertEquals(new TokenBuckets.Decision.Allowed(), buckets.take("newcomer", T0));
        assertEquals(2, buckets.clients());
        assertTrue(buckets.take("busy", T0) instanceof TokenBuckets.Decision.Throttled);
    }
}
