package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small pure helpers that turn source lines into the text a user is shown. */
final class PassageText {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\((?:[^)]*)\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>]*)>");
    private static final Pattern EMPHASIS = Pattern.compile("\\*{1,3}|(?<![\\w])_{1,3}|_{1,3}(?![\\w])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>])");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[\"'(\\p{Lu}\\d•-])");

    private PassageText() {}

    /** Markdown inline markup removed, white space folded: the wording as a person reads it. */
    static String plain(String markdown) {
        String s = LINK.matcher(markdown).replaceAll("$1");
        s = AUTOLINK.matcher(s).replaceAll("$1");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = ESCAPE.matcher(s).replaceAll("$1");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    /** Splits text longer than {@code max} at sentence ends (or, failing that, at spaces). */
    static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text.length() <= max) {
            out.add(text);
            return out;
        }
        StringBuilder cur = new StringBuilder();
        for (String sentence : SENTENCE_END.split(text)) {
            for (String piece : hardWrap(sentence, max)) {
                if (cur.length() > 0 && cur.length() + 1 + piece.length() > max) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                if (cur.length() > 0) cur.append(' ');
                cur.append(piece);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    private static List<String> hardWrap(String sentence, int max) {
        List<String> out = new ArrayList<>();
        String rest = sentence;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            if (cut <= max / 2) cut = max;
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) out.add(rest);
        return out;
    }

    /** Lead-in and item shown together, cutting the lead-in (never the item) to fit. */
    private static final java.util.regex.Pattern LEAD_IN_END = java.util.regex.Pattern.compile(":\\s?[-–—]?$");

    /** Whether the text ends as a lead-in does: "agree to:", and "commit to:-" as many UK documents write it. */
    static boolean endsLeadIn(String text) {
        return LEAD_IN_END.matcher(text).find();
    }

    static String withLeadIn(String leadIn, String item, int max) {
        if (leadIn == null || leadIn.isEmpty()) return item;
        int room = max - item.length() - 1;
        if (room >= leadIn.length()) return leadIn + " " + item;
        if (room < 40) return item;
        // keep the end of the lead-in: it is the part that introduces the item
        String tail = leadIn.substring(leadIn.length() - (room - 2));
        int sp = tail.indexOf(' ');
        if (sp > 0) tail = tail.substring(sp + 1);
        return "… " + tail + " " + item;
    }
}
