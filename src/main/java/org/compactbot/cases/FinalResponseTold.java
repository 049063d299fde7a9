package org.compactbot.cases;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The complainant, in their own words, says the body has given its final response: "we've had their final response",
 * "the council sent us its final reply today", "final response received". Not a wait or a hope ("still waiting for
 * their final response", "we expect a final response next week"), not a question ("is this their final response?"),
 * not a no ("we haven't had a final response"). Read sentence by sentence, so it counts anywhere in a longer email.
 * Pure: table-tested in FinalResponseToldTest.
 */
public final class FinalResponseTold {
    private FinalResponseTold() {}

    private static final Pattern FINAL = Pattern.compile("\\bfinal (?:formal |written )?(?:response|reply|answer|decision|position)\\b");
    /** Having it: "had", "received", "got", "sent us", "given us", "came", "arrived", or "received" after the words. */
    private static final Pattern HAD = Pattern.compile("\\b(?:had|have|has|received|got|gotten|sent|given|gave|came|come|arrived|issued|"
            + "replied|responded|provided)\\b");
    /** A wait, a hope, a no, or a question about it. */
    private static final Pattern NOT = Pattern.compile("\\b(?:not|no|never|nothing|yet|still|waiting|await|awaiting|expect|expecting|expected|"
            + "will|would|should|hope|hoping|if|when|whether|until|before|chase|chasing|ask|asked|asking|promised|due)\\b|n't\\b");

    /** Whether the message tells us the body's final response has come. */
    public static boolean in(String text) {
        if (text == null || text.isBlank()) return false;
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (String sentence : t.split("(?<=[.!?])\\s+|\\n+")) {
            String s = sentence.strip();
            if (s.startsWith(">")) continue; // quoted from our own email
            if (!FINAL.matcher(s).find() || s.endsWith("?")) continue;
            if (HAD.matcher(s).find() && !NOT.matcher(s).find()) return true;
        }
        return false;
    }
}
