package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random, hostile and empty messages sent to conversations in random states: every
 * turn must reply, leave a valid state and never throw. Seeded, so a failure can be replayed.
 */
class RandomisedConversationTest {
    private static final long SEED = Long.getLong("compactbot.seed", 20261124L);
    private static final int TURNS = Integer.getInteger("compactbot.turns", 3000);
    private static final Set<String> STATES = Set.of("idle", "collecting", "confirming_cancel");
    private static final List<String> VOCABULARY = List.of(
            "help", "back", "skip", "cancel", "status", "yes", "no", "none", "all", "1", "2", "3", "4", "0", "99", "leave",
            "change email", "change respondent to the police", "change dates to 1/1/2026", "change", "change nothing to x",
            "raise a challenge", "I want to complain about the council", "hello", "thanks",
            "how long should a consultation run?", "what is full cost recovery?", "sam@example.org", "not@valid",
            "West Cheshire", "wolves", "Atlantis", "told 3/11/2026 ends 30/11/2026", "opened 1 Oct closed 29 Oct", "31/02/2026",
            "told tomorrow, ends yesterday", "", " ", "\n\n", "\u0000\u0001\u0002", "'; DROP TABLE conversations; --",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://x}", "%s%s%s%n", "\uD83D\uDE00\uD83D\uDE00", "\uD800", "ñáéíóú",
            "Robert'); DELETE FROM cases;--", "NULL", "null", "{\"text\":1}", "the council cut our grant with 2 weeks notice");

    @TempDir Path dir;

    @Test
    void randomMessagesNeverBreakAConversation() throws Exception {
        Random random = new Random(SEED);
        try (EngineFixture f = new EngineFixture(dir)) {
            for (int i = 0; i < TURNS; i++) {
                String id = "r" + random.nextInt(12);
                String text = message(random);
                if (random.nextInt(200) == 0) f.clock.advance(Duration.ofDays(random.nextInt(40)));
                if (random.nextInt(500) == 0) f.restart();
                TurnResult t;
                try {
                    t = f.say(id, text);
                } catch (RuntimeException e) {
                    throw new AssertionError("turn " + i + " (seed " + SEED + ") threw for " + printable(text), e);
                }
                assertNotNull(t, "turn " + i);
                assertFalse(t.replies().isEmpty(), "no reply at turn " + i + " for " + printable(text));
                for (Reply reply : t.replies()) assertFalse(reply.text().isBlank(), "blank reply at turn " + i);
                assertTrue(STATES.contains(t.state()), t.state());
                assertEquals(t.state().equals("collecting"), t.expecting() != null, "state and expecting disagree at turn " + i);
            }
        }
    }

    private static String message(Random r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> VOCABULARY.get(r.nextInt(VOCABULARY.size()));
            case 2 -> randomText(r, r.nextInt(200));
            default -> r.nextInt(20) == 0 ? randomText(r, 20_000 + r.nextInt(100_000)) : randomText(r, r.nextInt(20));
        };
    }

    private static String randomText(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(10);
            if (kind < 6) sb.append((char) ('a' + r.nextInt(26)));
            else if (kind < 8) sb.append(' ');
            else sb.append((char) r.nextInt(0x3000));
        }
        return sb.toString();
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
        return "\"" + t.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
