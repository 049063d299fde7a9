package org.compactbot.knowledge;

import static org.compactbot.knowledge.ContactBlocks.CONTACT_HEADING;
import static org.compactbot.knowledge.LineShapes.BULLET;
import static org.compactbot.knowledge.LineShapes.MD_HEADING;
import static org.compactbot.knowledge.LineShapes.NUMBERED;
import static org.compactbot.knowledge.LineShapes.ORDERED;
import static org.compactbot.knowledge.LineShapes.SMALL_WORDS;
import static org.compactbot.knowledge.LineShapes.endsSentence;
import static org.compactbot.knowledge.LineShapes.firstLetter;
import static org.compactbot.knowledge.LineShapes.isCaps;
import static org.compactbot.knowledge.RawBlock.textOf;
import static org.compactbot.knowledge.RawHeadings.SECTION_WORD;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.knowledge.RawBlock.Heading;
import org.compactbot.knowledge.RawBlock.Item;
import org.compactbot.knowledge.RawBlock.Para;
import org.compactbot.knowledge.RawBlock.Term;
import org.compactbot.knowledge.RawHeadings.Style;

/**
 * Walks the kept lines of a raw text once, joining lines the extraction wrapped (also over a page break) and deciding
 * what each line starts: a heading (at a level kept simple: see {@link #levelFor}), a list item with its depth, a
 * numbered undertaking, a glossary entry or a paragraph. Which lines are headings is {@link RawHeadings}'s to say;
 * the text is never reworded.
 */
final class PassageAssembler {
    private static final Pattern BARE_SECTION = Pattern.compile("^(section|part|chapter|appendix|annex|schedule)\\s+([0-9]+|[a-z]|[ivx]+)[.:]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GLOSSARY_HEADING = Pattern.compile("\\b(glossary|jargon|definitions|key terms|terms used|abbreviations|acronyms|what we mean)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TERM_AND_DEFINITION = Pattern.compile("^(?:\\*\\*)?([^:–—*]{2,50}?)(?:\\*\\*)?\\s*(?::|\\s[–—-])\\s+(\\S.{9,})$");

    private final List<String> lines;
    private final boolean[] drop;
    private final Set<Integer> furniture;
    private final RawHeadings headings;
    private final List<RawBlock> blocks = new ArrayList<>();
    private int deepestExplicit = 0;            // deepest Markdown heading level the file uses
    private int current = 0;                    // level of the heading currently open
    private int lastExplicit = 0;               // level of the last Markdown heading
    private int beforeParty = 0;                // level of the last heading that does not name a party
    private boolean glossary;                   // inside a glossary section
    private int glossaryLevel;
    private boolean blankBefore = true;

    /** {@code drop}: the lines left out; {@code furniture}: those of them a paragraph may carry on over (page numbers, running headers). */
    PassageAssembler(List<String> lines, boolean[] drop, Set<Integer> furniture) {
        this.lines = lines;
        this.drop = drop;
        this.furniture = furniture;
        this.headings = new RawHeadings(lines, drop);
        for (int i = 0; i < lines.size(); i++) {
            Matcher h = MD_HEADING.matcher(lines.get(i));
            if (!drop[i] && h.matches() && h.group(1).length() > 1) deepestExplicit = Math.max(deepestExplicit, h.group(1).length());
        }
    }

    List<RawBlock> run() {
        boolean pageTurned = false; // page furniture dropped since the last line: a paragraph may carry on over it
        for (int i = 0; i < lines.size(); i++) {
            if (drop[i]) {
                pageTurned |= furniture.contains(i);
                continue;
            }
            String raw = lines.get(i).replace("\f", "");
            if (raw.isBlank()) {
                blankBefore = true;
                continue;
            }
            if (pageTurned && !blocks.isEmpty() && !(blocks.get(blocks.size() - 1) instanceof Heading)
                    && carriesOver(textOf(blocks.get(blocks.size() - 1)), raw.strip())) blankBefore = false;
            pageTurned = false;
            line(i, raw);
            blankBefore = false;
        }
        return blocks;
    }

    private void line(int i, String raw) {
        String line = raw.strip();
        if (line.startsWith(">")) line = line.replaceFirst("^>+\\s*", ""); // quoting markup, never a gloss here
        Matcher md = MD_HEADING.matcher(line);
        if (md.matches()) {
            lastExplicit = md.group(1).length();
            explicitNow = true;
            heading(lastExplicit, PassageText.plain(md.group(2)));
            beforeParty = lastExplicit;
            return;
        }
        RawBlock last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        Matcher bullet = BULLET.matcher(raw);
        Matcher ordered = ORDERED.matcher(raw);
        Matcher numbered = NUMBERED.matcher(line);
        // "o" is a bullet only inside a list or indented ("o Volunteers ..." could start a sentence otherwise)
        if (bullet.matches() && (!bullet.group(2).equals("o") || last instanceof Item || !bullet.group(1).isEmpty())) {
            item(bullet.group(1), "-", bullet.group(3));
            return;
        }
        if (numbered.matches()) {
            if (RawHeadings.numberedHeading(numbered.group(2))) {
                heading(levelFor(Style.NUMBERED, numbered.group(1)), PassageText.plain(line));
                beforeParty = current;
                return;
            }
            blocks.add(new Para(new StringBuilder(line)));
            return;
        }
        if (ordered.matches()) {
            String n = ordered.group(2);
            if (n != null && headings.numberedSection(i, n, ordered.group(5), last, lastHeadingNumber)) {
                heading(levelFor(Style.NUMBERED, n), PassageText.plain(line));
                beforeParty = current;
                return;
            }
            String marker = n != null ? n + "." : "(" + (ordered.group(3) != null ? ordered.group(3) : ordered.group(4)) + ")";
            item(ordered.group(1), marker, ordered.group(5));
            return;
        }
        if (!partyHeading(line) && continues(last, line)) {
            appendTo(last, line);
            return;
        }
        if (pendingDefinition && last instanceof Term t && t.definition().length() == 0) {
            t.definition().append(line); // the definition under a term on its own line: part of the entry only
            pendingDefinition = false;
            return;
        }
        if (glossary && glossaryEntry(i, line)) return;
        Style style = headings.style(i, line);
        if (style != null) {
            String text = PassageText.plain(line);
            while (text.endsWith(":")) text = text.substring(0, text.length() - 1).strip();
            if (style == Style.PARTY) {
                heading(Math.min(6, Math.max(beforeParty, 1) + 1), text);
            } else {
                heading(levelFor(style, null), text);
                beforeParty = current;
            }
            return;
        }
        blocks.add(new Para(new StringBuilder(line)));
    }

    /** "Undertakings for Statutory Sector and VCS:", which starts a part however the line before ended. */
    private boolean partyHeading(String line) {
        String plain = PassageText.plain(line);
        return Character.isUpperCase(firstLetter(plain)) && Party.fromHeading(plain) != Party.NONE
                && plain.split("\\s+").length <= 14 && !plain.endsWith(".");
    }

    /** Whether this line carries on the block before it (a wrapped line). */
    private boolean continues(RawBlock last, String line) {
        if (blankBefore || last == null || last instanceof Heading) return false;
        String prev = textOf(last);
        if (prev.isEmpty()) return false;
        char first = line.charAt(0);
        boolean lower = Character.isLowerCase(first) || "(,;–-&".indexOf(first) >= 0;
        char end = prev.charAt(prev.length() - 1);
        boolean ended = ".!?:;”\"".indexOf(end) >= 0 || prev.endsWith("**");
        if (lower && !line.matches("^(e\\.g\\.|i\\.e\\.)?\\s*$")) return true;
        return !ended;
    }

    private void appendTo(RawBlock b, String line) {
        StringBuilder sb = b instanceof Para p ? p.text() : b instanceof Item it ? it.text() : ((Term) b).definition();
        int n = sb.length();
        if (n > 1 && sb.charAt(n - 1) == '-' && Character.isLetter(sb.charAt(n - 2)) && Character.isLowerCase(line.charAt(0))) {
            sb.setLength(n - 1); // broken hyphenation: "organ-" + "isations"
            sb.append(line);
        } else {
            sb.append(' ').append(line);
        }
    }

    private void item(String indent, String marker, String text) {
        RawBlock last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        int depth = 0;
        if (last instanceof Item prev && indent.length() >= 2) {
            depth = indent.length() > indentOf(prev) + 1 ? Math.min(prev.depth() + 1, 2) : prev.depth();
        }
        lastIndent = indent.length();
        if (glossary) {
            Matcher t = TERM_AND_DEFINITION.matcher(text.strip());
            if (t.matches() && t.group(1).split("\\s+").length <= 6) {
                blocks.add(new Term(PassageText.plain(t.group(1)), new StringBuilder(t.group(2).strip())));
                return;
            }
        }
        blocks.add(new Item(depth, marker, new StringBuilder(text.strip())));
    }

    private int lastIndent;

    private int indentOf(Item prev) {
        return prev.depth() == 0 ? 0 : lastIndent;
    }

    /** "Accountability" then its definition on the next line, or "Accountability – means ..." on one. */
    private boolean glossaryEntry(int i, String line) {
        Matcher t = TERM_AND_DEFINITION.matcher(line);
        if (t.matches() && t.group(1).split("\\s+").length <= 6 && Character.isUpperCase(firstLetter(t.group(1)))) {
            blocks.add(new Term(PassageText.plain(t.group(1)), new StringBuilder(t.group(2).strip())));
            return true;
        }
        String term = PassageText.plain(line);
        // "CONTACT DETAILS" or "Contact us" after the last entry starts the next part, not a term
        if (CONTACT_HEADING.matcher(term).matches() || isCaps(term) && term.split("\\s+").length >= 2) return false;
        String next = headings.nextContent(i);
        if (term.split("\\s+").length <= 6 && term.length() <= 60 && !term.endsWith(".") && next != null
                && next.length() > term.length() && !looksLikeTermLine(next)) {
            if (outOfOrder(term)) {
                glossary = false; // "Summary Code of Practice on Volunteering" after "Volunteer": the next part
                return false;
            }
            blocks.add(new Term(term.replaceAll(":$", ""), new StringBuilder()));
            pendingDefinition = true;
            return true;
        }
        return false;
    }

    private boolean pendingDefinition;

    /**
     * A glossary in alphabetical order so far (four terms or more) ends at a line that would break the order:
     * such a line is the heading of what follows, not a term.
     */
    private boolean outOfOrder(String term) {
        List<String> terms = new ArrayList<>();
        for (int k = blocks.size() - 1; k >= 0 && blocks.get(k) instanceof Term t; k--) terms.add(0, t.term());
        if (terms.size() < 4) return false;
        for (int k = 1; k < terms.size(); k++) if (sortKey(terms.get(k)).compareTo(sortKey(terms.get(k - 1))) < 0) return false;
        return sortKey(term).compareTo(sortKey(terms.get(terms.size() - 1))) < 0;
    }

    /** The first three letters: glossaries are ordered by the word, however they order "Compact-proofing" and "Compact way". */
    private static String sortKey(String term) {
        String letters = term.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return letters.substring(0, Math.min(3, letters.length()));
    }

    private boolean looksLikeTermLine(String l) {
        return l.split("\\s+").length <= 4 && !l.endsWith(".");
    }

    /**
     * Raw text gives no levels, so they are kept simple: "Section 2" and ALL-CAPS lines are parts (level 2),
     * other headings sit under the open part; "5.1 Statutory Sector" sits a level below "5. ...". In a
     * Markdown file, headings it does not mark sit under the Markdown heading that is open.
     */
    private int levelFor(Style s, String numbered) {
        if (deepestExplicit > 0) return Math.min(6, Math.max(lastExplicit, 1) + 1);
        if (s == Style.SECTION || s == Style.CAPS) {
            partOpen = true;
            return 2;
        }
        int depth = numbered == null ? 0 : numbered.replaceAll("\\.0$", "").split("\\.").length - 1;
        return Math.min(6, (partOpen ? 3 : 2) + depth);
    }

    private boolean partOpen;

    private boolean explicitNow;
    private int lastHeadingNumber = -1;         // N of the last heading reading "N. ..."
    private int numberedExplicitLevel = 0;      // level of the Markdown headings that read "N. ..."

    private int sectionLevel = 0;               // level of the open "Section 3" / "Part B" heading, 0 when none

    private void heading(int level, String text) {
        if (text.isBlank()) return;
        // "## Section 3" then "### Volunteering Code": one heading, "Section 3: Volunteering Code"
        boolean sectionWord = SECTION_WORD.matcher(text).matches();
        RawBlock last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (!sectionWord && last instanceof Heading h && h.level() == sectionLevel && BARE_SECTION.matcher(h.text()).matches()
                && level > h.level()) {
            blocks.set(blocks.size() - 1, new Heading(h.level(), h.text() + ": " + text));
            return;
        }
        // a document that names its parts "Section N" puts the headings inside a part at the part's own level
        // ("## Section 3", "## Shared Undertakings"): they belong to the part, until the next part
        if (sectionWord) sectionLevel = level;
        else if (sectionLevel > 0 && level < sectionLevel) sectionLevel = 0;
        else if (sectionLevel > 0 && level == sectionLevel) level = Math.min(6, sectionLevel + 1);
        Matcher num = Pattern.compile("^(\\d{1,2})[.)]\\s").matcher(text);
        if (num.find()) {
            lastHeadingNumber = Integer.parseInt(num.group(1));
            if (level == lastExplicit && level > 0 && explicitNow) numberedExplicitLevel = level;
            else if (numberedExplicitLevel > 0) level = numberedExplicitLevel; // "**4. Volunteers**" beside "## 3. Consultation"
        }
        explicitNow = false;
        pendingDefinition = false;
        if (glossary && level <= glossaryLevel) glossary = false;
        if (GLOSSARY_HEADING.matcher(text).find()) {
            glossary = true;
            glossaryLevel = level;
        }
        current = level;
        blocks.add(new Heading(level, text));
    }

    /**
     * Whether a sentence cut by a page break goes on in this line: the text before is unfinished and the line starts
     * in lower case, or the text before ends mid-phrase ("... and", "... of the", a comma). "Summary Code of Practice
     * on Volunteering" after "... or coercion" starts a new part.
     */
    private static boolean carriesOver(String before, String line) {
        if (endsSentence(before) || line.isEmpty()) return false;
        if (Character.isLowerCase(line.charAt(0))) return true;
        String last = before.substring(before.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return before.endsWith(",") || before.endsWith("–") || before.endsWith("-") || SMALL_WORDS.contains(last);
    }
}
