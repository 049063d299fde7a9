package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The working days a case's clock stood still, read from its history: each row is the case's status moves
 * ("DATE:status" in order), today, the area's closure (or -) and the working days paused, with whether it is paused now.
 */
class PausedTimeTest {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static List<CaseEvent> history(String moves) {
        List<CaseEvent> out = new ArrayList<>();
        String from = null;
        for (String m : moves.trim().split("\\s+")) {
            String[] p = m.split(":");
            out.add(new CaseEvent(LocalDate.parse(p[0]).atTime(10, 0).atZone(UK).toInstant(), "t", from, p[1], "moved"));
            from = p[1];
        }
        return out;
    }

    private static Predicate<LocalDate> closure(String range) {
        if (range == null) return d -> false;
        String[] p = range.split("\\.\\.");
        AreaProcess a = new AreaProcess("x", AreaProcess.AskBody.ON_ACCEPT,
                List.of(new AreaProcess.Closure(LocalDate.parse(p[0]), LocalDate.parse(p[1]))));
        return a::closedOn;
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} (closed {2}): {3} paused, now {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // never paused
            "2026-11-02:assigned 2026-11-03:accepted 2026-11-10:in_mediation                     | 2026-11-20 | -                     | 0  | false",
            // asked the body on Tuesday 3rd, it replied Tuesday 10th: Wed, Thu, Fri, Mon, Tue
            "2026-11-02:assigned 2026-11-03:awaiting_body 2026-11-10:in_mediation                | 2026-11-20 | -                     | 5  | false",
            // still waiting: counted up to today
            "2026-11-02:assigned 2026-11-03:awaiting_body                                        | 2026-11-06 | -                     | 3  | true",
            // paused and resumed on the same day: nothing
            "2026-11-02:accepted 2026-11-04:awaiting_complainant 2026-11-04:in_mediation         | 2026-11-20 | -                     | 0  | false",
            // two pauses add up; a move from one waiting status to the other is one pause
            "2026-11-02:accepted 2026-11-03:awaiting_complainant 2026-11-05:in_mediation 2026-11-09:awaiting_body 2026-11-11:awaiting_complainant 2026-11-13:in_mediation | 2026-11-20 | - | 6 | false",
            // over Christmas: 25 December (Friday) and 28 December (Boxing Day's substitute) are bank holidays
            "2026-12-21:awaiting_body 2027-01-04:in_mediation                                    | 2027-01-10 | -                     | 7  | false",
            // the area's own Christmas shutdown (24 December to 1 January) counts neither
            "2026-12-21:awaiting_body 2027-01-04:in_mediation                                    | 2027-01-10 | 2026-12-24..2027-01-01 | 3  | false",
            // Easter 2027: Good Friday 26 March and Easter Monday 29 March
            "2027-03-24:awaiting_complainant 2027-03-31:in_mediation                             | 2027-04-10 | -                     | 3  | false",
            // escalated while waiting (the body's deadline passed): the pause ends there
            "2026-11-02:awaiting_body 2026-12-01:escalated                                       | 2026-12-20 | -                     | 21 | false",
    })
    void countsTheWorkingDaysACaseWaitedForTheComplainantOrTheBody(String moves, LocalDate today, String closed, int days, boolean now) {
        PausedTime p = PausedTime.of(history(moves), today, closure(closed));
        assertEquals(days, p.workingDays());
        assertEquals(now, p.pausedNow());
    }
}
