package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Corrections said in passing, and what only looks like one. */
class CorrectionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "actually my email is pat@hooletots.test | email | pat@hooletots.test",
            "sorry, wrong email, it's pat@hooletots.test | email | pat@hooletots.test",
            "oops - typo in my email: it should be pat@hooletots.test | email | pat@hooletots.test",
            "Actually, the area is Redcar | area | Redcar",
            "my name is Pat Hughes | name | Pat Hughes",
            "no, our organisation is Hoole Tots | organisation | Hoole Tots",
            "the dates are told 3/11/2026, ends 30/11/2026 | dates | told 3/11/2026, ends 30/11/2026",
            "actually the respondent is Cheshire West and Chester Council | respondent | Cheshire West and Chester Council",
            "the council cut our grant | | ",
            "my email | | ",
            "about 40 families | | ",
    })
    void aCorrectionNamesTheAnswerAndItsNewValue(String text, String slot, String value) {
        var c = Correction.in(text);
        assertEquals(slot == null ? null : Slot.byId(slot).orElseThrow(), c.map(Correction::slot).orElse(null), text);
        assertEquals(value, c.map(Correction::value).orElse(null), text);
    }
}
