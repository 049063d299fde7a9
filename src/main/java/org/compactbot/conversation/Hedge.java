package org.compactbot.conversation;

import java.util.regex.Pattern;

/**
 * Words that make an answer tentative: "I think we're a group", "probably fine", "I suppose they can know". An answer
 * with one is read as usual but not kept without asking "Just to check: ...?". Pure.
 */
final class Hedge {
    /** How sure a hedged reading is: below {@link Validation#SURE}. */
    static final double CONFIDENCE = 0.6;

    private static final Pattern HEDGE = Pattern.compile("\\b(i think|i suppose|i guess|i reckon|probably|possibly|maybe|perhaps|sort of|"
            + "kind of|not sure|unsure|i'm not certain|not certain|might be|could be|i don't know if|dunno)\\b");

    private Hedge() {}

    /** Whether the (normalised) reply hedges. */
    static boolean in(String normalised) {
        return HEDGE.matcher(normalised).find();
    }
}
