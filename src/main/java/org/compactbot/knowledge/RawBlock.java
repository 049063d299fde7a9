package org.compactbot.knowledge;

import java.util.List;

/**
 * What {@link PassageAssembler} finds in a raw text, one block per heading, list item, paragraph or glossary entry, and
 * how the blocks are written in the index-data Markdown format that {@link MarkdownCompactParser} reads. Item,
 * paragraph and definition text grows while wrapped lines are joined on.
 */
sealed interface RawBlock {
    record Heading(int level, String text) implements RawBlock {}

    record Item(int depth, String marker, StringBuilder text) implements RawBlock {}

    record Para(StringBuilder text) implements RawBlock {}

    record Term(String term, StringBuilder definition) implements RawBlock {}

    /** The running text of a block, for joining a wrapped line on ("" for a heading; "Term:" for a term still without its definition). */
    static String textOf(RawBlock b) {
        if (b instanceof Para p) return p.text().toString();
        if (b instanceof Item it) return it.text().toString();
        if (b instanceof Term t) return t.definition().length() == 0 ? t.term() + ":" : t.definition().toString();
        return "";
    }

    /** The blocks as index-data Markdown: a blank line between blocks, none inside a list or glossary. */
    static String markdown(List<RawBlock> blocks) {
        StringBuilder out = new StringBuilder();
        RawBlock prev = null;
        for (RawBlock b : blocks) {
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
