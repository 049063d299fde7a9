package org.compactbot.knowledge;

import static org.compactbot.knowledge.LineShapes.BULLET;
import static org.compactbot.knowledge.LineShapes.isCaps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a printed page puts around the text, left out of every passage: page numbers, rules and empty bullets, stray
 * markup, the contents list, display text (a logo set as words) and running headers or footers (a short line that
 * recurs near page breaks). A heading that recurs as structure ("Undertakings for VCS:" under each principle) stays.
 */
final class PageFurniture {
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:page\\s*)?[-–]?\\s*\\d{1,3}\\s*[-–]?(?:\\s*(?:of|/)\\s*\\d{1,3})?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^[-•*·▪●◦_=~.–—|]+$");
    private static final Pattern CONTENTS_LINE = Pattern.compile("^(.{2,90}?)(?:\\s*(?:\\.\\s?){3,}|\\t+|\\s{3,})\\s*(?:page\\s*)?(\\d{1,3}|back page)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENTS_HEADING = Pattern.compile("^(?:table of )?contents:?$", Pattern.CASE_INSENSITIVE);

    private PageFurniture() {}

    /** Leaves the page furniture in {@code lines} out. */
    static void leaveOut(List<String> lines, LeftOut out) {
        boolean[] drop = out.drop;
        Map<String, List<Integer>> seen = new HashMap<>();
        boolean inContents = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip().replace("\f", "");
            if (line.isEmpty()) continue;
            if (PAGE_NUMBER.matcher(line).matches()) {
                out.skip(i, raw, "page number");
                continue;
            }
            if (RULE.matcher(line).matches()) {
                out.skip(i, raw, "empty bullet or rule");
                continue;
            }
            if (line.chars().noneMatch(Character::isLetterOrDigit)) {
                out.skip(i, raw, "stray markup");
                continue;
            }
            String plain = PassageText.plain(line.replaceFirst("^#{1,6}\\s+", ""));
            if (CONTENTS_HEADING.matcher(plain).matches()) {
                out.skip(i, raw, "contents list");
                inContents = true;
                continue;
            }
            if (CONTENTS_LINE.matcher(plain).matches() && (inContents || plain.matches(".*(\\.\\s?){3,}\\s*\\d+$"))) {
                out.skip(i, raw, "contents list");
                inContents = true;
                continue;
            }
            inContents = false;
            if (displayText(lines, drop, i)) {
                out.skip(i, raw, "display text (logo or banner)");
                continue;
            }
            if (line.length() <= 70 && !BULLET.matcher(raw).matches()) {
                seen.computeIfAbsent(plain.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
            }
        }
        for (var e : seen.entrySet()) {
            List<Integer> at = e.getValue();
            if (at.size() < 3) continue;
            long nearBreaks = at.stream().filter(i -> nearPageBreak(lines, drop, i)).count();
            // a heading that recurs ("Undertakings for VCS:" under each principle) is structure, not furniture
            if (nearBreaks < 2 && (at.size() < 4 || Party.fromHeading(e.getKey()) != Party.NONE)) continue;
            for (int k = 0; k < at.size(); k++) {
                int i = at.get(k);
                if (k == 0 && firstContentLines(lines, drop, i)) continue; // the title, before it repeats as a running header
                out.skip(i, lines.get(i), "running header or footer");
            }
        }
    }

    /** "REDCAR" / "& CLEVELAND" / "PARTNERSHIP": short capitals on lines of their own, one after another. */
    private static boolean displayText(List<String> lines, boolean[] drop, int i) {
        if (!shortCaps(lines.get(i)) || firstContentLines(lines, drop, i)) return false;
        return (i > 0 && shortCaps(lines.get(i - 1))) || (i + 1 < lines.size() && shortCaps(lines.get(i + 1)));
    }

    private static boolean shortCaps(String line) {
        String l = PassageText.plain(line.strip());
        return !l.isEmpty() && l.split("\\s+").length <= 2 && isCaps(l.replace("&", "")) || l.equals("&");
    }

    private static boolean nearPageBreak(List<String> lines, boolean[] drop, int i) {
        for (int j = Math.max(0, i - 3); j <= Math.min(lines.size() - 1, i + 3); j++) {
            if (lines.get(j).contains("\f") || (drop[j] && PAGE_NUMBER.matcher(lines.get(j).strip()).matches())) return true;
        }
        return false;
    }

    private static boolean firstContentLines(List<String> lines, boolean[] drop, int i) {
        int content = 0;
        for (int j = 0; j < i; j++) if (!drop[j] && !lines.get(j).isBlank()) content++;
        return content < 4;
    }
}
