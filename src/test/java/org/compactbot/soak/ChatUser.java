package org.compactbot.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person raising challenges through POST /api/chat/{id}, one after another, answering whatever
 * the bot asks. When a request fails (the server was killed) the turn may or may not have been
 * applied, so the user asks for `status` once the server is back and sends the turn again only
 * if the bot is still waiting for that answer.
 */
final class ChatUser implements Runnable {
    private static final Pattern REF = Pattern.compile("\\b([A-Z]{2,}-\\d{4}-\\d{4})\\b");
    private final int number;
    private final SoakHttp http;
    private final SoakFigures figures;
    private final AtomicBoolean stop;
    private final Random random;
    private int conversations;

    ChatUser(int number, SoakHttp http, SoakFigures figures, AtomicBoolean stop, long seed) {
        this.number = number;
        this.http = http;
        this.figures = figures;
        this.stop = stop;
        this.random = new Random(seed);
    }

    private Map<String, String> answers(String id) {
        return Map.ofEntries(Map.entry("area", "Redcar"), Map.entry("role", "1"), Map.entry("name", "Alex Soak " + number),
                Map.entry("organisation", "skip"), Map.entry("email", id + "@groups.example"),
                Map.entry("respondent", "Redcar and Cleveland Council"),
                Map.entry("what_happened", "They closed the consultation on our community centre after four weeks."),
                Map.entry("undertakings", "none"), Map.entry("dates", "opened 1 Oct 2026, closed 29 Oct 2026"),
                Map.entry("impact", "skip"), Map.entry("informal_steps", "skip"),
                Map.entry("desired_outcome", "A full twelve week consultation"), Map.entry("consent", "1"), Map.entry("confirm", "yes"));
    }

    @Override
    public void run() {
        try {
            while (!stop.get()) challenge("soak-u" + number + "-c" + ++conversations);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void challenge(String id) throws InterruptedException {
        figures.conversationsStarted.incrementAndGet();
        Map<String, String> answers = answers(id);
        JsonNode r = turn(id, "raise a challenge", null);
        String last = null;
        int sameAgain = 0;
        for (int i = 0; i < 40; i++) {
            String ref = confirmedRef(r);
            if (ref != null) {
                figures.confirmed.put(id, ref);
                return;
            }
            String slot = r.path("expecting").asText(null);
            if (slot == null || r.path("expecting").isNull()) break;
            sameAgain = slot.equals(last) ? sameAgain + 1 : 0;
            if (sameAgain >= 3) break;
            last = slot;
            Thread.sleep(100 + random.nextInt(400)); // a person types
            r = turn(id, answers.getOrDefault(slot, "skip"), slot);
        }
        figures.conversationsStuck.incrementAndGet();
        System.err.println("soak: conversation " + id + " did not reach a case; last answer " + r);
    }

    /** The case a reply shows as just confirmed, or (after a lost answer) as the status of the last challenge. */
    private static String confirmedRef(JsonNode r) {
        if (!"idle".equals(r.path("state").asText())) return null;
        JsonNode c = r.path("case");
        if (c.isObject() && c.hasNonNull("ref")) return c.get("ref").asText();
        for (JsonNode reply : r.path("replies")) {
            Matcher m = REF.matcher(reply.path("text").asText());
            if (reply.path("text").asText().startsWith("Your challenge") && m.find()) return m.group(1);
        }
        return null;
    }

    /** Sends one turn until it is known to be applied; expectedSlot is what the bot was waiting for (null: no challenge yet). */
    private JsonNode turn(String id, String text, String expectedSlot) throws InterruptedException {
        while (true) {
            try {
                JsonNode r = http.chat(id, text);
                figures.turns.incrementAndGet();
                return r;
            } catch (SoakHttp.Failed e) {
                figures.failedRequests.incrementAndGet();
            }
            JsonNode status = statusOnceBack(id);
            String now = status.path("expecting").isNull() ? null : status.path("expecting").asText(null);
            boolean applied = expectedSlot == null ? now != null || confirmedRef(status) != null : !expectedSlot.equals(now);
            if (applied) {
                figures.appliedButUnanswered.incrementAndGet();
                return status;
            }
            figures.resent.incrementAndGet();
        }
    }

    private JsonNode statusOnceBack(String id) throws InterruptedException {
        while (true) {
            Thread.sleep(250);
            try {
                JsonNode r = http.chat(id, "status");
                figures.turns.incrementAndGet();
                return r;
            } catch (SoakHttp.Failed e) {
                figures.failedRequests.incrementAndGet();
            }
        }
    }
}
