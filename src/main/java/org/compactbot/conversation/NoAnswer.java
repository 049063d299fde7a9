package org.compactbot.conversation;

import java.util.regex.Pattern;

/**
 * A reply that says there is nothing to give for this question: "no dates really", "n/a", "none", "not sure",
 * "don't know", "just me". For an optional question it is taken as skipping it, not as a wrong answer to ask again.
 * Pure: table-tested in NoAnswerTest.
 */
public final class NoAnswer {
    private NoAnswer() {}

    private static final Pattern NOTHING = Pattern.compile("^(no|none|nope|nah|n a|na|nil|nothing|not applicable|doesn't apply|does not apply|"
            + "not relevant|not known|unknown|tbc|to be confirmed|rather not say|i'd rather not say|prefer not to say|not sure|unsure|no idea|dunno|don't know|dont know|do not know|i don't know|i dont know|i do not know|"
            + "not really|can't remember|cannot remember|can't recall|i don't remember|i can't remember|none really|none that i know|"
            + "not that i know|not as such|no dates?|there are no|there aren't any|there isn't one|we don't have (any|one)|i don't have (any|one)|"
            + "haven't got (any|one)|not got (any|one)|nothing (yet|really|so far|to add)|none (yet|so far)|just me|only me|myself|"
            + "no (organisation|organization|group|org)|i'm not (in|part of|with|from) (a|an|any)|im not (in|part of|with|from) (a|an|any)|"
            + "i'm on my own|im on my own|on my own|not (in|part of|with|from) (a|an|any) (group|organisation|organization)|"
            + "skip|pass|leave (it|that) blank|blank)(\\s|$)");

    /** Not knowing, said anywhere in a short reply: "I honestly don't know the dates, it was sometime in the spring". */
    private static final Pattern NOT_KNOWING = Pattern.compile("\\b((don't|dont|do not|didn't|did not) (really |honestly |actually )?(know|remember|recall|have)|"
            + "not (really )?sure|no idea|can't remember|cannot remember|can't recall|not got|haven't got|no (dates|idea|figures)|"
            + "(don't|dont) have (any|the)|not applicable)\\b");

    /** Whether the reply gives nothing for the question. */
    public static boolean in(String text) {
        if (text != null && text.strip().matches("[-–—_./]+|x")) return true; // "-", "n/a" struck through, a dot
        String t = Agreement.normalise(text).replace("n/a", "n a");
        if (t.isEmpty() || t.split(" ").length > 20) return false;
        return NOTHING.matcher(t).find() || NOT_KNOWING.matcher(t).find() && t.split(" ").length <= 15;
    }
}
