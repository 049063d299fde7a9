package org.compactbot.knowledge;

import static org.compactbot.knowledge.LineShapes.SMALL_WORDS;
import static org.compactbot.knowledge.LineShapes.isCaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compactbot.knowledge.RawBlock.Heading;

/**
 * Finds the structure in a Compact text nobody annotated (a .txt, a Markdown file without front matter,
 * or the text of a PDF or Word file) and writes it in the index-data Markdown format, so it becomes the
 * same passages an annotated file gives: headings and their levels (Markdown {@code #}, bold lines,
 * numbered headings such as "5. Clear arrangements for ...", capitalised and ALL-CAPS lines, party
 * headings such as "Undertakings for Statutory Sector"), numbered undertakings ({@code 3.4}, {@code 1.},
 * {@code (a)}), bullet lists with their lead-in, glossary entries and the contact block. Page numbers,
 * running headers, contents lists and empty bullets are dropped and reported. Lines are never reworded:
 * only joined where the extraction wrapped them.
 *
 * <p>In order: {@link PageFurniture} leaves the page furniture out, {@link ContactBlocks} takes the contact blocks out,
 * {@link PassageAssembler} (asking {@link RawHeadings} which lines are headings) turns the rest into {@link RawBlock}s,
 * and the title is chosen here. What each left-out line was is kept in {@link LeftOut}.
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

    public Reading read(String text, String fileName) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').replace("\uFEFF", "");
        List<String> lines = new ArrayList<>(List.of(normalised.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) lines.set(i, lines.get(i).stripTrailing());
        LeftOut out = new LeftOut(lines.size());
        PageFurniture.leaveOut(lines, out);
        String contact = ContactBlocks.takeOut(lines, out);
        List<RawBlock> blocks = new PassageAssembler(lines, out.drop, out.pageFurniture()).run();
        String title = titleOf(blocks, fileName);
        return new Reading(RawBlock.markdown(blocks), title, contact, out.inOrder());
    }

    private static String titleOf(List<RawBlock> blocks, String fileName) {
        String name = MarkdownCompactParser.stripExtension(fileName);
        boolean meaningfulName = name.chars().filter(Character::isLetter).count() >= 6 && !name.matches("(?i).*[0-9a-f]{12,}.*");
        for (int k = 0; k < Math.min(blocks.size(), 6); k++) {
            if (blocks.get(k) instanceof Heading h && h.text().length() >= 6 && !h.text().endsWith("?")) return tidyTitle(h.text());
        }
        if (meaningfulName) return tidyTitle(name.replace('_', ' ').replace('-', ' '));
        for (RawBlock b : blocks) if (b instanceof Heading h) return tidyTitle(h.text());
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
}
