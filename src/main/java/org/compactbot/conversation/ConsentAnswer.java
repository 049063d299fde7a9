package org.compactbot.conversation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answer to "may the body be told that you raised it?" in people's words: "they can know", "sure, they can
 * know it's us", "I don't mind", "I'd rather they didn't know it was me", "don't tell them my name please", "keep
 * it anonymous". Empty when the reply says neither. Pure: table-tested in ConsentAnswerTest.
 */
public final class ConsentAnswer {
    public static final String SHARE = "share", CONFIDENTIAL = "confidential";

    private ConsentAnswer() {}

    /** Asking for the name to be kept back: a refusal, or a wish for secrecy. */
    private static final Pattern KEEP_BACK = Pattern.compile("\\b(confidential\\w*|anonymous\\w*|anonymi[sz]\\w*|private(ly)?|secret|"
            + "rather (they|you|it|that|not)|prefer (they|you|it|that|not)|prefer to (stay|remain|keep)|keep (it|me|my|us|our)|"
            + "leave (me|my|us|our) (name )?out|without (my|our) name|not (be )?named|not (be )?told|not to (be )?(named|told|know)|"
            + "(don't|do not|dont|didn't|did not|never|won't|will not|wouldn't|would not|shouldn't|should not|can't|cannot|mustn't|must not)\\b.{0,25}\\b(tell|know|name|told|say|reveal|share|find out|mention|identify)|"
            + "(definitely|absolutely|certainly|of course|really) not|(get|got|be) (us |me )?in(to)? trouble|scared|afraid|worried|fear|backlash|repercussion\\w*|"
            + "no,? (they|please|thanks|thank you|don't|do not|keep|i)|^no\\b|^nope\\b|^nah\\b|^not\\b)");
    /** Happy for the body to know. */
    private static final Pattern SHARE_IT = Pattern.compile("\\b((they|he|she|the council|the body|you) (can|may|could|should|are welcome to) (know|be told|tell|see|name)|"
            + "(can|may|could) (tell|name|share|say)|(don't|do not|dont) mind|not bothered|no (problem|objection|issue)s?|happy (for|to|that|if|with)|"
            + "(that's|thats|that is|it's|its|all) (fine|ok|okay|good)|fine|ok|okay|sure|of course|yes|yeah|yep|yup|absolutely|"
            + "tell them|name (me|us)|share (it|my|our)|go ahead|not a secret|not confidential|i want them to know|they should know|"
            + "they already know|they know)\\b");

    /** The choice ({@link #SHARE} or {@link #CONFIDENTIAL}) the reply makes, if it makes one. */
    public static Optional<String> read(String text) {
        return reading(text).map(Reading::choice);
    }

    /** The choice read, and how sure the reading is (see {@link Validation#SURE}). */
    public record Reading(String choice, double confidence) {}

    /** Saying outright that the body may know; with a wish for secrecy in the same reply, the two contradict. */
    private static final Pattern PLAINLY_SHARE = Pattern.compile("\\b((they|he|she|the council|the body|you) (can|may|could|should|are welcome to) (know|be told|tell|name)|"
            + "tell them|name (me|us)|i want them to know|they should know)\\b");

    /** A negated phrase and the few words it governs: "don't tell them", "rather they didn't know it". */
    private static final Pattern NEGATED = Pattern.compile("\\b(don't|do not|dont|didn't|did not|never|not|won't|wouldn't|shouldn't|"
            + "can't|cannot|mustn't|no)\\b( \\w+){0,3}");

    /** The choice the reply makes, if it makes one, with how sure the reading is. */
    public static Optional<Reading> reading(String text) {
        String t = Agreement.normalise(text);
        if (t.isEmpty() || t.matches("(i'm |im |i am )?(not sure|unsure|don't know|dont know|no idea)( really)?")) return Optional.empty();
        // a choice's own value, as a form posts it (Slack's modal, the web's radios)
        if (t.equals(SHARE) || t.equals(CONFIDENTIAL)) return Optional.of(new Reading(t, 1.0));
        if (t.matches("1|one|the first|first|first one|option 1")) return Optional.of(new Reading(SHARE, 1.0));
        if (t.matches("2|two|the second|second|second one|option 2")) return Optional.of(new Reading(CONFIDENTIAL, 1.0));
        String u = t.replaceAll("\\b(i'm |im |i am )?(don't|do not|dont) mind\\b", "fine").replaceAll("\\b(i'm |im |i am )?not bothered\\b", "fine")
                .replaceAll("\\b(it )?(doesn't|does not|doesnt) matter\\b", "fine").replaceAll("\\bnot a secret\\b", "share it")
                .replaceAll("\\bnot confidential\\b", "share it").replaceAll("\\bno (problem|objection|issue)s?\\b", "fine");
        double hedged = Hedge.in(t) ? Hedge.CONFIDENCE : 1.0;
        if (KEEP_BACK.matcher(u).find()) {
            // "they can know but please don't use my name": confidential is the safe reading, checked with the person
            boolean alsoShare = PLAINLY_SHARE.matcher(NEGATED.matcher(u).replaceAll(" ")).find();
            return Optional.of(new Reading(CONFIDENTIAL, Math.min(hedged, alsoShare ? 0.6 : 0.95)));
        }
        if (SHARE_IT.matcher(u).find()) return Optional.of(new Reading(SHARE, Math.min(hedged, 0.9)));
        return Optional.empty();
    }
}
