package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A council's Word or PDF Compact, made here the way such files are made (Word heading styles; a PDF whose
 * headings are set larger or in bold), read into the same passages, sections and refs as annotated Markdown.
 */
class TextExtractorTest {
    @TempDir Path dir;

    private static void headingStyle(XWPFStyles styles, String id, String name, int level) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewPPr().addNewOutlineLvl().setVal(java.math.BigInteger.valueOf(level - 1));
        styles.addStyle(new XWPFStyle(s));
    }

    private static void para(XWPFDocument doc, String style, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        var run = p.createRun();
        run.setText(text);
        run.setBold(bold);
    }

    @Test
    void wordHeadingStylesBecomeSectionsAndNumberedUndertakingsKeepTheirRefs() throws Exception {
        Path area = Files.createDirectories(dir.resolve("northfield"));
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(area.resolve("northfield-compact.docx"))) {
            XWPFStyles styles = doc.createStyles();
            headingStyle(styles, "Heading1", "heading 1", 1);
            headingStyle(styles, "Heading2", "heading 2", 2);
            para(doc, "Heading1", "Northfield Compact", false);
            para(doc, "Heading2", "Funding and Commissioning", false);
            para(doc, null, "The council will:", false);
            para(doc, null, "4.1 Give at least three months' notice in writing before ending or reducing a grant.", false);
            para(doc, null, "4.2 Pay grants in advance where the group needs the money to start the work.", false);
            para(doc, "Heading2", "Consultation", false);
            para(doc, null, "5.1 Consult for at least twelve weeks on any change that affects voluntary groups.", false);
            doc.write(out);
        }
        Corpus c = new CorpusLoader().load(dir);
        assertEquals(java.util.Map.of(), c.problems());
        Passage notice = find(c.passages(), "three months");
        assertEquals("4.1", notice.ref());
        assertEquals("northfield", notice.area());
        assertTrue(notice.sectionPath().contains("Funding and Commissioning"), notice.sectionPath().toString());
        Passage consult = find(c.passages(), "twelve weeks");
        assertEquals("5.1", consult.ref());
        assertTrue(consult.sectionPath().contains("Consultation"), consult.sectionPath().toString());
        assertEquals("Northfield Compact", c.documents().get(0).title());
    }

    @Test
    void pdfLinesSetLargerThanTheBodyBecomeHeadingsAndPageNumbersAreDropped() throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int pageNo = 1; pageNo <= 2; pageNo++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    float y = 720;
                    List<Object[]> lines = pageNo == 1
                            ? List.of(new Object[] {bold, 20f, "Eastmoor Compact"},
                                    new Object[] {bold, 15f, "Money: grants and contracts"},
                                    new Object[] {regular, 11f, "Public sector partners agree to give groups at least four weeks"},
                                    new Object[] {regular, 11f, "to prepare a bid once a funding round opens."},
                                    new Object[] {regular, 11f, "1"})
                            : List.of(new Object[] {bold, 15f, "Consultation"},
                                    new Object[] {regular, 11f, "Partners will run formal written consultations for twelve weeks"},
                                    new Object[] {regular, 11f, "and say what changed because of them."},
                                    new Object[] {regular, 11f, "2"});
                    for (Object[] l : lines) {
                        cs.beginText();
                        cs.setFont((PDType1Font) l[0], (Float) l[1]);
                        cs.newLineAtOffset(72, y);
                        cs.showText((String) l[2]);
                        cs.endText();
                        y -= (Float) l[1] * (l[0] == regular ? 1.8f : 1.4f);
                        if (l[2].equals("to prepare a bid once a funding round opens.") || l[2].equals("and say what changed because of them.")) y = 60;
                    }
                }
            }
            pdf.save(dir.resolve("eastmoor-compact.pdf").toFile());
        }
        Corpus c = new CorpusLoader().load(dir);
        assertEquals(java.util.Map.of(), c.problems());
        Passage bid = find(c.passages(), "four weeks");
        assertTrue(bid.text().contains("to prepare a bid once a funding round opens."), "wrapped lines are one passage: " + bid.text());
        assertEquals(List.of("Money: grants and contracts"), bid.sectionPath().subList(bid.sectionPath().size() - 1, bid.sectionPath().size()));
        Passage consult = find(c.passages(), "twelve weeks");
        assertTrue(consult.sectionPath().contains("Consultation"), consult.sectionPath().toString());
        assertTrue(c.passages().stream().noneMatch(p -> p.text().strip().matches("\\d+")), "page numbers are not passages");
        assertEquals("Eastmoor Compact", c.documents().get(0).title());
    }

    private static Passage find(List<Passage> ps, String words) {
        return ps.stream().filter(p -> p.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage with '" + words + "' in " + ps));
    }
}
