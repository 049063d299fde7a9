package org.compactbot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a reply says yes or no to what the bot just asked or offered, the way people say it: "looks good, send
 * it", "ok let's do that", "yes please", "go for it", "nah", "not yet". A reply that also asks for a change ("yes
 * but the email is wrong") or hedges ("not sure") is neither. Pure: table-tested in AgreementTest.
 */
public enum Agreement {
    AGREE, DECLINE, UNCLEAR;

    private static final List<Pattern> YES = patterns(
            "ye+s+", "yeah", "yea", "yeh", "yep", "course", "that'd be (great|brilliant|good|helpful|lovely|wonderful|fab|amazing)", "yup", "ya", "aye", "y", "sure", "ok", "okay", "k", "kk", "alright", "all right",
            "fine", "great", "perfect", "lovely", "brilliant", "excellent", "correct", "exactly", "absolutely", "definitely",
            "certainly", "of course", "please do", "please go ahead", "please", "go ahead", "go on", "go for it", "do it",
            "let's do (it|that|this)", "lets do (it|that|this)", "let's go", "lets go", "send it", "submit", "submit it", "confirm",
            "confirmed", "looks (good|right|fine|ok|okay|correct|great)", "sounds (good|great|fine|right)", "spot on",
            "that's (right|it|fine|correct|great|perfect|all correct|all right)", "thats (right|it|fine|correct|great)",
            "that is (right|correct)", "all (good|correct|fine|right)", "agreed", "i agree", "happy with (that|it|this)",
            "i'm happy", "im happy", "works for me", "why not", "that would be (great|good|helpful)", "i would like that",
            "i'd like that", "right", "good", "grand", "that's grand", "thats grand", "champion", "cracking", "sound", "cool", "👍");
    private static final List<Pattern> NO = patterns(
            "no", "n", "nope", "nah", "(definitely|absolutely|certainly|of course|really) not", "not right now", "no thanks", "no thank you", "not now", "not yet", "not really", "not at the moment",
            "never mind", "nevermind", "don't", "do not", "i don't want to", "i'd rather not", "rather not", "not quite",
            "wrong", "that's wrong", "thats wrong", "incorrect", "not right", "that's not right");
    /** Words that turn a yes into "yes, but": a change or a doubt follows. */
    private static final Pattern BUT = Pattern.compile("\\b(but|except|apart from|change|wrong|incorrect|mistake|isn't right|"
            + "should be|actually|however|although|though|not sure|unsure|don't know|dont know|maybe|perhaps|hmm+)\\b");
    private static final Pattern NOT_A_NO = Pattern.compile("\\b(no (problem|worries|bother|objection)s?|not a problem|don't mind|do not mind|"
            + "no reason not)\\b");

    /** Each phrase at the start of the reply, as whole words. */
    private static List<Pattern> patterns(String... phrases) {
        return java.util.Arrays.stream(phrases).map(p -> Pattern.compile("^" + p + "(\\s|$)")).toList();
    }

    /** The reading of one reply. */
    public static Agreement of(String text) {
        String t = normalise(text);
        if (t.isEmpty() || t.matches("(yes and no|yes or no|kind of|sort of|partly|a bit|hold on|wait|hang on)\\b.*")) return UNCLEAR;
        boolean notANo = NOT_A_NO.matcher(t).find();
        boolean no = !notANo && starts(t, NO);
        if (no) return BUT.matcher(t).find() && !t.matches("(no|nope|nah)\\b.*") ? UNCLEAR : DECLINE;
        boolean yes = notANo || starts(t, YES);
        if (!yes) return UNCLEAR;
        if (BUT.matcher(t).find()) return UNCLEAR;
        return AGREE;
    }

    /** Asking the bot to help with what was just talked about. */
    private static final Pattern ASKS_FOR_HELP = Pattern.compile("^(please )?(can|could|would|will) you (please )?help( me| us)?( (to )?(do|with|raise|make) (that|this|it|one))?$"
            + "|^(please )?help (me|us) (do|with|raise|make) (that|this|it|one)( please)?$|^(yes )?(please )?help (me|us)( please)?$");

    private static final Pattern TAKES_UP = Pattern.compile("^(yes|yeah|yea|yeh|yep|yup|aye|sure|ok|okay|alright|all right|please|go on|"
            + "go ahead|go for it|do it|do that|let's|lets|i'd like that|i would like that|that would be|i'd like to|i would like to|i want to|"
            + "definitely|absolutely|of course|why not|that'd be|course)\\b");

    /**
     * Whether the reply takes up an offer ("yes please", "go on then", "ok do that"), not just acknowledges what was
     * said ("great, thanks", "ok thanks").
     */
    public static boolean takesUp(String text) {
        String t = withoutFiller(normalise(text));
        if (ASKS_FOR_HELP.matcher(t).find()) return true; // "can you help me do that?", "could you help us with it"
        if (of(text) != AGREE || !TAKES_UP.matcher(t).find()) return false;
        return !t.matches(".*\\b(thanks|thank you|cheers|ta)\\b.*")
                || t.matches(".*\\b(yes|please|do it|go ahead|go on|(would|'d) be (great|good|helpful|lovely|brilliant)|i would|i'd like)\\b.*");
    }

    private static final Pattern CONFIRMING = Pattern.compile("\\b(send (it|it off|it in|that|them)|submit|go ahead|correct|all good|looks (good|right|fine)|"
            + "accurate|proceed|that's everything|thats everything|that is everything|everything is (right|correct|fine)|"
            + "that's (it|right|fine|grand|great|perfect|correct)|yes|yep|yeah|ok|okay|fine|grand|perfect|spot on|happy with)\\b");

    /**
     * Whether the reply confirms what it is shown (a summary): a plain yes, or a sentence that says to send it
     * ("that's grand, send it off") with no doubt or change in it.
     */
    public static boolean confirms(String text) {
        Agreement a = of(text);
        if (a != UNCLEAR) return a == AGREE;
        String t = normalise(text);
        return CONFIRMING.matcher(t).find() && !BUT.matcher(t).find() && !t.matches(".*\\b(not|no|don't|dont|never|wait|hold)\\b.*");
    }

    /** Whether the reply opens with one of the phrases (after a greeting word such as "oh" or "um"). */
    private static boolean starts(String t, List<Pattern> phrases) {
        String head = withoutFiller(t);
        for (Pattern p : phrases) if (p.matcher(head).find()) return true;
        return false;
    }

    /** The reply without a word that opens it and says nothing: "oh", "um", "well", "thanks". */
    private static String withoutFiller(String t) {
        return t.replaceFirst("^((oh|um+|er+m?|ah|well|hi|hello|thanks|thank you|cheers|right|so)\\s+)+", "");
    }

    static String normalise(String text) {
        if (text == null) return "";
        return text.toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("[^\\p{L}\\p{N}'👍 ]+", " ").replaceAll("\\s+", " ").strip();
    }
}
