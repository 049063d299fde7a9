package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UkDatesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "3/11/2026            | 2026-11-03",
            "03-11-26             | 2026-11-03",
            "3.11.2026            | 2026-11-03",
            "3 Nov 2026           | 2026-11-03",
            "3rd November         | 2026-11-03",
            "3rd of November 2026 | 2026-11-03",
            "November 3rd         | 2026-11-03",
            "Nov 3, 2026          | 2026-11-03",
            "2026-11-03           | 2026-11-03",
            "yesterday            | 2026-11-23",
            "today                | 2026-11-24",
            "tomorrow             | 2026-11-25",
            "5 January            | 2027-01-05",
            "1st Sept             | 2026-09-01",
            "29 Feb 2028          | 2028-02-29",
    })
    void readsDatesTheWayPeopleInTheUkWriteThem(String text, String expected) {
        assertEquals(LocalDate.parse(expected), UkDates.parseOne(text, TODAY).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2026", "45 November", "sometime soon", "12 weeks", "3/13/2026"})
    void ignoresWhatIsNotADate(String text) {
        assertTrue(UkDates.findAll(text, TODAY).isEmpty(), text);
    }

    @org.junit.jupiter.api.Test
    void labelsToldAndEffectiveDatesFromTheWordsBeforeThem() {
        KeyDates d = KeyDates.read("The grant ends on 30 November 2026; we were told by letter on 3/11/2026", TODAY);
        assertEquals(LocalDate.of(2026, 11, 3), d.told());
        assertEquals(LocalDate.of(2026, 11, 30), d.effective());
        KeyDates c = KeyDates.read("the consultation opened 1 Oct 2026 and closed 29 Oct 2026", TODAY);
        assertEquals(LocalDate.of(2026, 10, 1), c.consultationOpened());
        assertEquals(LocalDate.of(2026, 10, 29), c.consultationClosed());
        KeyDates plain = KeyDates.read("3/11/2026 and 30/11/2026", TODAY);
        assertEquals(LocalDate.of(2026, 11, 3), plain.told());
        assertEquals(LocalDate.of(2026, 11, 30), plain.effective());
    }

    @org.junit.jupiter.api.Test
    void beingToldInTheFutureIsQueried() {
        assertTrue(KeyDates.read("told on 3 Dec 2026, ends 1 Jan 2027", TODAY).problem(TODAY).contains("in the future"));
    }
}
