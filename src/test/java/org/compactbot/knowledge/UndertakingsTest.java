package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only promises are offered as "the undertaking that was broken". */
class UndertakingsTest {
    private static Passage passage(String text, Party party, String term, String section) {
        return new Passage("p", text, "", "doc", "Doc", "area", List.of(section), null, party, term, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Give a minimum of three months' notice in writing when changing or ending a funding relationship | PUBLIC_SECTOR | | Managing change | true",
            "Review all feedback and take the results into account in future planning. | PUBLIC_SECTOR | | Consultation | true",
            "Funding and Commissioning; Volunteering; Consultation and Engagement; Equality and Diversity; Partnerships | NONE | | Codes of practice | false",
            "grant: is financial support given to an organisation which provides a service | NONE | grant | Jargon buster | false",
            "This Compact was agreed in 2010 by the partners listed below. | NONE | | Introduction | false",
            "Our Compact helps us get it right together rather than wrong alone. | NONE | | Introduction | false",
    })
    void onlyPromisesAreOffered(String text, Party party, String term, String section, boolean expected) {
        assertEquals(expected, Undertakings.isUndertaking(passage(text, party, term, section)));
    }
}
