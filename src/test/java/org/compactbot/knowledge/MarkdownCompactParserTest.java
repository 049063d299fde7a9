package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownCompactParserTest {
    private final MarkdownCompactParser parser = new MarkdownCompactParser();

    private static final String SAMPLE = """
            ---
            title: Test Compact in Action
            short: Test Compact
            area: test-area
            kind: compact
            contact: "Compact Team, 01234 567890"
            ---

            ## Managing Changes to Services
            ### Public sector undertakings

            Public sector partners agree to:
            1. Give at least 12 weeks notice of any changes to policy
               that affect funding.
               > The council must warn you 12 weeks before changing grant rules.
               > Q: how much warning before grant rules change?
            2. Give a minimum of three months notice in writing.

            ### Undertakings for VCS

            5.4 Be open about how money is spent.
            > Groups should say how they spend public money.

            ## Jargon Buster

            - **Stakeholder**: Person or group that has a vested interest.
            """;

    @Test
    void bulletIsShownWithTheSentenceThatIntroducesItsList() {
        Passage first = parser.parse("test.md", SAMPLE, "other").passages().get(0);
        assertEquals("Public sector partners agree to: Give at least 12 weeks notice of any changes to policy that affect funding.",
                first.text());
        assertEquals("1", first.ref());
        assertEquals(Party.PUBLIC_SECTOR, first.party());
        assertEquals("The council must warn you 12 weeks before changing grant rules.", first.gloss());
        assertEquals(List.of("how much warning before grant rules change?"), first.questions());
    }

    @Test
    void citationNamesDocumentSectionPartyAndNumber() {
        Passage second = parser.parse("test.md", SAMPLE, "other").passages().get(1);
        assertEquals("Test Compact › Managing Changes to Services › Public sector undertaking 2", second.citation());
        assertEquals("Managing Changes to Services › Public sector undertakings", second.section());
    }

    @Test
    void numberedParagraphCarriesItsRefAndParty() {
        Passage p = parser.parse("test.md", SAMPLE, "other").passages().get(2);
        assertEquals("5.4", p.ref());
        assertEquals(Party.VOLUNTARY_SECTOR, p.party());
        assertEquals("Groups should say how they spend public money.", p.gloss());
    }

    @Test
    void glossaryEntryKeepsItsTerm() {
        Passage p = parser.parse("test.md", SAMPLE, "other").passages().get(3);
        assertEquals("Stakeholder", p.term());
        assertEquals("Stakeholder: Person or group that has a vested interest.", p.text());
    }

    @Test
    void frontMatterGivesAreaTitleAndContact() {
        CompactDocument d = parser.parse("test.md", SAMPLE, "other");
        assertEquals("test-area", d.area());
        assertEquals("Test Compact in Action", d.title());
        assertEquals("Compact Team, 01234 567890", d.contact());
        assertEquals(4, d.passages().size());
    }

    @Test
    void longParagraphIsSplitAtSentenceEndsWithinTheLimit() {
        String sentence = "This sentence is about funding and consultation in the borough. ";
        CompactDocument d = parser.parse("long.md", "## Part\n\n" + sentence.repeat(30), "x");
        assertTrue(d.passages().size() > 1);
        for (Passage p : d.passages()) {
            assertTrue(p.text().length() <= Passage.MAX_TEXT, p.text().length() + " chars");
            assertTrue(p.text().endsWith("."), "split mid-sentence: " + p.text());
        }
    }

    @Test
    void runOfShortItemsBecomesOnePassage() {
        String md = "## Codes\n\nOur codes are:\n- Funding\n- Consultation\n- Volunteering\n";
        List<Passage> ps = parser.parse("c.md", md, "x").passages();
        assertEquals(1, ps.size());
        assertEquals("Our codes are: Funding; Consultation; Volunteering", ps.get(0).text());
    }

    @Test
    void shippedDocumentsYieldCitablePassages() throws Exception {
        Corpus corpus = new CorpusLoader().load(java.nio.file.Path.of("index-data"));
        assertEquals(5, corpus.documents().size(), "documents: " + corpus.problems());
        assertEquals(List.of("redcar-cleveland", "west-cheshire", "wolverhampton"), corpus.areas());
        for (CompactDocument d : corpus.documents()) {
            assertTrue(d.passages().size() >= 30, d.file() + " has only " + d.passages().size() + " passages");
            assertFalse(d.contact().isBlank(), d.file() + " has no contact");
            for (Passage p : d.passages()) {
                assertTrue(p.text().length() <= Passage.MAX_TEXT, p.id());
                assertFalse(p.text().contains("**"), "markup left in " + p.id());
            }
        }
        Passage principles54 = find(corpus, "wolverhampton-compact-principles.md", "5.4");
        assertTrue(principles54.text().contains("three months"), principles54.text());
        Passage wc = corpus.passages().stream()
                .filter(p -> p.citation().startsWith("West Cheshire Compact › Managing Changes to Services › Public sector undertaking"))
                .filter(p -> p.text().contains("three months")).findFirst().orElseThrow();
        assertEquals(Party.PUBLIC_SECTOR, wc.party());
        assertTrue(corpus.passages().stream().anyMatch(p -> p.term().equals("Stakeholder")));
    }

    private static Passage find(Corpus c, String file, String ref) {
        String doc = c.documents().stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow().title();
        return c.passages().stream().filter(p -> p.document().equals(doc) && ref.equals(p.ref())).findFirst().orElseThrow();
    }
}
