package org.compactbot.conversation;

import java.util.List;
import java.util.regex.Pattern;
import org.compactbot.knowledge.AreaDetector;

/**
 * Reads a question about how earlier challenges ended ("has this happened before?", "have other groups challenged a
 * funding cut?", "how did similar challenges end?") and answers it from the published outcomes. A question about the
 * body's own conduct towards the person ("has the council done this before to us?") is not one: it is about their
 * situation, and goes to the Compact's answer and the offer of a challenge as any question does.
 */
final class PastOutcomesAsked {
    private static final Pattern ASKS = Pattern.compile("(?i)"
            + "\\b(?:has|have) (?:this|that|it|this sort of thing|something like this) (?:ever )?(?:happened|come up|been (?:raised|challenged)) before\\b"
            + "|\\b(?:other|similar|previous|past|earlier|any) (?:groups?|organi[sz]ations?|charities|challenges?|cases?|complaints?)\\b.{0,60}?"
            + "\\b(?:challenged|complained|raised|won|win|ended|end|happened|turned? out|went|go|got|succeeded|resolved|outcomes?|results?)\\b"
            + "|\\b(?:happened|ended|turned out|went|results?|outcomes?) (?:in|with|to|for|of) (?:other|similar|previous|past|earlier) "
            + "(?:groups?|organi[sz]ations?|charities|challenges?|cases?|complaints?)\\b"
            + "|\\b(?:has|have|did) (?:anyone|anybody|any other groups?|others|other people)(?: else)? (?:ever )?"
            + "(?:challenged|complained|raised|won|brought|had|succeeded)\\b"
            + "|\\b(?:published|past|previous|earlier) (?:outcomes?|results?|decisions?)\\b"
            + "|\\bhow (?:did|do|have) (?:other|similar|previous|past|earlier) \\w+ (?:end|turn out|go|get on)\\b"
            + "|\\b(?:examples?|precedents?) of (?:previous|past|earlier|other|similar) (?:challenges?|cases?|complaints?)\\b");
    private static final Pattern ABOUT_US = Pattern.compile("(?i)\\b(?:to us|to our|with us|our group|my group)\\b");

    private PastOutcomesAsked() {}

    static boolean in(String text) {
        if (text == null || text.length() > 400) return false;
        return ASKS.matcher(text).find() && !ABOUT_US.matcher(text).find();
    }

    /** The answer: up to three similar published outcomes, or that none are published yet. */
    static String answer(PastOutcomes outcomes, PastOutcomes.Query query) {
        List<PastOutcomes.Outcome> found = outcomes.similar(query, 3);
        if (found.isEmpty()) {
            return "No outcomes of earlier challenges have been published yet, so I can't say how similar challenges ended. "
                    + "I can tell you what the Compact says, or help you raise a challenge.";
        }
        StringBuilder b = new StringBuilder(found.size() == 1 ? "Here is a published outcome of a similar challenge (anonymised):\n"
                : "Here are published outcomes of similar challenges (anonymised):\n");
        int n = 0;
        for (PastOutcomes.Outcome o : found) {
            b.append('\n').append(++n).append(". ").append(AreaDetector.displayName(o.area())).append(", ").append(o.body())
                    .append(o.undertakings().isEmpty() ? "" : "; undertakings: " + String.join("; ", o.undertakings()))
                    .append("; ").append(o.outcome().replace('_', ' ')).append(", ").append(o.month()).append(":\n   ").append(o.summary()).append('\n');
        }
        return b.append("\nEvery case is different: a mediator looks at yours on its own facts.").toString();
    }
}
