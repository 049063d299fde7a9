package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the structure in a Compact text nobody annotated (a .txt, a Markdown file without front matter,
 * or the text of a PDF or Word file) and writes it in the index-data Markdown format, so it becomes the
 * same passages an annotated file gives: headings and their levels (Markdown {@code #}, bold lines,
 * numbered headings such as "5. Clear arrangements for ...", capitalised and ALL-CAPS lines, party
 * headings such as "Undertakings for Statutory Sector"), numbered undertakings ({@code 3.4}, {@code 1.},
 * {@code (a)}), bullet lists with their lead-in, glossary entries and the contact block. Page numbers,
 * running headers, contents lists and empty bullets are dropped and reported. Lines are never reworded:
 * only joined where the extraction wrapped them.
 */
public final class RawCompactReader {
    /** What was read: the Markdown body, the title and contact found, and the lines left out (with why). */
    public record Reading(String markdown, String title, String contact, List<Skipped> skipped) {
        public Reading {
            skipped = List.copyOf(skipped);
        }
    }

    /** A source line that is not in any passage, with its 1-based line number and the reason. */
    public record Skipped(int line, String text, String reason) {}

    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)([-*+•·▪●◦○■□➢►✓o–])\\s+(.*)$");
    private static final Pattern ORDERED = Pattern.compile("^(\\s*)(?:(\\d{1,2})[.)]|\\(([a-z]|[ivx]{1,4})\\)|([a-z])\\))\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})+)\\.?\\s+(.*)$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:page\\s*)?[-–]?\\s*\\d{1,3}\\s*[-–]?(?:\\s*(?:of|/)\\s*\\d{1,3})?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^[-•*·▪●◦_=~.–—|]+$");
    private static final Pattern CONTENTS_LINE = Pattern.compile("^(.{2,90}?)(?:\\s*(?:\\.\\s?){3,}|\\t+|\\s{3,})\\s*(?:page\\s*)?(\\d{1,3}|back page)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENTS_HEADING = Pattern.compile("^(?:table of )?contents:?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOLD_LINE = Pattern.compile("^(?:\\*\\*|__)([^*_]{2,120})(?:\\*\\*|__):?$");
    private static final Pattern SECTION_WORD = Pattern.compile("^(section|part|chapter|appendix|annex|schedule)\\s+([0-9]+|[a-z]|[ivx]+)\\b.{0,80}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_SECTION = Pattern.compile("^(section|part|chapter|appendix|annex|schedule)\\s+([0-9]+|[a-z]|[ivx]+)[.:]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GLOSSARY_HEADING = Pattern.compile("\\b(glossary|jargon|definitions|key terms|terms used|abbreviations|acronyms|what we mean)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TERM_AND_DEFINITION = Pattern.compile("^(?:\\*\\*)?([^:–—*]{2,50}?)(?:\\*\\*)?\\s*(?::|\\s[–—-])\\s+(\\S.{9,})$");
    static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+44\\s?\\(?0?\\)?\\s?|\\(?0)\\d{2,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?![\\d])");
    private static final Pattern POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b");
    private static final Pattern WEB = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern CONTACT_HEADING = Pattern.compile("(?i)^(contact(s| us| details| information)?|further information|for (more|further) information.*|useful contacts?|who to contact.*):?$");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "at",
            "or", "&", "as", "our", "is", "are", "from", "into", "within", "between");

    /** The kinds of heading a raw text uses. */
    private enum Style { CAPS, SECTION, NUMBERED, BOLD, TITLE, PARTY }

    private sealed interface Block permits Heading, Item, Para, Term {}
    private record Heading(int level, String text) implements Block {}
    private record Item(int depth, String marker, StringBuilder text) implements Block {}
    private record Para(StringBuilder text) implements Block {}
    private record Term(String term, StringBuilder definition) implements Block {}

    public Reading read(String text, String fileName) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').replace("\uFEFF", "");
        List<String> lines = new ArrayList<>(List.of(normalised.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) lines.set(i, lines.get(i).stripTrailing());
        List<Skipped> skipped = new ArrayList<>();
        boolean[] drop = new boolean[lines.size()];
        dropFurniture(lines, drop, skipped);
        String contact = findContacts(lines, drop, skipped);
        java.util.Set<Integer> furniture = new java.util.HashSet<>();
        for (Skipped k : skipped) if (k.reason().equals("page number") || k.reason().startsWith("running header")) furniture.add(k.line() - 1);
        List<Block> blocks = new Assembler(lines, drop, furniture).run();
        String title = titleOf(blocks, fileName);
        skipped.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Reading(render(blocks), title, contact, skipped);
    }

    // ---------------------------------------------------------------- page furniture

    private static void dropFurniture(List<String> lines, boolean[] drop, List<Skipped> skipped) {
        Map<String, List<Integer>> seen = new HashMap<>();
        boolean inContents = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip().replace("\f", "");
            if (line.isEmpty()) continue;
            if (PAGE_NUMBER.matcher(line).matches()) {
                skip(i, raw, "page number", drop, skipped);
                continue;
            }
            if (RULE.matcher(line).matches()) {
                skip(i, raw, "empty bullet or rule", drop, skipped);
                continue;
            }
            if (line.chars().noneMatch(Character::isLetterOrDigit)) {
                skip(i, raw, "stray markup", drop, skipped);
                continue;
            }
            String plain = PassageText.plain(line.replaceFirst("^#{1,6}\\s+", ""));
            if (CONTENTS_HEADING.matcher(plain).matches()) {
                skip(i, raw, "contents list", drop, skipped);
                inContents = true;
                continue;
            }
            if (CONTENTS_LINE.matcher(plain).matches() && (inContents || plain.matches(".*(\\.\\s?){3,}\\s*\\d+$"))) {
                skip(i, raw, "contents list", drop, skipped);
                inContents = true;
                continue;
            }
            inContents = false;
            if (displayText(lines, drop, i)) {
                skip(i, raw, "display text (logo or banner)", drop, skipped);
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
                skip(i, lines.get(i), "running header or footer", drop, skipped);
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

    private static void skip(int i, String raw, String reason, boolean[] drop, List<Skipped> skipped) {
        if (drop[i]) return;
        drop[i] = true;
        skipped.add(new Skipped(i + 1, raw.strip(), reason));
    }

    // ---------------------------------------------------------------- contact blocks

    /** Contact blocks: short lines around an email address or phone number (names, teams, addresses). */
    private static String findContacts(List<String> lines, boolean[] drop, List<Skipped> skipped) {
        List<String> blocks = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (drop[i] || i <= last) continue;
            String line = PassageText.plain(lines.get(i));
            if (line.length() > 160 || !(EMAIL.matcher(line).find() || PHONE.matcher(line).find())) continue;
            if (line.length() > 100 && line.endsWith(".") && line.split("\\s+").length > 14) continue; // a sentence that mentions a number
            int start = reach(lines, drop, i, -1, 10, false, RawCompactReader::contactLine);
            int end = reach(lines, drop, i, +1, 3, true, l -> contactLine(l) && (EMAIL.matcher(l).find() || PHONE.matcher(l).find()
                    || WEB.matcher(l).find() || POSTCODE.matcher(l).find() || l.matches("(?i)^(fax|text|minicom|textphone|mobile)\\b.*")));
            // a heading or lead-in just above ("Contact us", "For more information please contact:") goes too
            for (int j = start - 1; j >= 0 && start - j <= 3; j--) {
                if (drop[j]) continue;
                String l = PassageText.plain(lines.get(j).replaceFirst("^#{1,6}\\s+", ""));
                if (l.isEmpty()) continue;
                if (CONTACT_HEADING.matcher(l).matches() || l.toLowerCase(Locale.ROOT).matches(".*\\bcontact:?$")) {
                    skip(j, lines.get(j), "contact block", drop, skipped);
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
                skip(j, lines.get(j), "contact block", drop, skipped);
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
                             java.util.function.Predicate<String> belongs) {
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

    // ---------------------------------------------------------------- assembling blocks

    /** Walks the kept lines once, joining wrapped lines and deciding what each line starts. */
    private static final class Assembler {
        final List<String> lines;
        final boolean[] drop;
        final List<Block> blocks = new ArrayList<>();
        int deepestExplicit = 0;            // deepest Markdown heading level the file uses
        int current = 0;                    // level of the heading currently open
        int lastExplicit = 0;               // level of the last Markdown heading
        int beforeParty = 0;                // level of the last heading that does not name a party
        boolean glossary;                   // inside a glossary section
        int glossaryLevel;
        boolean blankBefore = true;

        final java.util.Set<Integer> furniture;

        Assembler(List<String> lines, boolean[] drop, java.util.Set<Integer> furniture) {
            this.lines = lines;
            this.drop = drop;
            this.furniture = furniture;
            for (int i = 0; i < lines.size(); i++) {
                Matcher h = MD_HEADING.matcher(lines.get(i));
                if (!drop[i] && h.matches() && h.group(1).length() > 1) deepestExplicit = Math.max(deepestExplicit, h.group(1).length());
            }
        }

        List<Block> run() {
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

        void line(int i, String raw) {
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
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            Matcher bullet = BULLET.matcher(raw);
            Matcher ordered = ORDERED.matcher(raw);
            Matcher numbered = NUMBERED.matcher(line);
            // "o" is a bullet only inside a list or indented ("o Volunteers ..." could start a sentence otherwise)
            if (bullet.matches() && (!bullet.group(2).equals("o") || last instanceof Item || !bullet.group(1).isEmpty())) {
                item(bullet.group(1), "-", bullet.group(3));
                return;
            }
            if (numbered.matches()) {
                if (numberedHeading(i, line, numbered.group(1), numbered.group(2))) return;
                blocks.add(new Para(new StringBuilder(line)));
                return;
            }
            if (ordered.matches()) {
                String n = ordered.group(2);
                if (n != null && numberedSectionHeading(i, n, ordered.group(5))) {
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
            Style style = headingStyle(i, line, last);
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
        boolean partyHeading(String line) {
            String plain = PassageText.plain(line);
            return Character.isUpperCase(firstLetter(plain)) && Party.fromHeading(plain) != Party.NONE
                    && plain.split("\\s+").length <= 14 && !plain.endsWith(".");
        }

        /** Whether this line carries on the block before it (a wrapped line). */
        boolean continues(Block last, String line) {
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

        void appendTo(Block b, String line) {
            StringBuilder sb = b instanceof Para p ? p.text() : b instanceof Item it ? it.text() : ((Term) b).definition();
            int n = sb.length();
            if (n > 1 && sb.charAt(n - 1) == '-' && Character.isLetter(sb.charAt(n - 2)) && Character.isLowerCase(line.charAt(0))) {
                sb.setLength(n - 1); // broken hyphenation: "organ-" + "isations"
                sb.append(line);
            } else {
                sb.append(' ').append(line);
            }
        }

        void item(String indent, String marker, String text) {
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
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

        int lastIndent;

        int indentOf(Item prev) {
            return prev.depth() == 0 ? 0 : lastIndent;
        }

        /** "Accountability" then its definition on the next line, or "Accountability – means ..." on one. */
        boolean glossaryEntry(int i, String line) {
            Matcher t = TERM_AND_DEFINITION.matcher(line);
            if (t.matches() && t.group(1).split("\\s+").length <= 6 && Character.isUpperCase(firstLetter(t.group(1)))) {
                blocks.add(new Term(PassageText.plain(t.group(1)), new StringBuilder(t.group(2).strip())));
                return true;
            }
            String term = PassageText.plain(line);
            // "CONTACT DETAILS" or "Contact us" after the last entry starts the next part, not a term
            if (CONTACT_HEADING.matcher(term).matches() || isCaps(term) && term.split("\\s+").length >= 2) return false;
            String next = nextContent(i);
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

        boolean pendingDefinition;

        /**
         * A glossary in alphabetical order so far (four terms or more) ends at a line that would break the order:
         * such a line is the heading of what follows, not a term.
         */
        boolean outOfOrder(String term) {
            List<String> terms = new ArrayList<>();
            for (int k = blocks.size() - 1; k >= 0 && blocks.get(k) instanceof Term t; k--) terms.add(0, t.term());
            if (terms.size() < 4) return false;
            for (int k = 1; k < terms.size(); k++) if (sortKey(terms.get(k)).compareTo(sortKey(terms.get(k - 1))) < 0) return false;
            return sortKey(term).compareTo(sortKey(terms.get(terms.size() - 1))) < 0;
        }

        /** The first three letters: glossaries are ordered by the word, however they order "Compact-proofing" and "Compact way". */
        static String sortKey(String term) {
            String letters = term.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
            return letters.substring(0, Math.min(3, letters.length()));
        }

        boolean looksLikeTermLine(String l) {
            return l.split("\\s+").length <= 4 && !l.endsWith(".");
        }

        /** Which heading style this line is, or null for ordinary text. */
        Style headingStyle(int i, String line, Block last) {
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

        /** "4. Funding and Commissioning" is a heading when its own sub-numbers (4.1 ...) follow it. */
        boolean numberedSectionHeading(int i, String n, String rest) {
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
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            boolean inList = last instanceof Item it && it.marker().equals((Integer.parseInt(n) - 1) + ".");
            if (lastHeadingNumber == Integer.parseInt(n) - 1 && !inList && plain.split("\\s+").length <= 10 && !plain.endsWith(".")) return true;
            // a short capitalised line with no full stop, standing alone, reads as a heading too
            return plain.split("\\s+").length <= 8 && titleCase(plain) && !plain.endsWith(".") && nextIsProse(i);
        }

        /** "5.1 Statutory Sector" is a heading; "5.1 Ensure that ..." is an undertaking. */
        boolean numberedHeading(int i, String line, String ref, String rest) {
            String plain = PassageText.plain(rest);
            int words = plain.split("\\s+").length;
            boolean heading = words <= 8 && !plain.endsWith(".") && !plain.endsWith(";") && !plain.endsWith(",")
                    && (titleCase(plain) || isCaps(plain)) && !Undertakings.promises(plain);
            if (!heading) return false;
            heading(levelFor(Style.NUMBERED, ref), PassageText.plain(line));
            beforeParty = current;
            return true;
        }

        boolean nextIsProse(int i) {
            String next = nextContent(i);
            return next != null && next.length() > 60;
        }

        String nextContent(int i) {
            for (int j = i + 1; j < lines.size(); j++) {
                if (drop[j] || lines.get(j).isBlank()) continue;
                return lines.get(j).strip();
            }
            return null;
        }

        boolean blankAfter(int i) {
            for (int j = i + 1; j < lines.size(); j++) {
                if (drop[j]) continue;
                return lines.get(j).isBlank();
            }
            return true;
        }

        /**
         * Raw text gives no levels, so they are kept simple: "Section 2" and ALL-CAPS lines are parts (level 2),
         * other headings sit under the open part; "5.1 Statutory Sector" sits a level below "5. ...". In a
         * Markdown file, headings it does not mark sit under the Markdown heading that is open.
         */
        int levelFor(Style s, String numbered) {
            if (deepestExplicit > 0) return Math.min(6, Math.max(lastExplicit, 1) + 1);
            if (s == Style.SECTION || s == Style.CAPS) {
                partOpen = true;
                return 2;
            }
            int depth = numbered == null ? 0 : numbered.replaceAll("\\.0$", "").split("\\.").length - 1;
            return Math.min(6, (partOpen ? 3 : 2) + depth);
        }

        boolean partOpen;

        boolean explicitNow;
        int lastHeadingNumber = -1;         // N of the last heading reading "N. ..."
        int numberedExplicitLevel = 0;      // level of the Markdown headings that read "N. ..."

        int sectionLevel = 0;               // level of the open "Section 3" / "Part B" heading, 0 when none

        void heading(int level, String text) {
            if (text.isBlank()) return;
            // "## Section 3" then "### Volunteering Code": one heading, "Section 3: Volunteering Code"
            boolean sectionWord = SECTION_WORD.matcher(text).matches();
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
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

    private static boolean endsSentence(String s) {
        return !s.isEmpty() && ".!?:;”\"".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    private static char firstLetter(String s) {
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

    private static String textOf(Block b) {
        if (b instanceof Para p) return p.text().toString();
        if (b instanceof Item it) return it.text().toString();
        if (b instanceof Term t) return t.definition().length() == 0 ? t.term() + ":" : t.definition().toString();
        return "";
    }

    // ---------------------------------------------------------------- title and output

    private static String titleOf(List<Block> blocks, String fileName) {
        String name = MarkdownCompactParser.stripExtension(fileName);
        boolean meaningfulName = name.chars().filter(Character::isLetter).count() >= 6 && !name.matches("(?i).*[0-9a-f]{12,}.*");
        for (int k = 0; k < Math.min(blocks.size(), 6); k++) {
            if (blocks.get(k) instanceof Heading h && h.text().length() >= 6 && !h.text().endsWith("?")) return tidyTitle(h.text());
        }
        if (meaningfulName) return tidyTitle(name.replace('_', ' ').replace('-', ' '));
        for (Block b : blocks) if (b instanceof Heading h) return tidyTitle(h.text());
        return name;
    }

    /** "REDCAR & CLEVELAND COMPACT" reads better as "Redcar & Cleveland Compact" in a citation. */
    private static String tidyTitle(String t) {
        String s = t.strip();
        if (!isCaps(s)) return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        StringBuilder sb = new StringBuilder();
        for (String w : s.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (sb.length() > 0) sb.append(' ');
            boolean small = SMALL_WORDS.contains(w) && sb.length() > 0;
            sb.append(small || w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }

    private static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block prev = null;
        for (Block b : blocks) {
            boolean list = (b instanceof Item || b instanceof Term) && (prev instanceof Item || prev instanceof Term);
            if (prev != null && !list) out.append('\n');
            if (b instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append('\n');
            } else if (b instanceof Item it) {
                out.append("  ".repeat(it.depth())).append(it.marker()).append(' ').append(safe(it.text().toString())).append('\n');
            } else if (b instanceof Term t) {
                String def = t.definition().toString().strip();
                if (def.isEmpty()) out.append(safe(t.term())).append('\n');
                else out.append("- **").append(t.term().replace("*", "")).append("**: ").append(safe(def)).append('\n');
            } else if (b instanceof Para p) {
                out.append(safe(p.text().toString())).append('\n');
            }
            prev = b;
        }
        return out.toString();
    }

    /** Text that the Markdown reader would take for markup at the start of a line is kept as text. */
    private static String safe(String s) {
        String t = s.strip();
        if (t.startsWith(">") || t.startsWith("#")) return t.replaceFirst("^[>#]+\\s*", "");
        return t;
    }
}
