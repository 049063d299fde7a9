package org.compactbot.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link Letter} as a Word document (.docx): the smallest WordprocessingML package Word, LibreOffice and Google Docs
 * open ({@code [Content_Types].xml}, {@code _rels/.rels}, {@code word/document.xml}), written with java.util.zip so no
 * library is needed. The subject in bold, the Compact's words indented in italics. Every string is XML-escaped and
 * characters XML cannot hold are dropped, so nothing a person typed can break or change the document.
 */
public final class LetterDocument {
    /** The media type of a .docx file. */
    public static final String TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private LetterDocument() {}

    public static byte[] docx(Letter letter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", document(letter));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return bytes.toByteArray();
    }

    static String document(Letter letter) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"")
                .append(W).append("\"><w:body>");
        paragraph(sb, letter.subject(), "<w:b/>", "");
        for (Letter.Paragraph p : letter.paragraphs()) {
            paragraph(sb, p.text(), p.quote() ? "<w:i/>" : "", p.quote() ? "<w:ind w:left=\"720\" w:right=\"720\"/>" : "");
        }
        sb.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                + "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
                + "</w:sectPr></w:body></w:document>");
        return sb.toString();
    }

    /** One paragraph; its lines as runs joined by line breaks. */
    private static void paragraph(StringBuilder sb, String text, String runProperties, String paragraphProperties) {
        sb.append("<w:p><w:pPr>").append(paragraphProperties).append("<w:spacing w:after=\"200\"/></w:pPr><w:r>");
        if (!runProperties.isEmpty()) sb.append("<w:rPr>").append(runProperties).append("</w:rPr>");
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) sb.append("<w:br/>");
            sb.append("<w:t xml:space=\"preserve\">").append(escape(lines[i])).append("</w:t>");
        }
        sb.append("</w:r></w:p>");
    }

    /** Text as XML character data: markup escaped, characters XML 1.0 cannot hold (controls, lone surrogates) dropped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(ch).append(s.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(ch) || ch == '\uFFFE' || ch == '\uFFFF' || (ch < 0x20 && ch != '\t')) continue;
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\t' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
