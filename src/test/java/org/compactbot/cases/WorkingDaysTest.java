package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingDaysTest {

    static Stream<Arguments> publishedBankHolidays() {
        return Stream.of(
                // gov.uk/bank-holidays, England and Wales
                Arguments.of(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26"),
                Arguments.of(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"),
                Arguments.of(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28"),
                Arguments.of(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28"),
                Arguments.of(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 "
                        + "2022-09-19 2022-12-26 2022-12-27"),
                Arguments.of(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 "
                        + "2023-12-25 2023-12-26"),
                Arguments.of(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26"),
                Arguments.of(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedBankHolidays")
    void bankHolidaysMatchTheGovUkList(int year, String expected) {
        Set<LocalDate> want = Stream.of(expected.split(" ")).map(LocalDate::parse).collect(Collectors.toSet());
        assertEquals(want, WorkingDays.bankHolidays(year));
    }

    @Test
    void bankHolidaysComeInDateOrder() {
        List<LocalDate> days = List.copyOf(WorkingDays.bankHolidays(2026));
        assertEquals(LocalDate.of(2026, 1, 1), days.get(0));
        assertEquals(LocalDate.of(2026, 12, 28), days.get(days.size() - 1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2020-05-08, Early May bank holiday moved to Friday for VE Day",
            "2022-06-02, Spring bank holiday moved to Thursday",
            "2022-06-03, Platinum Jubilee",
            "2022-09-19, State Funeral of Queen Elizabeth II",
            "2023-05-08, Coronation of King Charles III",
            "2021-12-27, Christmas Day falls on a Saturday: substitute Monday",
            "2021-12-28, Boxing Day falls on a Sunday: substitute Tuesday",
            "2022-12-26, Christmas Day falls on a Sunday: Boxing Day on Monday",
            "2022-12-27, Christmas Day falls on a Sunday: substitute Tuesday",
            "2026-12-28, Boxing Day alone falls on a Saturday: substitute Monday",
            "2022-01-03, New Year's Day falls on a Saturday: substitute Monday",
            "2023-01-02, New Year's Day falls on a Sunday: substitute Monday",
    })
    void specialAndSubstituteDaysAreNotWorkingDays(LocalDate day, String why) {
        assertFalse(WorkingDays.isWorkingDay(day), why);
        assertTrue(WorkingDays.bankHolidays(day.getYear()).contains(day), why);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2020-05-04, the first Monday in May 2020 was a working day",
            "2022-05-30, the last Monday in May 2022 was a working day",
            "2026-12-24, Christmas Eve is a working day",
            "2026-12-29, the Tuesday after Boxing Day 2026 is a working day",
            "2021-12-29, the Wednesday after the 2021 substitutes is a working day",
            "2025-06-02, an ordinary Monday",
    })
    void ordinaryWeekdaysAreWorkingDays(LocalDate day, String why) {
        assertTrue(WorkingDays.isWorkingDay(day), why);
    }

    @Test
    void weekendsAreNotWorkingDays() {
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                assertFalse(WorkingDays.isWorkingDay(d), d.toString());
            }
        }
    }

    @Test
    void everyYearHasEightBankHolidaysOnWeekdaysUnlessProclaimedOtherwise() {
        for (int year = 1990; year <= 2100; year++) {
            Set<LocalDate> days = WorkingDays.bankHolidays(year);
            for (LocalDate d : days) {
                assertEquals(year, d.getYear(), d.toString());
                assertTrue(d.getDayOfWeek().getValue() <= 5, d + " falls at a weekend");
            }
            if (!Set.of(1999, 2002, 2011, 2012, 2022, 2023).contains(year)) assertEquals(8, days.size(), "year " + year);
        }
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05",
            "2038, 2038-04-25", "2285, 2285-03-22"})
    void easterSundayByTheGregorianComputus(int year, LocalDate easter) {
        assertEquals(easter, WorkingDays.easterSunday(year));
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            "2026-03-04, 0, 2026-03-04",   // n == 0 returns start
            "2026-03-07, 0, 2026-03-07",   // even when start is a Saturday
            "2026-03-05, 1, 2026-03-06",   // Thu -> Fri
            "2026-03-06, 1, 2026-03-09",   // Fri -> Mon, across a weekend
            "2026-03-07, 1, 2026-03-09",   // Sat -> Mon
            "2026-03-05, 2, 2026-03-09",   // Thu -> Mon
            "2026-03-02, 5, 2026-03-09",   // a working week
            "2026-12-23, 2, 2026-12-29",   // Wed 23 Dec -> Thu 24, (Fri 25, Sat, Sun, Mon 28 substitute) -> Tue 29
            "2026-12-23, 1, 2026-12-24",
            "2021-12-23, 2, 2021-12-29",   // Thu 23 -> Fri 24, (25-28) -> Wed 29
            "2026-04-02, 1, 2026-04-07",   // Thu before Easter -> Tue after Easter Monday
            "2026-04-02, 5, 2026-04-13",
            "2026-12-18, 20, 2027-01-20",  // 20 working days across Christmas and New Year
    })
    void plusCountsOnlyWorkingDaysAfterStart(LocalDate start, int n, LocalDate expected) {
        assertEquals(expected, WorkingDays.plus(start, n));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2}")
    @CsvSource({
            "2026-03-04, 2026-03-04, 0",   // same day
            "2026-03-09, 2026-03-04, 0",   // end before start
            "2026-03-05, 2026-03-06, 1",
            "2026-03-06, 2026-03-09, 1",   // Fri -> Mon across a weekend
            "2026-03-06, 2026-03-08, 0",   // Fri -> Sun
            "2026-03-02, 2026-03-09, 5",
            "2026-12-23, 2026-12-29, 2",
            "2026-12-23, 2026-12-28, 1",   // the substitute Monday does not count
            "2021-12-24, 2021-12-31, 3",   // 29, 30, 31 Dec 2021
            "2026-12-18, 2027-01-20, 20",
    })
    void betweenCountsWorkingDaysAfterStartUpToAndIncludingEnd(LocalDate start, LocalDate end, int expected) {
        assertEquals(expected, WorkingDays.between(start, end));
    }

    @Test
    void betweenUndoesPlusOnAWorkingDay() {
        LocalDate start = LocalDate.of(2025, 11, 3);
        for (int n = 0; n <= 80; n++) {
            LocalDate end = WorkingDays.plus(start, n);
            assertTrue(n == 0 || WorkingDays.isWorkingDay(end), end.toString());
            assertEquals(n, WorkingDays.between(start, end), "n=" + n);
        }
    }

    @Test
    void negativeWorkingDaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WorkingDays.plus(LocalDate.of(2026, 1, 5), -1));
    }
}
