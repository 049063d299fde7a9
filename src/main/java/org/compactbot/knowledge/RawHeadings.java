package org.compactbot.knowledge;

import static org.compactbot.knowledge.LineShapes.BULLET;
import static org.compactbot.knowledge.LineShapes.NUMBERED;
import static org.compactbot.knowledge.LineShapes.ORDERED;
import static org.compactbot.knowledge.LineShapes.firstLetter;
import static org.compactbot.knowledge.LineShapes.isCaps;
import static org.compactbot.knowledge.LineShapes.titleCase;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which kept lines of a raw text are headings, and in which style: bold lines, "Section 2" / "Part B", party headings
 * ("Undertakings for Statutory Sector"), ALL-CAPS and title-case lines, and numbered headings ("5. Clear arrangements
 * for ...", "5.1 Statutory Sector") as against numbered undertakings. Looks ahead at the next kept line; the levels the
 * headings get are {@link PassageAssembler}'s.
 */
final class RawHeadings {
    /** The kinds of heading a raw text uses. */
    enum Style { CAPS, SECTION, NUMBERED, BOLD, TITLE, PARTY }

    private static final Pattern BOLD_LINE = Pattern.compile("^(?:\\*\\*|__)([^*_]{2,120})(?:\\*\\*|__):?$");
    static final Pattern SECTION_WORD = Pattern.compile("^(section|part|chapter|appendix|annex|schedule)\\s+([0-9]+|[a-z]|[ivx]+)\\b.{0,80}$",
            Pattern.CASE_INSENSITIVE);

    private final List<String> lines;
    private final boolean[] drop;

    RawHeadings(List<String> lines, boolean[] drop) {
        this.lines = lines;
        this.drop = drop;
    }

    /** Which heading style line {@code i} is, or null for ordinary text. */
    Style style(int i, String line) {
        String plain = PassageText.plain(line);
        String next = nextContent(i);
        boolean nextContinues = next != null && !blankAfter(i) && Character.isLowerCase(next.charAt(0));
        if (plain.length() < 2 || plain.length() > 120 || nextContinues) return null;
        int words = plain.split("\\s+").length;
        if (BOLD_LINE.matcher(line).matches() && words <= 16) return Style.BOLD;
        if (SECTION_WORD.matcher(plain).matches() && words <= 12) return Style.SECTION;
        if (Party.fromHeading(plain) != Party.NONE && words <= 14 && !plain.endsWith(".")) {
            boolean listFollows = next != null && (BULLET.matcher(next).matches() || ORDERED.matcher(next).matches());
            if (!(PassageText.endsLeadIn(plain) && listFollows)) return Style.PARTY;
            return null; // a lead-in: shown with each item of its list
        }
        if (PassageText.endsLeadIn(plain) || plain.endsWith(",") || plain.endsWith(";")) return null;
        if (isCaps(plain) && words <= 14) return Style.CAPS;
        if (plain.endsWith(".") && !plain.endsWith("etc.")) return null;
        if (words > 12 || !Character.isUpperCase(firstLetter(plain))) return null;
        // a long line running straight into the next is wrapped prose, not a heading
        if (plain.length() > 50 && !blankAfter(i) && next != null && !BULLET.matcher(next).matches()
                && !NUMBERED.matcher(next).matches() && !ORDERED.matcher(next).matches()) return null;
        if (!titleCase(plain) && !plain.endsWith("?") && words > 4) return null;
        return Style.TITLE;
    }

    /**
     * "4. Funding and Commissioning" is a heading when its own sub-numbers (4.1 ...) follow it, or when it is the next
     * number after the last numbered heading ({@code lastHeadingNumber}) and {@code last} is not an item of a list.
     */
    boolean numberedSection(int i, String n, String rest, RawBlock last, int lastHeadingNumber) {
        String plain = PassageText.plain(rest);
        if (plain.length() > 120) return false;
        int seen = 0;
        for (int j = i + 1; j < lines.size() && seen < 14; j++) {
            if (drop[j] || lines.get(j).isBlank()) continue;
            seen++;
            String l = lines.get(j).strip();
            if (l.startsWith(n + ".") && l.matches("^" + Pattern.quote(n) + "\\.\\d.*")) return true;
            if (l.matches("^" + (Integer.parseInt(n) + 1) + "[.)]\\s.*")) break;
        }
        // the next number after a numbered heading ("4. Volunteers" then "5. Fairness and equality"), outside a list
        boolean inList = last instanceof RawBlock.Item it && it.marker().equals((Integer.parseInt(n) - 1) + ".");
        if (lastHeadingNumber == Integer.parseInt(n) - 1 && !inList && plain.split("\\s+").length <= 10 && !plain.endsWith(".")) return true;
        // a short capitalised line with no full stop, standing alone, reads as a heading too
        return plain.split("\\s+").length <= 8 && titleCase(plain) && !plain.endsWith(".") && nextIsProse(i);
    }

    /** "5.1 Statutory Sector" is a heading; "5.1 Ensure that ..." is an undertaking ({@code rest}: the text after the ref). */
    static boolean numberedHeading(String rest) {
        String plain = PassageText.plain(rest);
        int words = plain.split("\\s+").length;
        return words <= 8 && !plain.endsWith(".") && !plain.endsWith(";") && !plain.endsWith(",")
                && (titleCase(plain) || isCaps(plain)) && !Undertakings.promises(plain);
    }

    private boolean nextIsProse(int i) {
        String next = nextContent(i);
        return next != null && next.length() > 60;
    }

    /** The next kept line after {@code i} with text, stripped; null at the end. */
    String nextContent(int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (drop[j] || lines.get(j).isBlank()) continue;
            return lines.get(j).strip();
        }
        return null;
    }

    private boolean blankAfter(int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (drop[j]) continue;
            return lines.get(j).isBlank();
        }
        return true;
    }
}
