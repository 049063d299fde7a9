package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompactChecksTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final CompactChecks checks = new CompactChecks(new CompactChecks.Citations() {
        public String notice(String area) { return "Test Compact › 5.4"; }
        public String consultation(String area) { return "Test Compact › 3.4"; }
    });

    @ParameterizedTest(name = "told {0}, effective {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-03 | 2026-11-30 | 27 days' notice               | true",
            "2026-11-29 | 2026-11-30 | 1 day's notice                | true",
            "2026-09-01 | 2026-12-01 | 3 months (91 days) notice     | false",
            "2026-09-01 | 2026-11-30 | 2 months and 29 days (90 days) notice | true",
            "2026-06-01 | 2026-12-15 | 6 months and 14 days (197 days) notice | false",
    })
    void noticeIsMeasuredAgainstThreeMonths(String told, String effective, String span, boolean shortfall) {
        CompactChecks.Finding f = CompactChecks.notice(CompactChecks.rules("wolverhampton"), LocalDate.parse(told), LocalDate.parse(effective), " (5.4)");
        assertTrue(f.text().startsWith(span), f.text());
        assertTrue(f.text().contains("against a minimum of three months (5.4)"), f.text());
        assertEquals(shortfall, f.shortfall());
    }

    @Test
    void westCheshireConsultationBelowEightWeeksIsBelowItsAbsoluteMinimum() {
        CompactChecks.Finding f = checks.check("west-cheshire",
                new KeyDates(null, null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29)), TODAY).get(0);
        assertTrue(f.shortfall());
        assertTrue(f.text().contains("4 weeks"), f.text());
        assertTrue(f.text().contains("absolute minimum of 8 weeks"), f.text());
    }

    @Test
    void tenWeekConsultationElsewhereFallsShortOfTheTwelveWeekStandard() {
        CompactChecks.Finding f = checks.check("wolverhampton",
                new KeyDates(null, null, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 10)), TODAY).get(0);
        assertTrue(f.shortfall());
        assertTrue(f.text().contains("standard of 12 weeks (Test Compact › 3.4)"), f.text());
        assertFalse(f.text().contains("absolute"), f.text());
    }

    @Test
    void changeWithinThreeMonthsIsUrgent() {
        List<CompactChecks.Finding> fs = checks.check("redcar-cleveland",
                new KeyDates(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 31), null, null), TODAY);
        assertEquals(List.of("notice", "urgency"), fs.stream().map(CompactChecks.Finding::kind).toList());
        assertTrue(fs.get(1).text().contains("within three months of the decision"), fs.get(1).text());
    }

    @Test
    void changeLongAgoIsNotUrgent() {
        List<CompactChecks.Finding> fs = checks.check("redcar-cleveland",
                new KeyDates(LocalDate.of(2025, 1, 3), LocalDate.of(2025, 6, 30), null, null), TODAY);
        assertEquals(List.of("notice"), fs.stream().map(CompactChecks.Finding::kind).toList());
    }
}
