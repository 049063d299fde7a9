package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When cases and drafts have been kept long enough. */
class RetentionPolicyTest {
    @Test
    void casesAreKeptWholeUkCalendarYearsAfterClosure() {
        String[][] table = {
                // years, now, cases closed before this are due
                {"6", "2032-11-24T10:00:00Z", "2026-11-24T10:00:00Z"},
                {"6", "2032-02-29T12:00:00Z", "2026-02-28T12:00:00Z"},   // a leap day falls back to 28 February
                {"1", "2027-07-01T00:30:00Z", "2026-07-01T00:30:00Z"},   // across summer time: the same UK wall-clock time
                {"6", "2033-03-27T00:30:00Z", "2027-03-27T00:30:00Z"},
        };
        for (String[] row : table) {
            RetentionPolicy p = new RetentionPolicy(Integer.parseInt(row[0]), 30);
            assertEquals(Instant.parse(row[2]), p.casesClosedBefore(Instant.parse(row[1])), String.join(" ", row));
        }
    }

    @Test
    void draftsAreAbandonedAfterTheDaysUntouched() {
        assertEquals(Instant.parse("2026-10-25T10:00:00Z"), new RetentionPolicy(6, 30).draftsUntouchedBefore(Instant.parse("2026-11-24T10:00:00Z")));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), new RetentionPolicy(6, 1).draftsUntouchedBefore(Instant.parse("2026-11-24T10:00:00Z")));
    }

    @Test
    void periodsOfLessThanOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(0, 30));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(6, 0));
    }
}
