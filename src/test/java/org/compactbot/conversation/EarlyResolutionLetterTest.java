package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The early-resolution letter as composed from a challenge's facts, and as a Word document opened back with Apache POI. */
class EarlyResolutionLetterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LetterFacts.Quoted NOTICE = new LetterFacts.Quoted(
            "Give a minimum of three months' notice in writing when changing or ending a funding relationship.",
            "West Cheshire Compact › Funding and resources › 3");
    private static final LetterFacts.Quoted CONSULT = new LetterFacts.Quoted(
            "Consult for a minimum of 12 weeks on changes that affect the sector.", "West Cheshire Compact › Consultation › 5");
    private static final String NOTICE_CHECK = "27 days' notice (told 3 November 2026, takes effect 30 November 2026) against a "
            + "minimum of three months (West Cheshire Compact › Funding and resources › 3). That is less than the Compact's minimum.";

    private static LetterFacts full() {
        return new LetterFacts("Sam Patel", "Northwich Lunch Club", "Cheshire West and Chester Council", "west-cheshire",
                "The council told us our grant ends at the end of the month, with no consultation",
                new KeyDates(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 30), null, null), List.of(NOTICE, CONSULT),
                List.of(NOTICE_CHECK), "Restore the grant until three months' notice has been given", false);
    }

    @Test
    void saysWhatHappenedQuotesEachUndertakingWithItsCitationGivesTheFiguresAndAsksForAResponse() {
        Letter letter = EarlyResolutionLetter.compose(full(), TODAY);
        String text = letter.text();
        assertEquals("Cheshire West and Chester Council", letter.to());
        assertTrue(text.contains("To the Compact lead officer, Cheshire West and Chester Council"), text);
        assertTrue(text.contains("24 November 2026"), text);
        assertTrue(text.contains("on behalf of Northwich Lunch Club"), text);
        assertTrue(text.contains("does not keep to the West Cheshire Compact"), text);
        assertTrue(text.contains("What happened: The council told us our grant ends at the end of the month, with no consultation."), text);
        assertTrue(text.contains("we were told on 3 November 2026; the change takes effect on 30 November 2026"), text);
        assertTrue(text.contains("The Compact's undertakings that apply say:"), text);
        assertTrue(text.contains("\u201C" + NOTICE.text() + "\u201D (West Cheshire Compact › Funding and resources › 3)"), text);
        assertTrue(text.contains("\u201C" + CONSULT.text() + "\u201D (West Cheshire Compact › Consultation › 5)"), text);
        assertTrue(text.contains("27 days' notice (told 3 November 2026, takes effect 30 November 2026) against a minimum of three months"), text);
        assertTrue(text.contains("What we are asking for: Restore the grant until three months' notice has been given."), text);
        assertTrue(text.contains("respond in writing within 20 working days"), text);
        assertTrue(text.contains("the Compact's resolution process"), text);
        assertTrue(text.strip().endsWith("Yours faithfully,\n\nSam Patel\nNorthwich Lunch Club"), text);
        assertEquals(2, letter.paragraphs().stream().filter(Letter.Paragraph::quote).count(), "each undertaking set off as a quote");
        assertTrue(text.indexOf("What happened") < text.indexOf("The key dates") && text.indexOf("The key dates") < text.indexOf("undertakings that apply")
                && text.indexOf("undertakings that apply") < text.indexOf("Measured against") && text.indexOf("Measured against") < text.indexOf("asking for"),
                "in the order a reader needs it: " + text);
    }

    @Test
    void oneUndertakingAndNoCheckFiguresLeaveTheFiguresOutAndSayUndertakingInTheSingular() {
        LetterFacts f = new LetterFacts("Sam Patel", null, "Redcar and Cleveland Borough Council", "redcar-cleveland", "They cut our grant",
                KeyDates.NONE, List.of(CONSULT), List.of(), null, false);
        String text = EarlyResolutionLetter.compose(f, TODAY).text();
        assertTrue(text.contains("The Compact's undertaking that applies says:"), text);
        assertFalse(text.contains("Measured against"), text);
        assertFalse(text.contains("The key dates"), text);
        assertFalse(text.contains("asking for"), text);
        assertFalse(text.contains("on behalf of"), text);
        assertTrue(text.contains("I am writing about a decision by Redcar and Cleveland Borough Council"), text);
        assertTrue(text.strip().endsWith("Yours faithfully,\n\nSam Patel"), text);
    }

    @Test
    void missingFactsAreLeftOutWithoutNullsPlaceholdersOrEmptyHeadings() {
        LetterFacts f = new LetterFacts(null, "  ", "Wolverhampton City Council", null, "(skipped)",
                new KeyDates(null, LocalDate.of(2027, 1, 1), null, null), List.of(NOTICE), List.of(), "(left for a caseworker to complete)", false);
        Letter letter = EarlyResolutionLetter.compose(f, TODAY);
        String text = letter.text();
        for (String bad : List.of("null", "(skipped)", "caseworker", "What happened", "asking for", "on behalf of", "we were told")) {
            assertFalse(text.contains(bad), bad + " in " + text);
        }
        assertTrue(text.contains("the local Compact"), text);
        assertTrue(text.contains("The key dates: the change takes effect on 1 January 2027."), text);
        assertTrue(text.strip().endsWith("Yours faithfully,"), text);
        for (Letter.Paragraph p : letter.paragraphs()) assertFalse(p.text().isBlank(), "no empty paragraph");
        assertTrue(f.enough());
        assertFalse(new LetterFacts(null, null, null, null, null, null, List.of(NOTICE), List.of(), null, false).enough());
        assertFalse(new LetterFacts(null, null, "The council", null, null, null, List.of(), List.of(), null, false).enough());
    }

    @Test
    void aConfidentialComplainantsLetterIsNotSignedWithTheirNameOrOrganisation() {
        LetterFacts f = full();
        LetterFacts confidential = new LetterFacts(f.senderName(), f.senderOrganisation(), f.body(), f.area(), f.whatHappened(), f.dates(),
                f.undertakings(), f.checks(), f.desiredOutcome(), true);
        Letter letter = EarlyResolutionLetter.compose(confidential, TODAY);
        assertFalse(letter.text().contains("Sam Patel"), letter.text());
        assertFalse(letter.text().contains("Northwich Lunch Club"), letter.text());
        assertFalse(new String(LetterDocument.docx(letter), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Sam Patel"));
    }

    @Test
    void theWordDocumentOpensInPoiWithTheSubjectParagraphsAndQuotesInOrder() throws Exception {
        Letter letter = EarlyResolutionLetter.compose(full(), TODAY);
        List<String> paragraphs = paragraphs(LetterDocument.docx(letter));
        assertEquals(letter.subject(), paragraphs.get(0));
        List<String> expected = letter.paragraphs().stream().map(Letter.Paragraph::text).toList();
        assertEquals(expected, paragraphs.subList(1, paragraphs.size()));
        assertTrue(paragraphs.contains("\u201C" + NOTICE.text() + "\u201D (West Cheshire Compact › Funding and resources › 3)"), paragraphs.toString());
        assertTrue(paragraphs.contains(NOTICE_CHECK), paragraphs.toString());
    }

    @Test
    void charactersThatMeanSomethingInXmlAreKeptAsTextAndOnesXmlCannotHoldAreDropped() throws Exception {
        String hostile = "We & \"they\" <b>said</b> ]]> <w:p/> '27' \u0007bell \uD800lone </w:t></w:r> 🌍";
        LetterFacts f = new LetterFacts("Jo <O'Neil> & Co", "A&B \"Group\"", "Council <script>", "west-cheshire", hostile, KeyDates.NONE,
                List.of(new LetterFacts.Quoted("Quote with <tags> & ampersands", "Doc › <Section> › 1")), List.of(), "Restore & <fix>", false);
        Letter letter = EarlyResolutionLetter.compose(f, TODAY);
        byte[] docx = LetterDocument.docx(letter);
        String all = String.join("\n", paragraphs(docx));
        assertTrue(all.contains("What happened: We & \"they\" <b>said</b> ]]> <w:p/> '27' bell lone </w:t></w:r> 🌍"), all);
        assertTrue(all.contains("Jo <O'Neil> & Co\nA&B \"Group\""), all);
        assertTrue(all.contains("\u201CQuote with <tags> & ampersands\u201D (Doc › <Section> › 1)"), all);
        assertTrue(all.contains("To the Compact lead officer, Council <script>"), all);
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml"), entries(docx));
        assertEquals("letter-to-council-script.docx", letter.fileName());
    }

    @Test
    void aReplyCarryingTheLetterComesBackWholeFromTheStoredJsonAndOneStoredBeforeLettersReadsWithNone() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Letter letter = EarlyResolutionLetter.compose(full(), TODAY);
        Reply reply = new Reply("Here is a letter", List.of(), List.of(), letter);
        Reply back = json.readValue(json.writeValueAsString(reply), Reply.class);
        assertEquals(reply, back);
        assertEquals(letter.text(), back.letter().text());
        Reply old = json.readValue("{\"text\":\"hello\",\"choices\":[],\"quotes\":[]}", Reply.class);
        assertTrue(old.givesLetter().isEmpty());
    }

    /** The document's paragraphs as Word sees them; line breaks inside a paragraph as "\n". */
    static List<String> paragraphs(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.add(e.getName());
        }
        return out;
    }
}
