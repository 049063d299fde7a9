package org.compactbot.knowledge;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a line of raw Compact text looks like, for {@link RawCompactReader}: a Markdown heading, a bullet, a numbered or
 * lettered item, a numbered ref ("3.4"), capitals, title case, the end of a sentence. Shapes only: what a line is
 * taken for is decided by {@link PageFurniture}, {@link ContactBlocks}, {@link RawHeadings} and {@link PassageAssembler}.
 */
final class LineShapes {
    static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    static final Pattern BULLET = Pattern.compile("^(\\s*)([-*+•·▪●◦○■□➢►✓o–])\\s+(.*)$");
    static final Pattern ORDERED = Pattern.compile("^(\\s*)(?:(\\d{1,2})[.)]|\\(([a-z]|[ivx]{1,4})\\)|([a-z])\\))\\s+(.*)$");
    static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})+)\\.?\\s+(.*)$");
    static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "at",
            "or", "&", "as", "our", "is", "are", "from", "into", "within", "between");

    private LineShapes() {}

    static boolean endsSentence(String s) {
        return !s.isEmpty() && ".!?:;”\"".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    static char firstLetter(String s) {
        for (int k = 0; k < s.length(); k++) if (Character.isLetter(s.charAt(k))) return s.charAt(k);
        return ' ';
    }

    static boolean isCaps(String s) {
        int letters = 0, upper = 0;
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
            }
        }
        return letters >= 4 && upper * 10 >= letters * 9;
    }

    /** Most words that are not small words start with a capital: "Grant Funding and Procurement". */
    static boolean titleCase(String s) {
        int words = 0, caps = 0;
        for (String w : s.split("\\s+")) {
            String bare = w.replaceAll("^[^\\p{L}\\d]+|[^\\p{L}\\d]+$", "");
            if (bare.isEmpty() || SMALL_WORDS.contains(bare.toLowerCase(Locale.ROOT))) continue;
            words++;
            if (Character.isUpperCase(bare.charAt(0)) || Character.isDigit(bare.charAt(0))) caps++;
        }
        return words > 0 && caps * 10 >= words * 7;
    }
}
