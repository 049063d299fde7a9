package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The other words for what a passage talks about, from the domain thesaurus: "funding relationship" brings
 * "money, grant, funds"; "bureaucracy" brings "red tape, paperwork". Added to the search view of a passage
 * nobody glossed, the way a hand-written gloss puts it in everyday words. Never shown. Pure.
 */
public final class EverydayWords {
    private static final int PER_GROUP = 4, MAX_WORDS = 24;
    private final List<List<String>> groups = new ArrayList<>();
    private final List<List<Pattern>> patterns = new ArrayList<>();

    public EverydayWords(String thesaurus) {
        for (String line : thesaurus.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.contains("=>")) continue;
            List<String> terms = new ArrayList<>();
            for (String t : l.split(",")) if (!t.isBlank()) terms.add(t.strip().toLowerCase(Locale.ROOT));
            if (terms.size() < 2) continue;
            groups.add(terms);
            patterns.add(terms.stream().filter(t -> t.length() >= 3)
                    .map(t -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(t) + "(?![\\p{L}])")).toList());
        }
    }

    /** The thesaurus words for the ideas in the text that the text does not use itself ("" when none). */
    public String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (int g = 0; g < groups.size() && out.size() < MAX_WORDS; g++) {
            boolean mentioned = patterns.get(g).stream().anyMatch(p -> p.matcher(lower).find());
            if (!mentioned) continue;
            groups.get(g).stream().filter(t -> !lower.contains(t)).sorted(Comparator.comparingInt(String::length))
                    .limit(PER_GROUP).forEach(out::add);
        }
        return String.join(", ", out);
    }
}
