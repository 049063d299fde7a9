package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead-in a list's items share ("Cheshire West Public and Third Sector partners are jointly committed to good
 * practice in volunteering … including undertaking to:"), found as the longest text up to a colon that two or more
 * passages of one section begin with. A passage shows it, so each item reads as its source does; the model reads
 * the item without it, or every item of a long lead-in looks alike. Pure.
 */
final class LeadIns {
    /** Lead-ins longer than this are never looked for: a whole paragraph is not an introduction. */
    private static final int MAX = 400;

    private LeadIns() {}

    /** Each passage's text without the lead-in it shares with others in its section (unchanged when none). */
    static Map<String, String> items(List<Passage> passages) {
        Map<String, List<Passage>> bySection = new LinkedHashMap<>();
        for (Passage p : passages) bySection.computeIfAbsent(p.document() + "\u0000" + p.section(), k -> new ArrayList<>()).add(p);
        Map<String, String> out = new HashMap<>();
        for (List<Passage> group : bySection.values()) {
            Map<String, Integer> shared = new HashMap<>();
            for (Passage p : group) for (String prefix : prefixes(p.text())) shared.merge(prefix, 1, Integer::sum);
            for (Passage p : group) {
                String best = "";
                for (String prefix : prefixes(p.text())) {
                    if (shared.get(prefix) >= 2 && prefix.length() > best.length()) best = prefix;
                }
                String item = p.text().substring(best.length()).strip();
                out.put(p.id(), item.isEmpty() ? p.text() : item);
            }
        }
        return out;
    }

    /** The text's beginnings that end in a colon followed by more text. */
    private static List<String> prefixes(String text) {
        List<String> out = new ArrayList<>();
        for (int i = text.indexOf(": "); i > 0 && i < MAX; i = text.indexOf(": ", i + 1)) out.add(text.substring(0, i + 1));
        return out;
    }
}
