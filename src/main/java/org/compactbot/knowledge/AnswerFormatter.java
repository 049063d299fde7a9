package org.compactbot.knowledge;

import java.util.List;

/**
 * The answer a person reads, in any channel: the best passage in the source's words with its
 * citation and plain-English gloss, then up to two other Compacts that say the same.
 */
public final class AnswerFormatter {
    /** One quoted passage as shown. */
    public record Quote(String text, String citation, String gloss) {}

    /** The parts of an answer, for channels that lay them out themselves (Slack blocks, HTML mail). */
    public record Shown(Quote best, List<Quote> alsoIn, String offer, String noAnswer, boolean contacts) {
        public Shown(Quote best, List<Quote> alsoIn, String offer, String noAnswer) {
            this(best, alsoIn, offer, noAnswer, false);
        }

        /** The heading over {@link #alsoIn}: other Compacts saying the same, or the other areas' contacts. */
        public String alsoHeading() {
            return contacts ? "Other areas' Compacts:" : "Other Compacts say the same:";
        }

        /** After several areas' contacts (no area known): how to get just one. */
        public String note() {
            return contacts && !alsoIn.isEmpty()
                    ? "Each area's Compact has its own contact: tell me which area you are in and I will give you just that one." : "";
        }
    }

    public Shown shape(Answer a) {
        if (!a.answered() || a.passages().isEmpty()) {
            String contact = !a.contact().isBlank() ? " You could ask: " + a.contact()
                    : a.area() == null ? " If you tell me which area's Compact you mean, I can give you its contact." : "";
            return new Shown(null, List.of(), "", "I couldn't find anything in the Compacts that answers that. "
                    + "They cover how councils and other public bodies work with voluntary and community groups: "
                    + "funding, consultation, volunteering, equality, partnerships and managing change." + contact);
        }
        ScoredPassage best = a.passages().get(0);
        if (a.contacts()) {
            // whom to contact: the area's contact block, or with no area each area's, never one as everyone's
            List<Quote> others = a.passages().subList(1, a.passages().size()).stream().map(AnswerFormatter::quote).toList();
            return new Shown(quote(best), others, "", "", true);
        }
        List<Quote> also = a.alsoSaid().stream().map(AnswerFormatter::quote).toList();
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
            sb.append('\n').append(s.alsoHeading()).append('\n');
            for (Quote q : s.alsoIn()) appendQuote(sb, q);
        }
        if (!s.note().isEmpty()) sb.append('\n').append(s.note()).append('\n');
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
