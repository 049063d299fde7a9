package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseProgressTest {
    private static ChallengeCase raised(CaseStatus status, String createdAt, String assignedAt, String outcome) {
        Instant created = Instant.parse(createdAt);
        return new ChallengeCase("CC-2026-0001", status, "west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                "sam@lunchclub.org.uk", "mail:sam@lunchclub.org.uk", status == CaseStatus.SUBMITTED ? null : "m-funding", "", Map.of(),
                created, created, assignedAt == null ? null : Instant.parse(assignedAt), null, null, null, outcome);
    }

    @ParameterizedTest(name = "[{index}] {0} raised {1}, assigned {2}, on {3}: due {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // five working days to find a mediator; three to accept; twenty to a formal response
            "SUBMITTED    | 2026-11-02T10:00:00Z | -                    | 2026-11-02 | 2026-11-09 | false",
            "ASSIGNED     | 2026-11-02T10:00:00Z | 2026-11-02T10:05:00Z | 2026-11-03 | 2026-11-05 | false",
            // Christmas Day (Friday) and Boxing Day's substitute (Monday 28 December) are not working days
            "ASSIGNED     | 2026-12-23T10:00:00Z | 2026-12-24T09:00:00Z | 2026-12-24 | 2026-12-31 | false",
            "ASSIGNED     | 2026-11-02T10:00:00Z | 2026-11-02T10:05:00Z | 2026-11-10 | 2026-11-05 | true",
            "IN_MEDIATION | 2026-11-02T10:00:00Z | 2026-11-02T10:05:00Z | 2026-11-20 | 2026-11-30 | false",
            "ACCEPTED     | 2026-11-02T10:00:00Z | 2026-11-02T10:05:00Z | 2026-11-20 | 2026-11-30 | false",
            "ESCALATED    | 2026-11-02T10:00:00Z | -                    | 2026-11-20 | -          | false",
            "RESOLVED     | 2026-11-02T10:00:00Z | 2026-11-02T10:05:00Z | 2026-11-20 | -          | false",
    })
    void theNextDeadlineCountsWorkingDaysAsTheTimersDo(CaseStatus status, String created, String assigned, LocalDate today,
                                                       LocalDate due, boolean overdue) {
        CaseProgress p = CaseProgress.of(raised(status, created, assigned, null), today);
        assertEquals(due, p.nextDeadline());
        assertEquals(overdue, p.overdue());
        String words = p.inWords();
        assertTrue(words.startsWith("Your challenge CC-2026-0001 about Cheshire West and Chester Council is " + status.inWords() + "."), words);
        assertTrue(words.contains("\nNext step: "), words);
        assertEquals(due != null, words.contains("Next deadline: "), words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ASSIGNED | Next deadline: Thursday 5 November 2026.",
            "IN_MEDIATION | a formal response is due by then",
    })
    void theDeadlineAndStepAreSaidAsAPersonReadsThem(CaseStatus status, String expected) {
        String words = CaseProgress.of(raised(status, "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", null), LocalDate.of(2026, 11, 3)).inWords();
        assertTrue(words.contains(expected), words);
    }

    @ParameterizedTest(name = "[{index}] {0}, paused {1} (now: {2}), body due {3}: due {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // waiting for the complainant: no deadline while the clock is stopped
            "AWAITING_COMPLAINANT | 3 | true  | -          | -          | please reply to their email",
            // waiting for the body: its own deadline
            "AWAITING_BODY        | 4 | true  | 2026-12-01 | 2026-12-01 | has been asked for its formal response, due by then",
            // back in mediation after 5 days paused: the formal response is due 5 working days later (30 November + 5)
            "IN_MEDIATION         | 5 | false | -          | 2026-12-07 | a formal response is due by then",
    })
    void aPausedCaseSaysWhoWeWaitForAndHowLong(CaseStatus status, int days, boolean now, LocalDate bodyDue, LocalDate due, String step) {
        PausedTime paused = new PausedTime(days, now ? LocalDate.of(2026, 11, 16) : null, now ? status : null);
        CaseProgress p = CaseProgress.of(raised(status, "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", null), LocalDate.of(2026, 11, 20),
                paused, AreaProcess.standard("west-cheshire"), bodyDue);
        assertEquals(due, p.nextDeadline());
        String words = p.inWords();
        assertTrue(words.contains(step), words);
        assertTrue(words.contains("Clock paused: " + days + " working days" + (now ? " so far, since Monday 16 November 2026." : " in all.")), words);
    }

    @org.junit.jupiter.api.Test
    void aClosedCaseSaysHowItEnded() {
        String words = CaseProgress.of(raised(CaseStatus.RESOLVED, "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z",
                "the council restored the grant"), LocalDate.of(2026, 12, 1)).inWords();
        assertTrue(words.contains("is resolved.") && words.contains("closed (the council restored the grant)"), words);
    }
}
