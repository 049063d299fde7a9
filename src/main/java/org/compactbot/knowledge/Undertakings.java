package org.compactbot.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which passages are undertakings (promises someone made) and so may be offered as "the undertaking that was
 * broken": not a definition, a heading, an introduction or a list of the codes' names. Pure: table-tested.
 */
public final class Undertakings {
    private Undertakings() {}

    private static final Pattern PROMISE = Pattern.compile("\\b(will|shall|should|must|agree|agrees|undertake|undertakes|commit|commits|"
            + "ensure|give|provide|consult|recognise|recognize|respect|seek|allow|offer|support|pay|work|involve|avoid|make|take|"
            + "publish|plan|explain|promote|consider|respond|encourage|acknowledge|value|treat|develop|share|need to)\\b");
    private static final Pattern NOT_PROMISES = Pattern.compile("(?i)\\b(introduction|definitions?|glossary|jargon|contents|foreword|"
            + "background|purpose of (this|the) (code|document)|about this)\\b");

    /** Whether this passage is a promise that can be broken. */
    public static boolean isUndertaking(Passage p) {
        if (!p.term().isBlank()) return false; // a glossary definition
        String text = p.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (looksLikeAListOfNames(text)) return false;
        if (p.party() == Party.NONE && p.sectionPath().stream().anyMatch(s -> NOT_PROMISES.matcher(s).find())) return false;
        if (lower.matches("(?s)^\\W*\\w[^.:]{0,60}:\\s*(is|are|means)\\b.*")) return false; // "grant: is financial support..."
        return PROMISE.matcher(lower).find();
    }

    /** Whether the words make a promise ("give", "consult", "will", "ensure" ...). */
    static boolean promises(String text) {
        return PROMISE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** "Funding and Commissioning; Volunteering; Consultation and Engagement; ...": names, not a promise. */
    static boolean looksLikeAListOfNames(String text) {
        String[] parts = text.split("[;•\\n]|,\\s+(?=[A-Z])");
        if (parts.length < 3) return false;
        int names = 0;
        for (String part : parts) {
            String s = part.strip().replaceAll("[.:]+$", "");
            if (s.isEmpty()) continue;
            boolean shortTitle = s.split("\\s+").length <= 6 && Character.isUpperCase(s.charAt(0)) && !PROMISE.matcher(s.toLowerCase(Locale.ROOT)).find();
            if (shortTitle) names++;
        }
        return names >= 3 && names * 2 > parts.length;
    }
}
