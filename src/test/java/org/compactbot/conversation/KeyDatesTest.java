package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates a challenge turns on, read from what people write, with the role each date plays. */
class KeyDatesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // told | effective | consultation opened | consultation closed
            "the council told us on 3 November that our grant ends on 30 November. No consultation. We emailed the officer on 5 November"
                    + "| 2026-11-03 | 2026-11-30 | | ",
            "letter 2 march 2026 said grant ends 31 march. thats it | 2026-03-02 | 2026-03-31 | | ",
            "The letter was dated the seventh of September 2026; termination takes effect on the second of November 2026 | 2026-09-07 | 2026-11-02 | | ",
            "the letter was the 2nd of march, and the money stops end of april (30th) | 2026-03-02 | 2026-04-30 | | ",
            "05/10/2026 told, 30/11/2026 end | 2026-10-05 | 2026-11-30 | | ",
            "survey 6th-27th July, letter came 10th August 2026, centre closes 30th September 2026 | 2026-08-10 | 2026-09-30 | | ",
            "they never consulted us; told 1 Oct 2026, ends 31 Oct 2026 | 2026-10-01 | 2026-10-31 | | ",
            "the consultation opened 1 October 2026 and closed 29 October 2026 | | | 2026-10-01 | 2026-10-29",
            "told on 3/11/26, takes effect 30/11/26 | 2026-11-03 | 2026-11-30 | | ",
    })
    void eachDateIsReadForWhatItIs(String text, String told, String effective, String opened, String closed) {
        KeyDates d = KeyDates.read(text, TODAY);
        assertEquals(told == null ? null : LocalDate.parse(told), d.told(), "told");
        assertEquals(effective == null ? null : LocalDate.parse(effective), d.effective(), "effective");
        assertEquals(opened == null ? null : LocalDate.parse(opened), d.consultationOpened(), "opened");
        assertEquals(closed == null ? null : LocalDate.parse(closed), d.consultationClosed(), "closed");
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource({
            "2nd of March,     2026-12-02, 2026-03-02",   // past, not next March
            "15 December,      2026-12-02, 2026-12-15",   // soon to come
            "10 January,       2026-12-02, 2027-01-10",   // within two months
            "the twenty-first of May 2026, 2026-12-02, 2026-05-21",
            "end of February 2026, 2026-12-02, 2026-02-28",
    })
    void aDateWithoutAYearIsThePastYearsUnlessItIsSoonToCome(String text, LocalDate today, LocalDate expected) {
        assertEquals(expected, UkDates.findAll(text, today).get(0).date());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // told | effective | consultation opened | consultation closed, for a challenge about a consultation
            "1st September to 29th September 2026 | | | 2026-09-01 | 2026-09-29",
            "from 6 July 2026 until 3 August 2026 | | | 2026-07-06 | 2026-08-03",
            "it ran 01/09/2026 - 29/09/2026 | | | 2026-09-01 | 2026-09-29",
            "the letter came 2 October 2026 and the grant ends 31 October 2026 | 2026-10-02 | 2026-10-31 | | ",
    })
    void whenTheChallengeIsAboutAConsultationASpanOfDatesIsItsDates(String text, String told, String effective, String opened, String closed) {
        KeyDates d = KeyDates.read(text, TODAY, true);
        assertEquals(told == null ? null : LocalDate.parse(told), d.told(), "told");
        assertEquals(effective == null ? null : LocalDate.parse(effective), d.effective(), "effective");
        assertEquals(opened == null ? null : LocalDate.parse(opened), d.consultationOpened(), "opened");
        assertEquals(closed == null ? null : LocalDate.parse(closed), d.consultationClosed(), "closed");
    }

    @org.junit.jupiter.api.Test
    void itSaysWhenItHadToGuessWhichDateIsWhich() {
        org.junit.jupiter.api.Assertions.assertTrue(KeyDates.reading("we got 3/11/2026 and 30/11/2026", TODAY, false).guessed());
        org.junit.jupiter.api.Assertions.assertFalse(KeyDates.reading("told 3/11/2026, ends 30/11/2026", TODAY, false).guessed());
    }
}
