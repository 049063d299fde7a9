package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer a person reads, in any channel: the best passage in the source's words with its
 * citation and plain-English gloss, then up to two other Compacts that say the same.
 */
public final class AnswerFormatter {
    /** How close (relative to the best) another Compact's passage must be to be shown as the same. */
    private static final double SAME_SCORE_RATIO = 0.8;

    /** One quoted passage as shown. */
    public record Quote(String text, String citation, String gloss) {}

    /** The parts of an answer, for channels that lay them out themselves (Slack blocks, HTML mail). */
    public record Shown(Quote best, List<Quote> alsoIn, String offer, String noAnswer) {}

    public Shown shape(Answer a) {
        if (!a.answered() || a.passages().isEmpty()) {
            String contact = a.contact().isBlank() ? "" : " You could ask: " + a.contact();
            return new Shown(null, List.of(), "", "I couldn't find anything in the Compacts that answers that. "
                    + "They cover how councils and other public bodies work with voluntary and community groups: "
                    + "funding, consultation, volunteering, equality, partnerships and managing change." + contact);
        }
        ScoredPassage best = a.passages().get(0);
        List<Quote> also = new ArrayList<>();
        Set<String> docs = new HashSet<>();
        docs.add(best.passage().document());
        for (ScoredPassage s : a.passages().subList(1, a.passages().size())) {
            if (also.size() == 2) break;
            if (s.score() < best.score() * SAME_SCORE_RATIO) break;
            if (docs.add(s.passage().document()) && !s.passage().area().equals(best.passage().area())) also.add(quote(s));
        }
        String offer = a.grievance()
                ? "If a public body has not kept to this, I can help you raise a Compact challenge: just say \"raise a challenge\"."
                : "";
        return new Shown(quote(best), also, offer, "");
    }

    /** Plain text, for the terminal and plain-text email. */
    public String text(Answer a) {
        Shown s = shape(a);
        if (s.best() == null) return s.noAnswer();
        StringBuilder sb = new StringBuilder();
        appendQuote(sb, s.best());
        if (!s.alsoIn().isEmpty()) {
            sb.append("\nOther Compacts say the same:\n");
            for (Quote q : s.alsoIn()) appendQuote(sb, q);
        }
        if (!s.offer().isEmpty()) sb.append('\n').append(s.offer()).append('\n');
        return sb.toString().strip();
    }

    private static void appendQuote(StringBuilder sb, Quote q) {
        sb.append('"').append(q.text()).append("\"\n  — ").append(q.citation()).append('\n');
        if (!q.gloss().isEmpty()) sb.append("  In plain words: ").append(q.gloss()).append('\n');
    }

    private static Quote quote(ScoredPassage s) {
        return new Quote(s.passage().text(), s.passage().citation(), s.passage().gloss());
    }
}
