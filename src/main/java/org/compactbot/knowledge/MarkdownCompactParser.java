package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Compact text in the index-data Markdown format (see index-data/README.md) into passages:
 * one per list item (shown with the sentence that introduces its list), numbered paragraph,
 * glossary entry or paragraph, each with its section path, party, ref and gloss.
 */
public final class MarkdownCompactParser {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:[-*+•]|(\\d+)[.)]|\\(([a-z]|[ivx]{1,4})\\))\\s+(.*)$");
    private static final Pattern NUMBERED_PARAGRAPH = Pattern.compile("^(\\d+(?:\\.\\d+)+)\\.?\\s+(.*)$");
    private static final Pattern GLOSSARY_TERM = Pattern.compile("^\\*\\*([^*]{1,80})\\*\\*\\s*[:–—-]\\s*(.*)$");
    private static final Pattern GLOSS = Pattern.compile("^\\s*>\\s?(.*)$");
    private static final Pattern QUESTION = Pattern.compile("^Q:\\s*(.+)$");

    /** Parses one file's content; {@code fallbackArea} is used when the front matter names none. */
    public CompactDocument parse(String file, String content, String fallbackArea) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, String> front = new LinkedHashMap<>();
        int i = readFrontMatter(lines, front);
        String title = front.getOrDefault("title", stripExtension(file));
        String shortName = front.getOrDefault("short", title);
        String area = front.getOrDefault("area", fallbackArea).toLowerCase(Locale.ROOT).strip();

        Builder b = new Builder(file, title, shortName, area);
        for (; i < lines.length; i++) b.line(lines[i]);
        b.flush();
        return new CompactDocument(file, title, shortName, area, front.getOrDefault("kind", "compact"),
                front.getOrDefault("source", title), front.getOrDefault("date", ""),
                front.getOrDefault("contact", ""), b.passages);
    }

    /**
     * A file nobody annotated, as {@link RawCompactReader} read it: the structure it found, the title and
     * contact it found, and no glosses.
     */
    public CompactDocument parse(String file, RawCompactReader.Reading reading, String area) {
        Builder b = new Builder(file, reading.title(), reading.title(), area);
        for (String line : reading.markdown().split("\n", -1)) b.line(line);
        b.flush();
        return new CompactDocument(file, reading.title(), reading.title(), area, "compact", file, "", reading.contact(), b.passages);
    }

    /** Whether the text starts with front matter, the mark of a file written in the annotated format. */
    public static boolean annotated(String content) {
        return content.stripLeading().startsWith("---");
    }

    private static int readFrontMatter(String[] lines, Map<String, String> front) {
        int start = 0;
        while (start < lines.length && lines[start].isBlank()) start++;
        if (start >= lines.length || !lines[start].strip().equals("---")) return 0;
        for (int i = start + 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().equals("---")) return i + 1;
            int colon = l.indexOf(':');
            if (colon <= 0 || l.startsWith(" ") || l.startsWith("#")) continue;
            String key = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = stripComment(l.substring(colon + 1).strip());
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            front.put(key, value);
        }
        return 0; // unterminated front matter: treat the whole file as body
    }

    private static String stripComment(String v) {
        if (v.startsWith("\"") || v.startsWith("'")) return v;
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).strip() : v;
    }

    static String stripExtension(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The line-by-line state of one parse. */
    private static final class Builder {
        final String file, title, shortName, area;
        final List<Passage> passages = new ArrayList<>();
        final String[] headings = new String[7];

        enum Kind { NONE, PARAGRAPH, ITEM }
        Kind kind = Kind.NONE;
        final StringBuilder block = new StringBuilder();
        final StringBuilder gloss = new StringBuilder();
        final List<String> questions = new ArrayList<>();
        String itemNumber;
        String leadIn;           // the ':' sentence introducing the current list
        String pendingLeadIn;    // a ':' paragraph waiting to see whether a list follows
        static final int SHORT_ITEM = 50;
        final List<String> shortItems = new ArrayList<>();
        final StringBuilder shortGloss = new StringBuilder();
        final List<String> shortQuestions = new ArrayList<>();
        String shortLeadIn;
        int itemIndent;
        boolean nested, pendingParent;
        String parentItem, parentRef;
        int parentIndent;
        int lastPassageCount = -1; // passages belonging to the last block, for glosses
        int lastBlockStart = -1;

        Builder(String file, String title, String shortName, String area) {
            this.file = file; this.title = title; this.shortName = shortName; this.area = area;
        }

        void line(String raw) {
            String line = raw.replace('\t', ' ');
            Matcher g = GLOSS.matcher(line);
            if (g.matches()) {
                finishBlock();
                String content = g.group(1).strip();
                Matcher q = QUESTION.matcher(content);
                if (q.matches()) {
                    questions.add(q.group(1).strip());
                    return;
                }
                StringBuilder target = !shortItems.isEmpty() && lastBlockStart < 0 ? shortGloss : gloss;
                if (target.length() > 0) target.append(' ');
                target.append(content);
                return;
            }
            if (line.isBlank()) {
                finishBlock();
                return;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches() && !line.startsWith(" ")) {
                flush();
                leadIn = null;
                pendingLeadIn = null;
                parentItem = null;
                int level = h.group(1).length();
                headings[level] = cleanHeading(h.group(2));
                for (int l = level + 1; l < headings.length; l++) headings[l] = null;
                return;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                flushGloss();
                finishBlock();
                if (pendingLeadIn != null) { leadIn = pendingLeadIn; pendingLeadIn = null; }
                kind = Kind.ITEM;
                itemIndent = item.group(1).length();
                itemNumber = item.group(2) != null ? item.group(2) : item.group(3) != null ? "(" + item.group(3) + ")" : null;
                if (itemIndent > 0 && parentItem != null && itemIndent > parentIndent) {
                    nested = true;                       // a sub-item: shown with the item it belongs to
                    if (itemNumber == null) itemNumber = parentRef;
                } else {
                    nested = false;
                    parentItem = null;
                    parentIndent = itemIndent;
                    pendingParent = true;
                }
                block.append(item.group(4).strip());
                return;
            }
            if (kind == Kind.ITEM && (line.startsWith(" ") || !endsSentence(block))) {
                block.append(' ').append(line.strip());
                return;
            }
            if (kind == Kind.NONE) {
                flushGloss();
                kind = Kind.PARAGRAPH;
            } else if (kind == Kind.ITEM) {
                finishBlock();
                flushGloss();
                kind = Kind.PARAGRAPH;
            }
            if (block.length() > 0) block.append(' ');
            block.append(line.strip());
        }

        private static boolean endsSentence(StringBuilder sb) {
            if (sb.length() == 0) return true;
            char c = sb.charAt(sb.length() - 1);
            return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
        }

        /** Ends the current block; its passages are emitted so a following gloss can attach. */
        void finishBlock() {
            if (kind == Kind.NONE) return;
            String raw = block.toString().strip();
            String text = PassageText.plain(raw);
            block.setLength(0);
            Kind k = kind;
            kind = Kind.NONE;
            if (text.isEmpty()) return;
            if (k == Kind.PARAGRAPH) {
                flushShortItems();
                leadIn = null;
                parentItem = null;
                if (PassageText.endsLeadIn(text) && text.length() < 400) {
                    emitPendingLeadInAsParagraph();
                    pendingLeadIn = text; // a lead-in, unless no list follows
                    lastBlockStart = -1;  // its gloss, if any, belongs to no passage
                    return;
                }
                emitPendingLeadInAsParagraph();
                Matcher m = NUMBERED_PARAGRAPH.matcher(text);
                if (m.matches()) emit(text, m.group(1), "");
                else emit(text, null, "");
            } else {
                String term = "";
                Matcher t = GLOSSARY_TERM.matcher(raw);
                if (t.matches()) term = PassageText.plain(t.group(1));
                String shown = term.isEmpty() ? text : text.replaceFirst("^" + Pattern.quote(term) + "\\s*[:–—-]\\s*", term + ": ");
                String intro = nested ? (leadIn == null ? parentItem : leadIn + " " + parentItem) : leadIn;
                if (pendingParent) {
                    parentItem = text;
                    parentRef = itemNumber;
                    pendingParent = false;
                }
                if (!nested && term.isEmpty() && itemNumber == null && shown.length() < SHORT_ITEM) {
                    flushGloss();
                    shortItems.add(shown);     // a list of names: kept together as one passage
                    shortLeadIn = leadIn;
                    lastBlockStart = -1;
                    return;
                }
                flushShortItems();
                emit(PassageText.withLeadIn(intro, shown, Passage.MAX_TEXT), itemNumber, term);
            }
        }

        /** Emits the buffered short items ("Volunteering", "Equality") as one passage. */
        void flushShortItems() {
            if (shortItems.isEmpty()) return;
            String joined = String.join("; ", shortItems);
            shortItems.clear();
            String saved = leadIn;
            leadIn = shortLeadIn;
            String glossText = shortGloss.toString().strip();
            shortGloss.setLength(0);
            emit(PassageText.withLeadIn(shortLeadIn, joined, Passage.MAX_TEXT), null, "");
            if (!glossText.isEmpty()) gloss.append(glossText);
            questions.addAll(shortQuestions);
            shortQuestions.clear();
            flushGloss();
            leadIn = saved;
        }

        private void emitPendingLeadInAsParagraph() {
            if (pendingLeadIn != null) {
                String p = pendingLeadIn;
                pendingLeadIn = null;
                emit(p, null, "");
            }
        }

        void emit(String text, String ref, String term) {
            flushGloss();
            lastBlockStart = passages.size();
            List<String> path = new ArrayList<>();
            for (String h : headings) if (h != null) path.add(h);
            if (!path.isEmpty() && path.get(0).equalsIgnoreCase(title)) path.remove(0);
            Party party = Party.NONE;
            for (String h : path) {
                Party p = Party.fromHeading(h);
                if (p != Party.NONE) party = p;
            }
            if (party == Party.NONE && leadIn != null) party = Party.fromHeading(leadIn);
            for (String piece : PassageText.split(text, Passage.MAX_TEXT)) {
                String id = MarkdownCompactParser.stripExtension(file) + "#" + (passages.size() + 1);
                passages.add(new Passage(id, piece, "", title, shortName, area, path, ref, party, term, List.of()));
            }
        }

        void flushGloss() {
            if (gloss.length() == 0 && questions.isEmpty()) return;
            String text = PassageText.plain(gloss.toString());
            gloss.setLength(0);
            List<String> asked = List.copyOf(questions);
            questions.clear();
            if (lastBlockStart < 0) {
                if (!shortItems.isEmpty()) shortQuestions.addAll(asked);
                return;
            }
            for (int p = lastBlockStart; p < passages.size(); p++) {
                Passage old = passages.get(p);
                String combined = old.gloss().isEmpty() ? text : text.isEmpty() ? old.gloss() : old.gloss() + " " + text;
                List<String> qs = new ArrayList<>(old.questions());
                qs.addAll(asked);
                passages.set(p, new Passage(old.id(), old.text(), combined, old.document(), old.citationName(),
                        old.area(), old.sectionPath(), old.ref(), old.party(), old.term(), qs));
            }
        }

        void flush() {
            finishBlock();
            flushShortItems();
            flushGloss();
            emitPendingLeadInAsParagraph();
            flushGloss();
        }

        private static String cleanHeading(String h) {
            String s = PassageText.plain(h);
            while (s.endsWith(":")) s = s.substring(0, s.length() - 1).strip();
            return s;
        }
    }
}
