package org.compactbot.knowledge;

import static org.compactbot.knowledge.LineShapes.BULLET;
import static org.compactbot.knowledge.LineShapes.NUMBERED;
import static org.compactbot.knowledge.LineShapes.endsSentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A raw text's contact blocks: short lines around an email address or phone number (names, teams, addresses), with
 * the heading or lead-in just above them. They become the document's contact (shown when the bot cannot answer and
 * asked by contact questions) and are left out of the passages.
 */
final class ContactBlocks {
    static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+44\\s?\\(?0?\\)?\\s?|\\(?0)\\d{2,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?![\\d])");
    private static final Pattern POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b");
    private static final Pattern WEB = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    static final Pattern CONTACT_HEADING = Pattern.compile("(?i)^(contact(s| us| details| information)?|further information|for (more|further) information.*|useful contacts?|who to contact.*):?$");

    private ContactBlocks() {}

    /** Takes the contact blocks out of {@code lines}: the blocks, joined with "; " (cut near 900 characters). */
    static String takeOut(List<String> lines, LeftOut out) {
        boolean[] drop = out.drop;
        List<String> blocks = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (drop[i] || i <= last) continue;
            String line = PassageText.plain(lines.get(i));
            if (line.length() > 160 || !(EMAIL.matcher(line).find() || PHONE.matcher(line).find())) continue;
            if (line.length() > 100 && line.endsWith(".") && line.split("\\s+").length > 14) continue; // a sentence that mentions a number
            int start = reach(lines, drop, i, -1, 10, false, ContactBlocks::contactLine);
            int end = reach(lines, drop, i, +1, 3, true, l -> contactLine(l) && (EMAIL.matcher(l).find() || PHONE.matcher(l).find()
                    || WEB.matcher(l).find() || POSTCODE.matcher(l).find() || l.matches("(?i)^(fax|text|minicom|textphone|mobile)\\b.*")));
            // a heading or lead-in just above ("Contact us", "For more information please contact:") goes too
            for (int j = start - 1; j >= 0 && start - j <= 3; j--) {
                if (drop[j]) continue;
                String l = PassageText.plain(lines.get(j).replaceFirst("^#{1,6}\\s+", ""));
                if (l.isEmpty()) continue;
                if (CONTACT_HEADING.matcher(l).matches() || l.toLowerCase(Locale.ROOT).matches(".*\\bcontact:?$")) {
                    out.skip(j, lines.get(j), "contact block");
                }
                break;
            }
            StringBuilder block = new StringBuilder();
            int lastLine = start;
            for (int j = start; j <= end; j++) {
                if (drop[j] || lines.get(j).isBlank()) continue;
                String part = PassageText.plain(lines.get(j));
                if (block.length() > 0) {
                    // lines of an address are listed; a sentence wrapped over lines is joined as it reads
                    String prev = PassageText.plain(lines.get(lastLine));
                    boolean wrapped = (prev.length() > 60 || Character.isLowerCase(part.charAt(0))) && !endsSentence(prev) && !prev.endsWith(",");
                    block.append(wrapped || block.charAt(block.length() - 1) == ',' ? " " : ", ");
                }
                block.append(part);
                lastLine = j;
                out.skip(j, lines.get(j), "contact block");
            }
            if (block.length() > 0) blocks.add(block.toString());
            last = end;
        }
        String joined = String.join("; ", blocks);
        return joined.length() > 900 ? joined.substring(0, joined.lastIndexOf(' ', 900)) + " …" : joined;
    }

    /**
     * How far a contact block reaches from line {@code i} in one direction ({@code step} -1 or +1): over kept lines
     * that {@code belongs} accepts, across single blank lines, at most {@code limit} lines from {@code i} (or, when
     * {@code fromEdge}, from the last line taken).
     */
    private static int reach(List<String> lines, boolean[] drop, int i, int step, int limit, boolean fromEdge,
                             Predicate<String> belongs) {
        int edge = i;
        for (int j = i + step, blanks = 0; j >= 0 && j < lines.size() && Math.abs(j - (fromEdge ? edge : i)) <= limit; j += step) {
            if (drop[j]) continue;
            String l = PassageText.plain(lines.get(j));
            if (l.isEmpty()) {
                if (++blanks > 1) break;
                continue;
            }
            blanks = 0;
            if (!belongs.test(l)) break;
            edge = j;
        }
        return edge;
    }

    /** A line that can belong to a contact block: short, not a sentence, not a list item or heading marker. */
    private static boolean contactLine(String l) {
        if (l.length() > 110 || l.startsWith("#")) return false;
        if (BULLET.matcher(l).matches() || NUMBERED.matcher(l).matches()) return false;
        boolean sentence = l.endsWith(".") && l.split("\\s+").length > 6 && !EMAIL.matcher(l).find();
        return !sentence && !PassageText.endsLeadIn(l);
    }
}
