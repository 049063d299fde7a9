package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.ChallengeCase.BodyRequest;
import org.compactbot.cases.ChallengeCase.BodyRequest.Answer;
import org.junit.jupiter.api.Test;

/** The report's figures on paused clocks and the body's response, from cases in and nobody named. */
class ClockFiguresTest {
    private static ChallengeCase c(String ref, String created, BodyRequest body) {
        Instant at = Instant.parse(created);
        return new ChallengeCase(ref, CaseStatus.IN_MEDIATION, "west-cheshire", "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                "sam@lunchclub.org.uk", null, "m-funding", "", Map.of(), at, at, at, at, at, null, null, body);
    }

    private static BodyRequest body(String asked, String answered, Answer how) {
        return new BodyRequest("Cheshire West and Chester Council", "compact@cheshirewest.example", Instant.parse(asked),
                answered == null ? null : Instant.parse(answered), how);
    }

    @Test
    void countsPausedDaysAndTheBodysResponses() {
        List<ChallengeCase> cases = List.of(
                c("CC-2026-0001", "2026-03-02T10:00:00Z", body("2026-03-03T10:00:00Z", "2026-03-10T10:00:00Z", Answer.REPLIED)), // 5 working days
                c("CC-2026-0002", "2026-04-01T10:00:00Z", body("2026-04-01T10:00:00Z", "2026-04-15T10:00:00Z", Answer.REPLIED)), // Easter: 8
                c("CC-2026-0003", "2026-05-04T10:00:00Z", body("2026-05-05T10:00:00Z", "2026-05-07T10:00:00Z", Answer.FINAL_RESPONSE_TOLD)),
                c("CC-2026-0004", "2026-06-01T10:00:00Z", body("2026-06-01T10:00:00Z", null, null)), // deadline long past
                c("CC-2026-0005", "2026-12-01T10:00:00Z", body("2026-12-01T10:00:00Z", null, null)), // still within its deadline
                c("CC-2026-0006", "2026-07-01T10:00:00Z", null),
                c("CC-2025-0001", "2025-07-01T10:00:00Z", body("2025-07-01T10:00:00Z", null, null))); // another year
        Map<String, Integer> paused = Map.of("CC-2026-0001", 5, "CC-2026-0002", 8, "CC-2026-0003", 2, "CC-2026-0006", 3);
        var f = ClockFigures.of(2026, cases, k -> new PausedTime(paused.getOrDefault(k.ref(), 0), null, null),
                k -> WorkingDays.plus(LocalDate.ofInstant(k.body().askedAt(), java.time.ZoneOffset.UTC), 20), AreaProcess::standard,
                LocalDate.of(2026, 12, 10));
        assertEquals(18, f.pausedDaysTotal());
        assertEquals(4, f.casesPaused());
        assertEquals(4.0, f.medianPausedDays());
        assertEquals(5, f.bodiesAsked());
        assertEquals(2, f.answeredOnThread());
        assertEquals(1, f.finalResponseTold());
        assertEquals(1, f.unansweredByDeadline());
        assertEquals(6.5, f.medianBodyResponseDays(), "5 and 8 working days (Good Friday and Easter Monday not counted)");
        String csv = ClockFigures.csv(f);
        assertTrue(csv.contains("paused_working_days,total,18\n") && csv.contains("body_requests,unanswered_by_deadline,1\n")
                && csv.contains("body_response_working_days,median,6.5\n"), csv);
        String md = ClockFigures.markdown(f);
        assertTrue(md.contains("18 in all, over 4 cases (median 4.0)") && md.contains("| unanswered by the deadline | 1 |"), md);
        assertTrue(!csv.contains("Sam") && !md.contains("Sam") && !md.contains("Lunch Club"), "nobody named");
    }
}
