package org.compactbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SlackSendsTest {
    private static final SlackCalls.RetryPolicy QUICK = new SlackCalls.RetryPolicy(20, Duration.ofMillis(5), Duration.ofSeconds(1));

    @Test
    void eachPlaceGetsItsSendsInOrderWhateverFailsAndIsTriedAgain() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            Map<String, List<Integer>> sent = new ConcurrentHashMap<>();
            try (SlackSends sends = new SlackSends(QUICK, 3)) {
                List<String[]> order = new ArrayList<>();
                for (int i = 0; i < 300; i++) order.add(new String[] {"person-" + random.nextInt(12), String.valueOf(i)});
                for (String[] s : order) {
                    int n = Integer.parseInt(s[1]);
                    boolean[] flaky = new boolean[5];
                    for (int k = 0; k < flaky.length; k++) flaky[k] = random.nextInt(4) == 0;
                    sends.send(s[0], (attempt, backoff) -> {
                        if (attempt <= flaky.length && flaky[attempt - 1]) return new SlackCalls.Attempted.Again<>(backoff);
                        sent.computeIfAbsent(s[0], p -> new CopyOnWriteArrayList<>()).add(n);
                        return new SlackCalls.Attempted.Sent<>("ok");
                    });
                }
                assertTrue(sends.awaitIdle(Duration.ofSeconds(30)), "seed " + seed + ": every send finished");
                for (String place : sent.keySet()) {
                    List<Integer> expected = order.stream().filter(s -> s[0].equals(place)).map(s -> Integer.parseInt(s[1])).toList();
                    assertEquals(expected, sent.get(place), "seed " + seed + ": " + place + " in the order queued, each once");
                }
                assertEquals(300, sent.values().stream().mapToInt(List::size).sum());
            }
        }
    }

    @Test
    void aSendWaitingToBeTriedAgainHoldsNoThreadAndNoOtherPlace() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        try (SlackSends sends = new SlackSends(new SlackCalls.RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(5)), 1)) {
            long t0 = System.nanoTime();
            sends.send("limited", (attempt, backoff) -> {
                if (attempt == 1) return new SlackCalls.Attempted.Again<>(Duration.ofSeconds(2));
                sent.add("limited");
                return new SlackCalls.Attempted.Sent<>("ok");
            });
            sends.send("limited", (attempt, backoff) -> {
                sent.add("limited, second");
                return new SlackCalls.Attempted.Sent<>("ok");
            });
            for (int i = 0; i < 5; i++) {
                String place = "other-" + i;
                sends.send(place, (attempt, backoff) -> {
                    sent.add(place);
                    return new SlackCalls.Attempted.Sent<>("ok");
                });
            }
            while (sent.size() < 5 && System.nanoTime() - t0 < 1_500_000_000L) Thread.sleep(5);
            assertEquals(List.of("other-0", "other-1", "other-2", "other-3", "other-4"), sent,
                    "with one sending thread, the others went while the first waited");
            assertTrue(sends.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(List.of("limited", "limited, second"), sent.subList(5, 7));
            assertTrue(System.nanoTime() - t0 >= 1_900_000_000L, "the limited send waited as asked");
        }
    }

    @Test
    void aSendThatThrowsIsDroppedAndThePlaceCarriesOn() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        try (SlackSends sends = new SlackSends(QUICK, 1)) {
            sends.send("p", (attempt, backoff) -> {
                throw new IllegalStateException("boom");
            });
            sends.send("p", (attempt, backoff) -> {
                sent.add("next");
                return new SlackCalls.Attempted.Sent<>("ok");
            });
            assertTrue(sends.awaitIdle(Duration.ofSeconds(5)));
            assertEquals(List.of("next"), sent);
            assertEquals(0, sends.waiting());
        }
    }
}
