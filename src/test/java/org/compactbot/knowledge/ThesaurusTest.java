package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThesaurusTest {
    private static final CompactAnalyzers ANALYZERS = load();

    private static CompactAnalyzers load() {
        try {
            return new CompactAnalyzers(Files.readString(Path.of("index-data", CorpusLoader.THESAURUS)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "\"{0}\" also searches for \"{1}\"")
    @CsvSource({
            "the council cut our grant, decommission",
            "our charity, voluntary",
            "two weeks warning, notice",
            "money up front, advance",
            "helpers, volunteer",
            "police check, dbs",
            "statutory sector, council",
    })
    void linksEverydayWordsToCompactTerms(String question, String compactTerm) {
        List<String> expanded = CompactAnalyzers.tokens(ANALYZERS.query(), question);
        String stem = ANALYZERS.stems(compactTerm).get(0);
        assertTrue(expanded.contains(stem), question + " -> " + expanded + " lacks " + stem);
    }

    @ParameterizedTest
    @CsvSource({"volunteers, volunteering", "consultations, consultation", "funders, funder"})
    void stemsInflectionsTogether(String a, String b) {
        assertTrue(ANALYZERS.stems(a).equals(ANALYZERS.stems(b)), a + " vs " + b);
    }

    @org.junit.jupiter.api.Test
    void shippedThesaurusHasNoBadLines() {
        assertTrue(ANALYZERS.thesaurusProblems().isEmpty(), ANALYZERS.thesaurusProblems().toString());
    }
}
