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
            + "not relevant|not sure|unsure|no idea|dunno|don't know|dont know|do not know|i don't know|i dont know|i do not know|"
            + "not really|can't remember|cannot remember|can't recall|i don't remember|i can't remember|none really|none that i know|"
            + "not that i know|not as such|no dates?|there are no|there aren't any|there isn't one|we don't have (any|one)|i don't have (any|one)|"
            + "haven't got (any|one)|not got (any|one)|nothing (yet|really|so far|to add)|none (yet|so far)|just me|only me|myself|"
            + "no (organisation|organization|group|org)|i'm not (in|part of|with|from) (a|an|any)|im not (in|part of|with|from) (a|an|any)|"
            + "i'm on my own|im on my own|on my own|not (in|part of|with|from) (a|an|any) (group|organisation|organization)|"
            + "skip|pass|leave (it|that) blank|blank)(\\s|$)");

    /** Whether the reply gives nothing for the question. */
    public static boolean in(String text) {
        String t = Agreement.normalise(text).replace("n/a", "n a");
        if (t.isEmpty() || t.split(" ").length > 12) return false;
        return NOTHING.matcher(t).find();
    }
}
