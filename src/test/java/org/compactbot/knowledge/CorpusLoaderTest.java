package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {
    @TempDir Path dir;
    private final CorpusLoader loader = new CorpusLoader();

    @Test
    void operatorsWordFileInAnAreaFolderIsIndexedUnderThatArea() throws Exception {
        Path area = Files.createDirectories(dir.resolve("leeds"));
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(area.resolve("leeds-compact.docx"))) {
            doc.createParagraph().createRun().setText("Funding Code");
            doc.createParagraph().createRun().setText("The council will give at least three months notice before ending a grant to a voluntary group.");
            doc.write(out);
        }
        Corpus c = loader.load(dir);
        assertEquals(java.util.Map.of(), c.problems());
        Passage p = c.passages().get(0);
        assertEquals("leeds", p.area());
        assertTrue(p.text().contains("three months notice"), p.text());
    }

    @Test
    void pdfTextIsExtracted() throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(50, 700);
                cs.showText("Public bodies should consult for twelve weeks with community groups.");
                cs.endText();
            }
            pdf.save(dir.resolve("consultation.pdf").toFile());
        }
        Corpus c = loader.load(dir);
        assertTrue(c.passages().get(0).text().contains("twelve weeks"), c.passages().toString());
    }

    @Test
    void brokenAndBinaryFilesAreSkippedWithAReasonAndTheRestIndexed() throws Exception {
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.4 this is not really a pdf".getBytes());
        Files.write(dir.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 5});
        Files.writeString(dir.resolve("good.md"), "---\narea: test\n---\n## Part\n\nA real paragraph about volunteering and expenses.\n");
        Files.writeString(dir.resolve("notes.xyz"), "ignored");
        Corpus c = loader.load(dir);
        assertEquals(1, c.documents().size());
        assertTrue(c.problems().get("binary.txt").contains("binary"), c.problems().toString());
        assertTrue(c.problems().get("broken.pdf").contains("PDF"), c.problems().toString());
        assertEquals(2, c.problems().size(), c.problems().toString());
    }

    @Test
    void contentHashChangesWhenATextChanges() throws Exception {
        Files.writeString(dir.resolve("a.md"), "## A\n\nFirst paragraph about grants and funding.\n");
        String before = loader.load(dir).contentHash();
        assertEquals(before, loader.load(dir).contentHash());
        Files.writeString(dir.resolve("a.md"), "## A\n\nFirst paragraph about grants and funding, changed.\n");
        assertNotEquals(before, loader.load(dir).contentHash());
    }

    @Test
    void windows1252TextIsRead() throws Exception {
        Files.write(dir.resolve("old.txt"), "Groups\u2019 funding should be fair and paid on time to every group.".getBytes("windows-1252"));
        assertTrue(loader.load(dir).passages().get(0).text().contains("Groups\u2019 funding"));
    }
}
