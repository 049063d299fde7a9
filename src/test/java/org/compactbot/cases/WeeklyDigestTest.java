package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.compactbot.cases.WeeklyDigest.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The weekly digest: which timers have run out (working days, bank holidays, closure days, paused time), and what it names. */
class WeeklyDigestTest {
    private static final String AREA = "west-cheshire";
    /** West Cheshire closed from Christmas Eve to New Year's Day. */
    private static final MediatorDirectory DIRECTORY = new MediatorDirectory(List.of(),
            Map.of(AREA, new AreaLead(AREA, "West Cheshire Compact lead", "compact@cheshirewest.example")), List.of(),
            Map.of(AREA, new AreaProcess(AREA, AreaProcess.AskBody.ON_ACCEPT,
                    List.of(new AreaProcess.Closure(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 1))))));

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    /** A case raised on {@code raised}, with its status moves (day -> status) as its history. */
    static ChallengeCase aCase(String ref, String raised, CaseStatus status, boolean acknowledged, String bodyAsked, Map<String, Object> details) {
        ChallengeCase.BodyRequest body = bodyAsked == null ? null
                : new ChallengeCase.BodyRequest("Cheshire West and Chester Council", "compact@cheshirewest.example", at(bodyAsked), null, null);
        return new ChallengeCase(ref, status, AREA, "Cheshire West and Chester Council", "Lunch Club", "Sam Patel", "sam@lunchclub.org.uk",
                "conv", "m-funding", "test", details, at(raised), at(raised), at(raised), acknowledged ? at(raised) : null, null,
                status.closed() ? at(raised) : null, null, body);
    }

    private static Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("undertakings", "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3");
        d.put("consent", "share");
        return d;
    }

    /** The history: raised (submitted), then each "day:status" move. */
    private static List<CaseEvent> history(String raised, String... moves) {
        List<CaseEvent> h = new ArrayList<>(List.of(new CaseEvent(at(raised), "test", null, "submitted", "raised")));
        String from = "submitted";
        for (String m : moves) {
            String[] p = m.split(":");
            h.add(new CaseEvent(at(p[0]), "test", from, p[1], "moved"));
            from = p[1];
        }
        return h;
    }

    private static WeeklyDigest digest(String today, ChallengeCase c, List<CaseEvent> history) {
        LocalDate day = LocalDate.parse(today);
        return WeeklyDigest.of(AREA, day, List.of(c), DIRECTORY, new WeeklyDigest.Clocks() {
            @Override
            public PausedTime paused(ChallengeCase x) {
                return PausedTime.of(history, day, DIRECTORY.process(AREA)::closedOn);
            }

            @Override
            public LocalDate bodyDeadline(ChallengeCase x) {
                return x.body() == null ? null
                        : WorkingDays.plus(LocalDate.ofInstant(x.body().askedAt(), java.time.ZoneId.of("Europe/London")), 20, DIRECTORY.process(AREA)::closedOn);
            }
        });
    }

    static Stream<Arguments> overdue() {
        return Stream.of(
                // behaviour, raised, today, status, acknowledged, body asked, moves, expected timers (TIMER=working days)
                Arguments.of("not acknowledged: 4 working days is not yet overdue", "2026-11-24", "2026-11-30", CaseStatus.ASSIGNED, false, null,
                        new String[] {}, List.of()),
                Arguments.of("not acknowledged: 5 working days is", "2026-11-24", "2026-12-01", CaseStatus.ASSIGNED, false, null,
                        new String[] {}, List.of("NOT_ACKNOWLEDGED=5")),
                Arguments.of("acknowledged: no timer at 5 working days", "2026-11-24", "2026-12-01", CaseStatus.ASSIGNED, true, null,
                        new String[] {}, List.of()),
                Arguments.of("bank holidays and the closure do not count: raised 21 Dec, 3 working days by 4 Jan", "2026-12-21", "2027-01-04",
                        CaseStatus.ASSIGNED, false, null, new String[] {}, List.of()),
                Arguments.of("after the closure the days count again: 5 working days on 6 Jan", "2026-12-21", "2027-01-06",
                        CaseStatus.ASSIGNED, false, null, new String[] {}, List.of("NOT_ACKNOWLEDGED=5")),
                Arguments.of("Easter: Good Friday and Easter Monday do not count", "2027-03-24", "2027-03-31", CaseStatus.ASSIGNED, false, null,
                        new String[] {}, List.of()),
                Arguments.of("no resolution: 20 working days", "2026-11-02", "2026-11-30", CaseStatus.IN_MEDIATION, true, null,
                        new String[] {"2026-11-03:accepted", "2026-11-04:in_mediation"}, List.of("NO_RESOLUTION=20")),
                Arguments.of("no resolution: 19 working days is not yet", "2026-11-02", "2026-11-27", CaseStatus.IN_MEDIATION, true, null,
                        new String[] {"2026-11-03:accepted", "2026-11-04:in_mediation"}, List.of()),
                Arguments.of("paused days are not counted: 3 days waiting for the complainant", "2026-11-02", "2026-11-30", CaseStatus.IN_MEDIATION,
                        true, null, new String[] {"2026-11-03:accepted", "2026-11-04:awaiting_complainant", "2026-11-09:in_mediation"}, List.of()),
                Arguments.of("paused days are not counted: then due 3 working days later", "2026-11-02", "2026-12-03", CaseStatus.IN_MEDIATION,
                        true, null, new String[] {"2026-11-03:accepted", "2026-11-04:awaiting_complainant", "2026-11-09:in_mediation"},
                        List.of("NO_RESOLUTION=20")),
                Arguments.of("while paused no case timer runs, even past 20 working days", "2026-10-01", "2026-12-01", CaseStatus.AWAITING_COMPLAINANT,
                        false, null, new String[] {"2026-10-02:accepted", "2026-10-05:awaiting_complainant"}, List.of()),
                Arguments.of("the body's response: due 20 working days after asking, not yet on the day", "2026-11-02", "2026-12-01",
                        CaseStatus.AWAITING_BODY, true, "2026-11-03", new String[] {"2026-11-03:accepted", "2026-11-03:awaiting_body"}, List.of()),
                Arguments.of("the body's response: overdue the day after", "2026-11-02", "2026-12-02", CaseStatus.AWAITING_BODY, true, "2026-11-03",
                        new String[] {"2026-11-03:accepted", "2026-11-03:awaiting_body"}, List.of("BODY_RESPONSE=1")),
                Arguments.of("the body's deadline skips the closure: asked 4 Dec, due 12 Jan", "2026-12-03", "2027-01-12", CaseStatus.AWAITING_BODY,
                        true, "2026-12-04", new String[] {"2026-12-04:accepted", "2026-12-04:awaiting_body"}, List.of()),
                Arguments.of("the body's deadline skips the closure: overdue on 13 Jan", "2026-12-03", "2027-01-13", CaseStatus.AWAITING_BODY,
                        true, "2026-12-04", new String[] {"2026-12-04:accepted", "2026-12-04:awaiting_body"}, List.of("BODY_RESPONSE=1")),
                Arguments.of("a closed case has no timers", "2026-10-01", "2026-12-01", CaseStatus.RESOLVED, false, null,
                        new String[] {"2026-10-02:resolved"}, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void overdue(String behaviour, String raised, String today, CaseStatus status, boolean acknowledged, String bodyAsked, String[] moves,
                 List<String> expected) {
        WeeklyDigest d = digest(today, aCase("CC-2026-0001", raised, status, acknowledged, bodyAsked, details()), history(raised, moves));
        assertEquals(expected, d.overdue().stream().map(o -> o.timer() + "=" + o.workingDays()).toList(), behaviour);
    }

    @Test
    void openCasesCountWorkingDaysOpenWithoutThePausedOnesAndListTheBodysDeadline() {
        ChallengeCase c = aCase("CC-2026-0007", "2026-11-02", CaseStatus.AWAITING_BODY, true, "2026-11-09", details());
        WeeklyDigest d = digest("2026-11-16", c, history("2026-11-02", "2026-11-09:accepted", "2026-11-09:awaiting_body"));
        WeeklyDigest.OpenCase open = d.open().get(0);
        assertEquals(10, open.workingDaysOpen() + open.workingDaysPaused());
        assertEquals(5, open.workingDaysPaused());
        assertEquals("m-funding", open.mediator(), "a mediator the directory does not know is shown by id");
        assertEquals(List.of(new WeeklyDigest.AwaitingBody("CC-2026-0007", "Cheshire West and Chester Council", LocalDate.of(2026, 11, 9),
                LocalDate.of(2026, 12, 7))), d.awaitingBody());
        assertTrue(DigestEmail.text(d).contains("CC-2026-0007: Cheshire West and Chester Council, asked 9 November 2026, due by 7 December 2026"),
                DigestEmail.text(d));
    }

    @Test
    void theWeekIsTheLastFullIsoWeekBeforeTheDigestsDay() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<ChallengeCase> cases = List.of(
                aCase("CC-2026-0001", "2026-11-29", CaseStatus.ASSIGNED, true, null, details()), // the Sunday before: last week
                aCase("CC-2026-0002", "2026-11-30", CaseStatus.ASSIGNED, true, null, details()), // Monday: this week
                aCase("CC-2026-0003", "2026-12-06", CaseStatus.WITHDRAWN, true, null, details()), // Sunday: this week, closed that day
                aCase("CC-2026-0004", "2026-12-07", CaseStatus.ASSIGNED, true, null, details())); // the digest's day: next week's
        WeeklyDigest d = WeeklyDigest.of(AREA, monday, cases, DIRECTORY, new WeeklyDigest.Clocks() {
            @Override
            public PausedTime paused(ChallengeCase c) {
                return PausedTime.NONE;
            }

            @Override
            public LocalDate bodyDeadline(ChallengeCase c) {
                return null;
            }
        });
        assertEquals(List.of("CC-2026-0002", "CC-2026-0003"), d.opened().stream().map(WeeklyDigest.NewCase::ref).toList());
        assertEquals(List.of(new WeeklyDigest.ClosedCase("CC-2026-0003", LocalDate.of(2026, 12, 6), CaseStatus.WITHDRAWN)), d.closed());
        assertEquals("2026-W50", d.isoWeek());
        assertEquals(List.of("CC-2026-0001", "CC-2026-0002", "CC-2026-0004"), d.open().stream().map(WeeklyDigest.OpenCase::ref).toList());
        assertTrue(DigestEmail.text(d).contains("In the week of 30 November 2026 to 6 December 2026: 2 new, 1 closed."), DigestEmail.text(d));
        WeeklyDigest late = WeeklyDigest.of(AREA, monday.plusDays(2), cases, DIRECTORY, none());
        assertEquals(d.opened(), late.opened(), "sent late on the Wednesday, the digest still reports the week to Sunday");
        assertEquals(d.closed(), late.closed());
    }

    private static WeeklyDigest.Clocks none() {
        return new WeeklyDigest.Clocks() {
            @Override
            public PausedTime paused(ChallengeCase c) {
                return PausedTime.NONE;
            }

            @Override
            public LocalDate bodyDeadline(ChallengeCase c) {
                return null;
            }
        };
    }

    @Test
    void aConfidentialComplainantIsNeverNamedInTheDigest() {
        Map<String, Object> details = details();
        details.put("consent", "confidential");
        details.put("undertakings", "West Cheshire Compact › Funding › Public sector undertaking 1; what Sam Patel of Lunch Club was promised");
        ChallengeCase named = new ChallengeCase("CC-2026-0009", CaseStatus.ASSIGNED, AREA, "the officer who wrote to Sam Patel at Lunch Club",
                "Lunch Club", "Sam Patel", "sam@lunchclub.org.uk", "conv", "lead:" + AREA, "test", details, at("2026-11-30"), at("2026-11-30"),
                at("2026-11-30"), null, null, null, "resolved with Sam Patel", null);
        ChallengeCase closed = aCase("CC-2026-0010", "2026-12-01", CaseStatus.RESOLVED, true, null, details);
        WeeklyDigest d = WeeklyDigest.of(AREA, LocalDate.of(2026, 12, 14), List.of(named, closed), DIRECTORY, new WeeklyDigest.Clocks() {
            @Override
            public PausedTime paused(ChallengeCase c) {
                return PausedTime.NONE;
            }

            @Override
            public LocalDate bodyDeadline(ChallengeCase c) {
                return null;
            }
        });
        OutgoingEmail email = DigestEmail.of(d, DIRECTORY.lead(AREA).orElseThrow());
        for (String part : List.of(email.subject(), email.text(), email.html())) {
            for (String secret : List.of("Sam", "Patel", "Lunch Club", "lunchclub", "sam@")) {
                assertFalse(part.contains(secret), secret + " in:\n" + part);
            }
        }
        assertTrue(email.text().contains("CC-2026-0009") && email.text().contains("Public sector undertaking 1"), email.text());
        assertTrue(email.text().contains("mediator: the area's Compact lead"), email.text());
        assertEquals("compact@cheshirewest.example", email.to());
    }

    @Test
    void anAreaWithNothingOpenIsToldSo() {
        WeeklyDigest d = WeeklyDigest.of(AREA, LocalDate.of(2026, 12, 7), List.of(), DIRECTORY, new WeeklyDigest.Clocks() {
            @Override
            public PausedTime paused(ChallengeCase c) {
                return PausedTime.NONE;
            }

            @Override
            public LocalDate bodyDeadline(ChallengeCase c) {
                return null;
            }
        });
        assertTrue(d.nothingOpen());
        String text = DigestEmail.text(d);
        assertTrue(text.contains("Nothing is open: no open cases, no overdue timers and nothing waiting for the body."), text);
        assertTrue(text.contains("0 new, 0 closed"), text);
    }
}
