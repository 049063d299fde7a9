package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mediator away from Wednesday 25 November to Friday 4 December 2026 with a named deputy, on a SQLite file: the
 * deputy gets their new cases and their reminders, and may answer for them while they are away, not after.
 */
class DeputyTimersTest {
    private static final String DANIEL = "daniel@blackcountrymediation.example", CASEY = "casey@teesmediation.example";
    private static final String YAML = """
            mediators:
              - { id: m-wolves, name: Daniel Okafor, email: daniel@blackcountrymediation.example, organisation: Black Country Mediation,
                  areas: [wolverhampton], specialisms: [equality], capacity: 5, deputy: m-cover,
                  absent: [{ from: 2026-11-25, to: 2026-12-04 }] }
              - { id: m-cover, name: Casey Cole, email: casey@teesmediation.example, organisation: Tees Valley Mediation,
                  areas: [redcar-cleveland], specialisms: [volunteering], capacity: 3 }
            leads:
              wolverhampton: { name: Wolverhampton Compact lead, email: compact@wolverhampton.example }
            """;
    @TempDir Path dir;
    CaseFixture f;
    CaseService service;

    @BeforeEach
    void open() throws Exception {
        f = new CaseFixture(dir);
        service = new CaseService(f.store, MediatorDirectoryLoader.parse(YAML, "mediators.yml"), f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> sent() {
        return new org.compactbot.store.SqlOutbox(f.db).due(f.clock.instant().plus(Duration.ofDays(999)), 100).stream()
                .map(p -> p.email().purpose() + ">" + p.email().to()).toList();
    }

    @Test
    void theDeputyGetsAnAbsentMediatorsRemindersAndNewCasesAndAnswersForThemWhileTheyAreAway() throws Exception {
        // Tuesday 24 November: Daniel is in, and gets the case
        String before = f.submit("wolverhampton", "Bilston Group", "jo@bilston.org.uk", "City of Wolverhampton Council", "equality", false);
        service.routeNew();
        assertEquals("m-wolves", f.store.find(before).orElseThrow().mediatorId());

        f.clock.advance(Duration.ofDays(2)); // Thursday 26 November: 2 working days, Daniel away
        assertEquals(1, service.tick());
        assertTrue(sent().contains("accept_reminder>" + CASEY), sent().toString());
        assertTrue(!sent().contains("accept_reminder>" + DANIEL), "the reminder goes to the deputy, not the absent mediator: " + sent());
        assertTrue(f.store.history(before).stream().anyMatch(e -> e.note().equals("reminded Casey Cole (deputy for Daniel Okafor) to accept")));
        assertInstanceOf(CaseParty.AssignedMediator.class, service.partyOf(before, CASEY));
        assertInstanceOf(CaseReply.Accepted.class, service.mediatorReply(before, CASEY, "ACCEPT"), "the deputy answers for Daniel");

        // a new case while Daniel is away goes to his deputy, who does not serve the area
        String during = f.submit("wolverhampton", "Whitmore Reans Youth", "ash@wryouth.org.uk", "City of Wolverhampton Council", "equality", false);
        service.routeNew();
        ChallengeCase c = f.store.find(during).orElseThrow();
        assertEquals("m-cover", c.mediatorId());
        assertTrue(c.routingReason().startsWith("deputy for Daniel Okafor (absent until 4 December 2026)"), c.routingReason());
        assertTrue(sent().contains("mediator_summary>" + CASEY), sent().toString());

        f.clock.advance(Duration.ofDays(11)); // Monday 7 December: Daniel is back
        assertInstanceOf(CaseReply.NotTheMediator.class, service.mediatorReply(before, CASEY, "RESOLVED grant restored"),
                "once Daniel is back, his case is his again");
        assertInstanceOf(CaseParty.Outsider.class, service.partyOf(before, CASEY));
    }
}
