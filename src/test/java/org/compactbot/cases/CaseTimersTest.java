package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case timers in working days, with a clock the test moves, across restarts. */
class CaseTimersTest {
    @TempDir Path dir;
    CaseFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new CaseFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> purposes() {
        return new org.compactbot.store.SqlOutbox(f.db).due(f.clock.instant().plus(Duration.ofDays(999)), 100).stream()
                .map(p -> p.email().purpose() + ">" + p.email().to()).toList();
    }

    @Test
    void mediatorIsRemindedAfterTwoWorkingDaysThenTheCaseIsReassigned() throws Exception {
        String ref = f.submit("wolverhampton", "Bilston Group", "jo@bilston.org.uk", "City of Wolverhampton Council", "equality", false);
        f.service.routeNew();
        String first = f.store.find(ref).orElseThrow().mediatorId();
        f.sender(0, false).drainOnce();

        f.clock.advance(Duration.ofDays(1)); // Wednesday: 1 working day
        assertEquals(0, f.service.tick());
        f.clock.advance(Duration.ofDays(1)); // Thursday: 2 working days
        assertEquals(1, f.service.tick());
        assertTrue(purposes().contains("accept_reminder>" + f.directory.mediator(first).orElseThrow().email()), purposes().toString());
        f.restart();
        assertEquals(0, f.service.tick(), "a timer fires once, even after a restart");

        f.clock.advance(Duration.ofDays(1)); // Friday: 3 working days
        assertEquals(1, f.service.tick());
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertTrue(!c.mediatorId().equals(first), "reassigned away from " + first);
        assertTrue(f.store.history(ref).stream().anyMatch(e -> e.note().startsWith("passed over: " + first)));
    }

    @Test
    void weekendsAndBankHolidaysDoNotCount() throws Exception {
        f.clock.advance(Duration.ofDays(30)); // Thursday 24 December 2026
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        f.sender(0, false).drainOnce();
        f.clock.advance(Duration.ofDays(5)); // Tuesday 29 December: Christmas, Boxing Day (28th substitute) and a weekend between
        assertEquals(0, f.service.tick());
        assertEquals(CaseStatus.ASSIGNED, f.store.find(ref).orElseThrow().status());
    }

    @Test
    void noAcknowledgementWithinFiveWorkingDaysEscalatesToTheCompactLead() throws Exception {
        String ref = f.submit("redcar-cleveland", "Eston Youth", "kim@estonyouth.org.uk", "Redcar and Cleveland Council", "volunteering", false);
        f.service.routeNew(); // mail is never sent: the acknowledgement stays unsent
        f.clock.advance(Duration.ofDays(7)); // next Tuesday: 5 working days
        f.service.tick();
        assertEquals(CaseStatus.ESCALATED, f.store.find(ref).orElseThrow().status());
        assertTrue(purposes().contains("escalation>compact@redcar-cleveland.example"), purposes().toString());
    }

    @Test
    void twentyWorkingDaysWithoutResolutionRemindsMediatorAndLead() throws Exception {
        // a respondent with no configured body: nobody is asked for a formal response, so the clock never stops
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire Constabulary", "funding", false);
        f.service.routeNew();
        f.sender(0, false).drainOnce();
        assertTrue(f.service.accept(ref, "m-funding").ok());
        f.clock.advance(Duration.ofDays(27)); // Monday 21 December: 19 working days
        assertEquals(0, f.service.tick());
        f.clock.advance(Duration.ofDays(1)); // four weeks: 20 working days, and Morgan is away from today (her deputy is Priya)
        f.service.tick();
        List<String> p = purposes();
        assertTrue(p.contains("response_reminder>priya@resolve.example") && p.contains("response_reminder>compact@cheshirewest.example"), p.toString());
        assertTrue(!p.contains("response_reminder>morgan@mediation.example"), "the absent mediator's reminder goes to her deputy: " + p);
        assertEquals(0, f.service.tick());
    }

    @Test
    void closedCasesStayClosedAndTheAuditTrailIsAppendOnly() throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        assertTrue(f.service.close(ref, CaseStatus.RESOLVED, "grant restored for three months", "operator").ok());
        assertTrue(!f.service.close(ref, CaseStatus.WITHDRAWN, null, "operator").ok());
        assertTrue(!f.service.assign(ref, "m-consult", "operator").ok());
        List<String> moves = f.store.history(ref).stream().map(CaseEvent::to).toList();
        assertEquals(List.of("submitted", "assigned", "resolved"), moves);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cases.db")); var s = c.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM case_events"));
        }
    }

    @Test
    void annualReportCountsByAreaCodeRespondentAndOutcome() throws Exception {
        String a = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.submit("west-cheshire", "Youth Club", "al@youth.org.uk", "Cheshire West and Chester Council", "consultation", true);
        f.service.routeNew();
        f.clock.advance(Duration.ofDays(1));
        f.service.accept(a, "m-funding");
        f.clock.advance(Duration.ofDays(2));
        f.service.close(a, CaseStatus.RESOLVED, "restored", "operator");
        AnnualReport.Figures fig = AnnualReport.of(2026, f.store.list(null, null));
        assertEquals(2, fig.total());
        assertTrue(fig.rows().contains(new AnnualReport.Row("area", "West Cheshire", 2)));
        assertTrue(fig.rows().contains(new AnnualReport.Row("respondent", "Cheshire West and Chester Council", 2)));
        assertTrue(fig.rows().contains(new AnnualReport.Row("outcome", "resolved", 1)));
        assertEquals(1.0, fig.medianDaysToAccept(), 0.01);
        assertEquals(3.0, fig.medianDaysToResolve(), 0.01);
        String csv = AnnualReport.csv(fig);
        assertTrue(csv.startsWith("dimension,value,count\ntotal,all,2\n"), csv);
        assertTrue(!csv.contains("Sam Patel") && !AnnualReport.markdown(fig).contains("Sam Patel"), "no complainant names in reports");
    }

    @Test
    void onlyTheAssignedMediatorCanAcceptDeclineAskOrResolveByEmail() throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        f.service.routeNew();
        assertEquals("m-funding", f.store.find(ref).orElseThrow().mediatorId());
        assertTrue(!f.service.mediatorReply(ref, "sam@lunchclub.org.uk", "ACCEPT").ok(), "the complainant cannot accept");
        assertTrue(!f.service.mediatorReply(ref, "priya@resolve.example", "RESOLVED all fine").ok(), "another mediator cannot close it");
        assertTrue(!f.service.mediatorReply(ref, "morgan@mediation.example", "Thanks, will look").ok(), "no command, no change");

        assertTrue(f.service.mediatorReply(ref, "Morgan@Mediation.example", "decline conflict with a board role").ok());
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals("m-consult", c.mediatorId(), c.routingReason());
        assertTrue(c.routingReason().contains("declined"), c.routingReason());

        assertTrue(f.service.mediatorReply(ref, "priya@resolve.example", "ACCEPT").ok());
        assertTrue(f.service.mediatorReply(ref, "priya@resolve.example", "INFO when did you receive the letter?").ok());
        assertEquals(CaseStatus.AWAITING_BODY, f.store.find(ref).orElseThrow().status(), "accepted, the case waits for the body's response");
        assertTrue(purposes().contains("info_request>sam@lunchclub.org.uk"), purposes().toString());
        assertTrue(f.service.mediatorReply(ref, "priya@resolve.example", "RESOLVED grant extended to March").ok());
        assertEquals(CaseStatus.RESOLVED, f.store.find(ref).orElseThrow().status());
        assertEquals("grant extended to March", f.store.find(ref).orElseThrow().outcome());
    }
}
