package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two councils' Compacts as they publish them, written by someone who had not read the reader
 * (src/test/resources/eval/byoc): Northfield as plain text extracted from a PDF (contents list, page footers,
 * "8.3" refs under "Northfield Borough Council will:"), Eastmoor as Markdown without front matter (numbered
 * lists under "Public sector partners agree to:", a jargon buster, a contact block). Read as an operator would
 * add them: dropped into an area folder.
 */
class RawCompactReaderTest {
    @TempDir Path dir;

    private Corpus load(String area, String fixture) throws Exception {
        Path src = Path.of("src/test/resources/eval/byoc", area, fixture);
        Path to = Files.createDirectories(dir.resolve(area)).resolve(fixture);
        Files.copy(src, to);
        Corpus c = new CorpusLoader().load(dir);
        assertEquals(java.util.Map.of(), c.problems());
        return c;
    }

    private static Passage find(List<Passage> ps, String words) {
        return ps.stream().filter(p -> p.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage with '" + words + "'"));
    }

    @Test
    void northfieldsUndertakingsKeepTheirRefsSectionsAndParty() throws Exception {
        Corpus c = load("northfield", "northfield-compact.txt");
        CompactDocument d = c.documents().get(0);
        assertEquals("Northfield Compact", d.title());
        assertEquals("northfield", d.area());

        Passage notice = find(c.passages(), "at least 12 weeks");
        assertEquals("8.3", notice.ref());
        assertEquals(Party.PUBLIC_SECTOR, notice.party());
        assertTrue(notice.sectionPath().contains("8. Managing Change and Ending Funding"), notice.sectionPath().toString());
        assertTrue(notice.text().contains("six months’ notice"), "the wrapped lines are one undertaking: " + notice.text());
        assertTrue(notice.citation().contains("8.3"), notice.citation());

        Passage acknowledge = find(c.passages(), "Acknowledge council funding");
        assertEquals("4.17", acknowledge.ref());
        assertEquals(Party.VOLUNTARY_SECTOR, acknowledge.party());
    }

    @Test
    void northfieldsPageFurnitureAndContentsAreNotPassagesAndTheContactBlockIsTheContact() throws Exception {
        Corpus c = load("northfield", "northfield-compact.txt");
        for (Passage p : c.passages()) {
            assertFalse(p.text().matches("(?s).*Page \\d+ of 12.*"), "page footer in " + p.id() + ": " + p.text());
            assertFalse(p.text().contains("........"), "contents line in " + p.id() + ": " + p.text());
            assertFalse(p.text().contains("compact@northfield.gov.uk"), "the contact is not an undertaking: " + p.text());
        }
        String contact = c.documents().get(0).contact();
        assertTrue(contact.contains("compact@northfield.gov.uk") && contact.contains("01632 960418"), contact);

        List<String> terms = c.passages().stream().map(Passage::term).filter(t -> !t.isEmpty()).toList();
        assertTrue(terms.containsAll(List.of("Commissioning", "Full cost recovery", "Working day")), terms.toString());
        assertFalse(terms.stream().anyMatch(t -> t.equalsIgnoreCase("contact details")), "a heading after the glossary is no term: " + terms);
        assertTrue(find(c.passages(), "Monday to Friday").term().equals("Working day"));
    }

    @Test
    void eastmoorsNumberedListsTakeTheirLeadInPartyAndSection() throws Exception {
        Corpus c = load("eastmoor", "eastmoor-compact.md");
        assertEquals("The Eastmoor Compact", c.documents().get(0).title());

        Passage writing = find(c.passages(), "no less than three months before the change");
        assertEquals(Party.PUBLIC_SECTOR, writing.party());
        assertTrue(writing.sectionPath().contains("6. When things change"), writing.sectionPath().toString());
        assertTrue(writing.ref() != null && writing.ref().startsWith("3"), "ref " + writing.ref());

        Passage think = find(c.passages(), "Think ahead about what they would do");
        assertEquals(Party.VOLUNTARY_SECTOR, think.party());

        Passage paperwork = find(c.passages(), "awards under £2,500");
        assertTrue(paperwork.text().contains("Keep the paperwork sensible"), "a nested bullet carries its lead-in: " + paperwork.text());

        String contact = c.documents().get(0).contact();
        assertTrue(contact.contains("compact@eastmoor.gov.uk"), contact);
        List<String> terms = c.passages().stream().map(Passage::term).filter(t -> !t.isEmpty()).toList();
        assertTrue(terms.contains("Core costs"), terms.toString());
    }

    @Test
    void explainReportsWhatWasSkippedAndWhy() throws Exception {
        Path file = Files.createDirectories(dir.resolve("northfield")).resolve("northfield-compact.txt");
        Files.copy(Path.of("src/test/resources/eval/byoc/northfield/northfield-compact.txt"), file);
        CorpusLoader.Explanation e = new CorpusLoader().explain(file, dir);
        assertFalse(e.annotated());
        assertTrue(e.skipped().stream().anyMatch(s -> s.text().startsWith("4. Funding and Commissioning ....") && s.reason().contains("contents")),
                e.skipped().toString());
        assertTrue(e.skipped().stream().anyMatch(s -> s.text().equals("Page 2 of 12")), e.skipped().toString());
    }

    /** A glossary with each term on its own line, as Redcar's is laid out, then the next code after a page break. */
    @Test
    void aTermOnItsOwnLineTakesTheDefinitionBelowItAndTheGlossaryEndsWhereTheOrderBreaks() throws Exception {
        Path area = Files.createDirectories(dir.resolve("redcar"));
        String footer = "Working Together in Partnership\n\n";
        Files.writeString(area.resolve("compact.txt"), "Summary Code of Practice on Funding\n\n"
                + "Public sector partners undertake to:\n\n- Pay grants in advance where the work needs it.\n- Give three months notice.\n\n"
                + footer + "Jargon Buster\n\n"
                + "Accountability\n\nMeans by which organisations report their actions and are answerable to others.\n\n"
                + "BME\n\nBlack and Minority Ethnic voluntary and community organisations and groups.\n\n"
                + "Governance\n\nThe systems and processes for how an organisation is run.\n\n"
                + "Volunteer\n\nSomeone performing a service without payment (except expenses) or coercion\n\n"
                + footer + footer
                + "Summary Code of Practice on Volunteering\n\n"
                + "Public sector partners undertake to:\n\n- Check all proposed legislation for impacts on volunteering.\n- Gather better data on volunteering.\n\n"
                + footer);
        Corpus c = new CorpusLoader().load(dir);
        List<Passage> ps = c.passages();
        Passage governance = find(ps, "The systems and processes");
        assertEquals("Governance", governance.term());
        assertEquals(1, ps.stream().filter(p -> p.text().contains("The systems and processes")).count(), "a definition is one passage");
        Passage volunteer = find(ps, "Someone performing a service");
        assertFalse(volunteer.text().contains("Summary Code"), "the next code is not part of a definition: " + volunteer.text());
        Passage check = find(ps, "Check all proposed legislation");
        assertEquals("", check.term());
        assertEquals(Party.PUBLIC_SECTOR, check.party());
        assertTrue(check.sectionPath().contains("Summary Code of Practice on Volunteering"), check.sectionPath().toString());
    }
}
