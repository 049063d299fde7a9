package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the area a question names ("Cheshire West", "CWaC", "Wolves", "Redcar"): the area ids,
 * plus the ways people refer to the shipped areas (council names, abbreviations, towns).
 */
public final class AreaDetector {
    private static final Map<String, List<String>> KNOWN = Map.of(
            "wolverhampton", List.of("wolverhampton", "wolves", "city of wolverhampton", "wolverhampton council",
                    "bilston", "wednesfield", "tettenhall", "whitmore reans", "heath town"),
            "west-cheshire", List.of("west cheshire", "cheshire west", "cheshire west and chester", "cheshire west & chester",
                    "cwac", "cw&c", "cwandc", "chester", "ellesmere port", "northwich", "winsford", "frodsham", "neston"),
            "redcar-cleveland", List.of("redcar", "redcar and cleveland", "redcar & cleveland", "r&c", "r and c",
                    "guisborough", "saltburn", "eston", "marske", "loftus", "cleveland"));

    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();

    public AreaDetector(Collection<String> areas) {
        for (String area : areas) {
            if (area.equals(CorpusLoader.NO_AREA)) {
                // files with no area folder: "what do other councils do?" names no area
                patterns.put(area, List.of());
                continue;
            }
            List<String> names = new ArrayList<>(KNOWN.getOrDefault(area, List.of()));
            names.add(area);
            names.add(area.replace('-', ' '));
            patterns.put(area, names.stream()
                    .map(n -> Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(n) + "(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE))
                    .toList());
        }
    }

    /** The area the text names, when it names exactly one (the first named wins a tie). */
    public Optional<String> detect(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestPos = Integer.MAX_VALUE;
        for (var e : patterns.entrySet()) {
            for (Pattern p : e.getValue()) {
                var m = p.matcher(t);
                if (m.find() && m.start() < bestPos) {
                    bestPos = m.start();
                    best = e.getKey();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The text without the area names in it: the area is applied as a preference, so the name
     * itself should not make every passage of that Compact look relevant.
     */
    public String withoutAreaNames(String text) {
        String out = text;
        for (List<Pattern> ps : patterns.values()) {
            for (Pattern p : ps) out = p.matcher(out).replaceAll(" ");
        }
        out = out.replaceAll("\\s+", " ").strip();
        return out.replaceAll("[\\p{Punct}\\s]", "").isEmpty() ? text : out;
    }

    /** The area id for what a user typed as an area ("West Cheshire", "wolves"), if any. */
    public Optional<String> resolve(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (patterns.containsKey(t)) return Optional.of(t);
        return detect(t);
    }

    /** How an area id is written to people: "west-cheshire" -> "West Cheshire". */
    public static String displayName(String areaId) {
        if (areaId == null) return "";
        if (areaId.equals("redcar-cleveland")) return "Redcar & Cleveland";
        StringBuilder sb = new StringBuilder();
        for (String w : areaId.split("-")) {
            if (w.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    public List<String> areas() {
        return List.copyOf(patterns.keySet());
    }
}
