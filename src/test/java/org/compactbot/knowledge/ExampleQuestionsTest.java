package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleQuestionsTest {
    private static Passage passage(String id, String ref, String text) {
        return new Passage(id, text, "", "northfield-compact", "Northfield Compact", "northfield", List.of("Funding"), ref,
                Party.NONE, "", List.of());
    }

    private final List<Passage> passages = List.of(
            passage("n#1", "4.3", "The council will give at least three months' notice before ending a grant."),
            passage("n#2", "4.4", "The council will pay grants in advance where this is needed to deliver the work."),
            passage("n#3", "5.1", "The council will consult for at least twelve weeks."));

    @Test
    void questionsJoinThePassageNamedByRefOrByItsWordsAndTheWordingIsUntouched() {
        ExampleQuestions.Applied a = ExampleQuestions.apply("""
                # Example questions for the Northfield Compact

                ## 4.3
                - how much notice do we get before our grant ends?
                - Q: can they just stop our money?

                ## "Pay Grants in ADVANCE"
                * do we get the money up front?
                """, passages);
        assertEquals(List.of("how much notice do we get before our grant ends?", "can they just stop our money?"),
                a.passages().get(0).questions());
        assertEquals(List.of("do we get the money up front?"), a.passages().get(1).questions());
        assertEquals(List.of(), a.passages().get(2).questions());
        for (int i = 0; i < passages.size(); i++) assertEquals(passages.get(i).text(), a.passages().get(i).text());
        assertEquals(List.of(), a.unmatched());
    }

    @Test
    void headingsThatMatchNoPassageAreReportedAndTheOthersStillApply() {
        ExampleQuestions.Applied a = ExampleQuestions.apply("""
                ## 9.9
                - what about section nine?

                ## "words that are nowhere"
                - anything?

                ## 5.1.
                - how long should a consultation last?
                """, passages);
        assertEquals(List.of("9.9", "\"words that are nowhere\""), a.unmatched());
        assertEquals(List.of("how long should a consultation last?"), a.passages().get(2).questions());
    }

    @Test
    void aQuestionAlreadyThereIsNotAddedTwice() {
        String side = "## 4.3\n- how much notice?\n- how much notice?\n";
        ExampleQuestions.Applied a = ExampleQuestions.apply(side, passages);
        assertEquals(List.of("how much notice?"), a.passages().get(0).questions());
        assertTrue(ExampleQuestions.apply("", passages).unmatched().isEmpty());
    }

    @Test
    void aRefWithinASectionPicksOneOfTheItemsEachSectionNumbersFromOne() {
        List<Passage> eastmoor = List.of(
                new Passage("e#1", "Say clearly what the money is for.", "", "Eastmoor", "Eastmoor", "eastmoor",
                        List.of("2. Money: grants and contracts"), "1", Party.PUBLIC_SECTOR, "", List.of()),
                new Passage("e#2", "Warn groups as early as they can.", "", "Eastmoor", "Eastmoor", "eastmoor",
                        List.of("6. When things change", "Reducing or ending funding"), "1", Party.PUBLIC_SECTOR, "", List.of()));
        ExampleQuestions.Applied a = ExampleQuestions.apply("## When things change › 1\n- will they warn us before a cut?\n"
                + "## money > 1\n- what is the grant for?\n## Consultation › 1\n- nothing here\n", eastmoor);
        assertEquals(List.of("what is the grant for?"), a.passages().get(0).questions());
        assertEquals(List.of("will they warn us before a cut?"), a.passages().get(1).questions());
        assertEquals(List.of("Consultation › 1"), a.unmatched());
    }
}
