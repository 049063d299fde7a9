package org.compactbot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.compactbot.knowledge.Embedder;

/**
 * Tells a request to raise a challenge from a question or small talk, without a remote service:
 * rules for the clear cases, then the nearest of a few example sentences by the bundled model.
 */
public final class IntentClassifier {
    private static final Pattern START = Pattern.compile(
            "\\b(raise|start|make|lodge|file|open|submit|begin|report|bring)\\b.{0,25}\\b(challenge|complaint|case|concern|breach)\\b"
            + "|\\bi('d| would)? (want|like|need|wish|wanna)( to)? (complain|challenge|report|take (this|it) further)\\b"
            + "|\\b(complain|complaint) (about|against)\\b"
            + "|^(challenge|complain|complaint|compact challenge|new challenge)[.!]*$"
            + "|\\b(they|council|body|authority|nhs|police|trust|commissioners?)( have| has|'ve)? (broke|broken|breached|ignored|breaking|breaching) (the|our) compact\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|whats|what's|how|when|where|why|who|which|can|could|does|do|is|are|should|would|will|may|must|shall|has|have|did|am|if|explain|tell me)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETING = Pattern.compile("^(hi|hello|hey|hiya|good (morning|afternoon|evening)|morning|afternoon|yo)\\b[\\s!.,]*(there|bot|compact bot)?[\\s!.]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile("^(thanks|thank you|thankyou|cheers|ta|great|perfect|ok thanks|brilliant)\\b.{0,30}$", Pattern.CASE_INSENSITIVE);

    private static final List<String> START_EXAMPLES = List.of(
            "I want to raise a Compact challenge", "The council broke the Compact and I want to do something about it",
            "We want to challenge the council's decision to cut our funding", "Help me complain about the council",
            "I'd like to report a breach of the Compact", "The NHS trust ended our contract without notice and we want to take it further");
    private static final List<String> QUESTION_EXAMPLES = List.of(
            "How long should a consultation last?", "What does the Compact say about funding?",
            "What is full cost recovery?", "Can volunteers claim expenses?", "What happens if the council breaks the Compact?",
            "What notice should we get before a grant ends?");

    private final Embedder embedder;
    private List<float[]> startVectors, questionVectors;

    /** @param embedder the model for examples; null to use the rules alone */
    public IntentClassifier(Embedder embedder) {
        this.embedder = embedder;
    }

    public Intent classify(String text) {
        String t = text.strip();
        if (GREETING.matcher(t).matches()) return Intent.GREETING;
        if (THANKS.matcher(t).matches()) return Intent.THANKS;
        boolean asks = t.endsWith("?") || QUESTION_START.matcher(t).find();
        if (START.matcher(t).find() && !(asks && !t.toLowerCase(Locale.ROOT).matches("(?s).*\\bi('d| would)? (want|like|need)\\b.*"))) {
            return Intent.START_CHALLENGE;
        }
        if (asks || embedder == null || t.split("\\s+").length < 4) return Intent.QUESTION;
        return nearestExample(t);
    }

    private synchronized Intent nearestExample(String t) {
        if (startVectors == null) {
            startVectors = START_EXAMPLES.stream().map(embedder::embedQuery).toList();
            questionVectors = QUESTION_EXAMPLES.stream().map(embedder::embedQuery).toList();
        }
        float[] v = embedder.embedQuery(t);
        double start = best(v, startVectors), question = best(v, questionVectors);
        return start > question + 0.03 && start > 0.75 ? Intent.START_CHALLENGE : Intent.QUESTION;
    }

    private static double best(float[] v, List<float[]> examples) {
        double best = -1;
        for (float[] e : examples) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) dot += v[i] * e[i];
            best = Math.max(best, dot);
        }
        return best;
    }

    /**
     * A message that ends by asking the bot whether the body may do something: "... can they stop our grant because of
     * that?", "... is that allowed?". Not "what are we supposed to do now?", which tells the impact.
     */
    private static final Pattern ENDS_ASKING = Pattern.compile("(^|[.!?]\\s+)(can|could|are|is|do|does|did|should|must|may|were|was) "
            + "(they|the council|the body|councils|it|that|this|he|she|the nhs|the trust)\\b[^.!?]{0,120}\\?\\s*$", Pattern.CASE_INSENSITIVE);

    /** True when a message at a slot is a question to the bot rather than an answer. */
    static boolean isQuestionAt(Slot slot, String text) {
        // "sorry, what actually is the compact?", "before I answer that, who will see this?": the question after the preamble
        String t = text.strip().replaceFirst("(?i)^((sorry|excuse me|quick question|one question|a question|before (i|we) (answer|go on)( that)?|"
                + "um+|er+m?|so|ok|okay|oh|hang on|wait|actually|just wondering|can i ask)[,.:;!\\s-]+)+", "");
        boolean questionForm = QUESTION_START.matcher(t).find();
        if (slot.freeText()) {
            if (slot != Slot.WHAT_HAPPENED && t.length() < 300 && ENDS_ASKING.matcher(t).find()) return true;
            return t.endsWith("?") && questionForm && t.length() < 200
                    && !t.toLowerCase(Locale.ROOT).matches("(?s).*\\b(we|our|us|i|my|me|they|their)\\b.*");
        }
        return t.endsWith("?") || (questionForm && (t.contains("?") || t.split("\\s+").length >= 3));
    }
}
