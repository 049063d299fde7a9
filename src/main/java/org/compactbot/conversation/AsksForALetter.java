package org.compactbot.conversation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message in which the person asks the bot for the early-resolution letter: "draft a letter", "can you write a letter
 * to the council for us?", "letter please", "I'd like a letter I can send them myself". Not a letter the story is
 * about ("I got a letter from the council", "the letter they sent said 27 days"), not a letter they want from the body
 * ("a letter of apology", "a letter from them confirming the grant"), not one they wrote. Read sentence by sentence.
 * Pure: table-tested in AsksForALetterTest.
 */
final class AsksForALetter {
    private AsksForALetter() {}

    private static final String LETTER = "(?:a |an |the |that |this |our |my |me a |us a |me the |us the )?"
            + "(?:(?:early[- ]resolution|complaint|challenge|formal|short|simple|draft|template|standard|sample) )*letters?";

    /** What the bot is asked to do with it. */
    private static final String MAKE = "(?:draft|write|prepare|produce|create|generate|compose|put together|do|make|give|send|get|show|"
            + "help (?:me |us )?(?:to )?(?:draft|write|with))(?: (?:me|us))?(?: up| out)?";

    /** The asking: at the start of the sentence, or after "can you", "please", "I'd like you to", "how do I". */
    private static final String ASK = "(?:^|\\b(?:can|could|would|will) you(?: please)?(?: just)? |\\bplease |\\b(?:i|we)(?:'d| would) like you to "
            + "|\\b(?:can|could) (?:i|we) (?:get you to |ask you to )?|\\bhow (?:do|can|should) (?:i|we) |\\bi need you to |\\bwe need you to "
            + "|\\bhelp (?:me|us) |\\b(?:yes|ok|okay|yeah|sure|go on|go ahead)(?: please)? )";

    private static final Pattern MAKE_A_LETTER = Pattern.compile(ASK + "(?:please )?" + MAKE + " " + LETTER + "\\b");

    /** Wanting one: "I'd like a letter", "we need a letter to send", "can we have the letter". */
    private static final Pattern WANT_A_LETTER = Pattern.compile("\\b(?:(?:i|we)(?:'d| would) (?:like|love|appreciate)|(?:i|we) (?:want|need)"
            + "|(?:can|could|may) (?:i|we) (?:have|get|see)|is there|do you have) " + LETTER + "\\b");

    /** "a letter we can send them", "a letter I could send myself". */
    private static final Pattern TO_SEND = Pattern.compile("\\bletter (?:that |which )?(?:i|we) (?:can|could|might|may|would|will) "
            + "(?:send|give|post|email|e-mail|forward|use)\\b");

    /** The whole message: "letter please", "the letter", "draft letter", "early resolution letter". */
    private static final Pattern BARE = Pattern.compile("^(?:(?:yes|ok|okay|please|hi|sure|great) )*(?:" + MAKE + " )?" + LETTER
            + "(?: (?:please|pls|plz|thanks|thank you|now|too|as well|to (?:them|the body|the council|[a-z ]{2,60})))*$");

    /** A letter from the body, or one the person wants the body to write: "a letter of apology", "a letter from them". */
    private static final Pattern THEIRS = Pattern.compile("^s? (?:from|of|by|they|he|she|it|which they|that they|saying|explaining|"
            + "confirming|to confirm|to say|to explain|apologi[sz]ing|back from|dated|about what they|we (?:got|received|had))\\b");

    /** Whether the message asks for the early-resolution letter. */
    static boolean in(String text) {
        if (text == null || text.isBlank() || text.length() > 2_000) return false;
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        for (String sentence : t.split("[.!?;:\\n]+")) {
            String s = sentence.replaceAll("[,()\"*]+", " ").replaceAll("\\s+", " ").strip();
            if (s.isEmpty() || !s.contains("letter")) continue;
            if (s.matches(".*\\b(?:apology|apologies) letter\\b.*")) continue;
            if (BARE.matcher(s).matches() || TO_SEND.matcher(s).find()) return true;
            if (asks(MAKE_A_LETTER, s) || asks(WANT_A_LETTER, s)) return true;
        }
        return false;
    }

    private static boolean asks(Pattern p, String sentence) {
        var m = p.matcher(sentence);
        while (m.find()) {
            String after = sentence.substring(m.end());
            if (!THEIRS.matcher(after).find()) return true;
        }
        return false;
    }
}
