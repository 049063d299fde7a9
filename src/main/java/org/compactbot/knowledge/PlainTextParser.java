package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns unstructured text (a .txt file, or what Tika extracted from a PDF or Word file) into
 * passages: paragraphs split at blank lines, short title-like lines taken as headings, page
 * furniture dropped. It knows less than the Markdown format, so answers cite less precisely.
 */
public final class PlainTextParser {
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(page\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?\\s+\\S.*");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*•·▪●◦]\\s+(.*)$");

    public CompactDocument parse(String file, String text, String area) {
        String title = MarkdownCompactParser.stripExtension(file).replace('_', ' ').replace('-', ' ').strip();
        List<Passage> passages = new ArrayList<>();
        String heading = null;
        StringBuilder para = new StringBuilder();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
        List<String> lines = new ArrayList<>(List.of(normalised.split("\n", -1)));
        lines.add("");
        for (String raw : lines) {
            String line = raw.strip();
            if (PAGE_NUMBER.matcher(line).matches()) continue;
            var bullet = BULLET.matcher(raw);
            boolean startsItem = bullet.matches() || NUMBERED.matcher(line).matches();
            if (line.isEmpty() || startsItem) {
                add(passages, file, title, area, heading, para);
                if (line.isEmpty()) continue;
            }
            if (para.length() == 0 && !startsItem && looksLikeHeading(line)) {
                heading = line;
                continue;
            }
            if (para.length() > 0) para.append(' ');
            para.append(bullet.matches() ? bullet.group(1).strip() : line);
        }
        return new CompactDocument(file, title, title, area, "document", file, "", "", passages);
    }

    private static boolean looksLikeHeading(String line) {
        if (line.length() > 80 || line.length() < 3) return false;
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ',' || last == ';') return false;
        String[] words = line.split("\\s+");
        if (words.length > 10) return false;
        int capitalised = 0;
        for (String w : words) if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) capitalised++;
        return capitalised * 2 >= words.length;
    }

    private static void add(List<Passage> out, String file, String title, String area, String heading, StringBuilder para) {
        String text = PassageText.plain(para.toString());
        para.setLength(0);
        if (text.length() < 25 || text.chars().filter(Character::isLetter).count() < text.length() / 2) return;
        var m = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?\\s").matcher(text);
        String ref = m.find() ? m.group(1) : null;
        List<String> path = heading == null ? List.of() : List.of(heading);
        for (String piece : PassageText.split(text, Passage.MAX_TEXT)) {
            String id = MarkdownCompactParser.stripExtension(file) + "#" + (out.size() + 1);
            out.add(new Passage(id, piece, "", title, title, area, path, ref, Party.NONE, "", List.of()));
        }
    }
}
