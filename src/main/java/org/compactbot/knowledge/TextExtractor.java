package org.compactbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The text of a PDF or Word file with the structure the file itself carries, written the way
 * {@link RawCompactReader} reads it: Word heading styles (through Tika's XHTML) and, in a PDF, lines set in a
 * larger font than the body (through PDFBox) become Markdown headings; a paragraph set wholly in bold becomes a
 * bold line; list items become bullets. The words are the file's own.
 */
public final class TextExtractor {
    /** Made on first use: Tika loads all its parsers (about a second), and most corpora are Markdown only. */
    private AutoDetectParser tika;

    private synchronized AutoDetectParser tika() {
        if (tika == null) tika = new AutoDetectParser();
        return tika;
    }

    /** The document's text; an {@link IOException} whose message says why when it has none. */
    public String extract(Path file) throws IOException {
        String text;
        try {
            text = extensionOf(file).equals("PDF") ? pdf(file) : tikaXhtml(file);
        } catch (TikaException | org.xml.sax.SAXException | RuntimeException e) {
            throw new IOException("could not read it as " + extensionOf(file) + " (" + rootMessage(e) + ")");
        } catch (IOException e) {
            throw new IOException("could not read it as " + extensionOf(file) + " (" + rootMessage(e) + ")");
        }
        if (text.isBlank()) throw new IOException("no text could be extracted (scanned image or empty document?)");
        return text;
    }

    // ---------------------------------------------------------------- Word, ODT, RTF: Tika's XHTML

    private String tikaXhtml(Path file) throws IOException, TikaException, org.xml.sax.SAXException {
        ToXMLContentHandler handler = new ToXMLContentHandler();
        try (InputStream in = Files.newInputStream(file)) {
            tika().parse(in, handler, new Metadata(), new ParseContext());
        }
        return fromXhtml(handler.toString());
    }

    /** XHTML as Tika writes it, to lines: h1..h6 as Markdown headings, li as bullets, bold paragraphs as bold lines. */
    static String fromXhtml(String xhtml) {
        StringBuilder out = new StringBuilder();
        Element body = Jsoup.parse(xhtml).body();
        for (Element e : body.select("h1, h2, h3, h4, h5, h6, p, li, td, th")) {
            // a table cell or list item holding paragraphs: the inner ones count (select includes the element itself)
            if (!e.tagName().matches("h[1-6]") && e.select("p, li, h1, h2, h3, h4, h5, h6").stream().anyMatch(x -> x != e)) continue;
            String text = e.text().replace('\u00a0', ' ').strip();
            if (text.isEmpty()) continue;
            String tag = e.tagName();
            if (tag.matches("h[1-6]")) {
                out.append("#".repeat(tag.charAt(1) - '0')).append(' ').append(text).append("\n\n");
            } else if (tag.equals("li")) {
                out.append("- ").append(text).append('\n');
            } else if (whollyBold(e, text) && text.length() <= 120) {
                out.append("**").append(text).append("**\n\n");
            } else {
                out.append(text).append("\n\n");
            }
        }
        return out.toString();
    }

    private static boolean whollyBold(Element e, String text) {
        String bold = e.select("b, strong").text().strip();
        return !bold.isEmpty() && bold.length() >= text.length() - 1;
    }

    // ---------------------------------------------------------------- PDF: PDFBox, with font sizes

    /** One line of a PDF page: its text, its largest font size and whether it is all bold. */
    private record PdfLine(String text, float size, boolean bold, boolean paragraphEnd) {}

    private static String pdf(Path file) throws IOException {
        List<PdfLine> lines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new IOException("it is protected against copying text");
            }
            PDFTextStripper stripper = new PDFTextStripper() {
                final StringBuilder cur = new StringBuilder();
                float size;
                int chars, boldChars;

                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    cur.append(text);
                    for (TextPosition p : positions) {
                        size = Math.max(size, p.getFontSizeInPt());
                        chars++;
                        String font = p.getFont() == null || p.getFont().getName() == null ? "" : p.getFont().getName().toLowerCase(Locale.ROOT);
                        if (font.contains("bold") || font.contains("black") || font.contains("heavy")) boldChars++;
                    }
                }

                @Override
                protected void writeLineSeparator() {
                    endLine(false);
                }

                @Override
                protected void writeParagraphEnd() {
                    endLine(true);
                }

                @Override
                protected void writePageEnd() {
                    endLine(true);
                    lines.add(new PdfLine("\f", 0, false, true));
                }

                void endLine(boolean paragraph) {
                    String t = cur.toString().strip();
                    if (!t.isEmpty()) lines.add(new PdfLine(t, size, chars > 0 && boldChars * 10 >= chars * 9, paragraph));
                    else if (paragraph && !lines.isEmpty()) lines.add(new PdfLine("", 0, false, true));
                    cur.setLength(0);
                    size = 0;
                    chars = 0;
                    boldChars = 0;
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        }
        return fromPdfLines(lines);
    }

    /** Lines in a font clearly larger than the body's become headings, the largest size first (## ...). */
    private static String fromPdfLines(List<PdfLine> lines) {
        Map<Float, Integer> charsBySize = new HashMap<>();
        for (PdfLine l : lines) if (l.size() > 0) charsBySize.merge(Math.round(l.size() * 2) / 2f, l.text().length(), Integer::sum);
        float body = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        TreeSet<Float> headingSizes = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (PdfLine l : lines) if (heading(l, body)) headingSizes.add(Math.round(l.size() * 2) / 2f);
        List<Float> ranked = new ArrayList<>(headingSizes);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            PdfLine l = lines.get(i);
            if (l.text().equals("\f")) {
                out.append("\f\n");
            } else if (l.text().isEmpty()) {
                if (!continues(lines, i)) out.append('\n');
            } else if (heading(l, body)) {
                int level = Math.min(6, 1 + ranked.indexOf(Math.round(l.size() * 2) / 2f));
                out.append('\n').append("#".repeat(level)).append(' ').append(l.text()).append("\n\n");
            } else if (l.bold() && l.text().length() <= 120 && !l.text().endsWith(".")) {
                out.append('\n').append("**").append(l.text()).append("**\n\n");
            } else {
                out.append(l.text()).append('\n');
                if (l.paragraphEnd() && !continues(lines, i)) out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Whether the sentence goes on past a gap PDFBox took for a paragraph end (wide line spacing): the text before
     * does not end a sentence and the next line, at the same size, starts in lower case.
     */
    private static boolean continues(List<PdfLine> lines, int i) {
        int before = i;
        while (before >= 0 && lines.get(before).text().isEmpty()) before--;
        int after = i + 1;
        while (after < lines.size() && lines.get(after).text().isEmpty()) after++;
        if (before < 0 || after >= lines.size()) return false;
        PdfLine b = lines.get(before), a = lines.get(after);
        if (b.text().equals("\f") || a.text().equals("\f") || Math.abs(a.size() - b.size()) > 0.5f) return false;
        return !b.text().matches(".*[.:;!?]$") && Character.isLowerCase(a.text().codePointAt(0));
    }

    private static boolean heading(PdfLine l, float body) {
        return body > 0 && l.size() >= body * 1.15f && l.text().length() <= 120 && l.text().chars().anyMatch(Character::isLetter);
    }

    private static String extensionOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot >= 0 ? n.substring(dot + 1).toUpperCase(Locale.ROOT) : "a document";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
