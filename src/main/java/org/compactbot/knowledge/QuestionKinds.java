package org.compactbot.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/** What kind of answer a question asks for, from its wording. */
final class QuestionKinds {
    private static final Pattern MEANING = Pattern.compile(
            "\\b(mean|means|meant|meaning|defin\\w*|stand for|stands for|what counts as|who counts as"
                    + "|(what|who) (is|are) (a|an)\\b|what's (a|an)\\b|what is meant)\\b"
                    + "|^\\s*(what|who) (is|are)\\s+\\S+(\\s+\\S+)?\\s*\\??\\s*$");

    private QuestionKinds() {}

    /** True for "what does decommissioning mean?", "what is a volunteer", "define BME", "what is the Compact?". */
    static boolean asksForMeaning(String question) {
        return MEANING.matcher(question.toLowerCase(Locale.ROOT)).find();
    }
}
