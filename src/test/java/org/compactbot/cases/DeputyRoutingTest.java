package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactbot.cases.RoutingPolicy.Decision;
import org.compactbot.cases.RoutingPolicy.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An absent mediator's new cases go to their deputy when the deputy passes the same checks; one row per situation.
 * Alex serves the area and is away; Dee is Alex's deputy (serving another area); Blake serves the area too.
 */
class DeputyRoutingTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String AREA = "west-cheshire";
    private static final AreaLead LEAD = new AreaLead(AREA, "West Cheshire Compact lead", "compact@cheshirewest.example");
    private static final Mediator.Absence AWAY = new Mediator.Absence(TODAY.minusDays(2), TODAY.plusDays(5));

    private static Mediator alex(boolean away, String deputy) {
        return new Mediator("m-a", "Alex Able", "alex@mediation.example", "Cheshire Mediation Service", List.of(AREA), List.of("funding"), 5,
                away ? List.of(AWAY) : List.of(), deputy);
    }

    private static Mediator dee(boolean away, int capacity, String organisation) {
        return new Mediator("m-d", "Dee Dunn", "dee@peacemakers.example", organisation, List.of("redcar-cleveland"), List.of("volunteering"),
                capacity, away ? List.of(AWAY) : List.of());
    }

    private static final Mediator BLAKE = new Mediator("m-b", "Blake Brown", "blake@resolve.example", "Resolve North West", List.of(AREA),
            List.of("consultation"), 5, List.of());

    @ParameterizedTest(name = "{0} -> {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                                  | alex away | deputy | dee away | dee capacity | dee's organisation | with blake | goes to
            Alex present: Alex, as before                | false     | m-d    | false    | 5            | Peacemakers        | false      | m-a
            Alex away, no deputy, nobody else: the lead  | true      |        | false    | 5            | Peacemakers        | false      | lead
            Alex away: the deputy                        | true      | m-d    | false    | 5            | Peacemakers        | false      | m-d
            Alex away, deputy away too: the lead         | true      | m-d    | true     | 5            | Peacemakers        | false      | lead
            Alex away, deputy at capacity: the lead      | true      | m-d    | false    | 1            | Peacemakers        | false      | lead
            Alex away, deputy from the complainant's org | true      | m-d    | false    | 5            | Upton Community Garden | false  | lead
            Alex away, deputy from the respondent        | true      | m-d    | false    | 5            | Cheshire West and Chester Council | false | lead
            Alex away, funding case: Alex's specialism wins through the deputy | true | m-d | false | 5   | Peacemakers        | true       | m-d
            Alex away, deputy excluded: Blake            | true      | m-d    | true     | 5            | Peacemakers        | true       | m-b
            Alex away, no deputy: Blake                  | true      |        | false    | 5            | Peacemakers        | true       | m-b
            """)
    void routesAnAbsentMediatorsCaseToTheirDeputy(String situation, boolean alexAway, String deputy, boolean deeAway, int deeCapacity,
                                                  String deeOrganisation, boolean withBlake, String expected) {
        List<Mediator> mediators = new java.util.ArrayList<>(List.of(alex(alexAway, deputy), dee(deeAway, deeCapacity, deeOrganisation)));
        if (withBlake) mediators.add(BLAKE);
        Map<String, Integer> open = new HashMap<>(Map.of("m-d", 1)); // the deputy has one case of their own
        Request r = new Request(AREA, List.of("funding"), "Upton Community Garden", "chair@uptongarden.org.uk",
                "Cheshire West and Chester Council", TODAY, Set.of());
        Decision d = new RoutingPolicy(new MediatorDirectory(mediators, Map.of(AREA, LEAD))).route(r, open, null);
        String got = d instanceof Decision.ToMediator to ? to.mediator().id() : d instanceof Decision.ToLead ? "lead" : "nobody";
        assertEquals(expected, got, situation + ": " + d.reason());
        if (expected.equals("m-d")) assertTrue(d.reason().startsWith("deputy for Alex Able (absent until 15 March 2026)"), d.reason());
        if (expected.equals("lead") && deputy != null) assertTrue(d.reason().contains("deputy Dee Dunn excluded"), d.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                  | day        | acting
            present: themselves          | 2026-03-01 | m-a
            away: the deputy             | 2026-03-10 | m-d
            """)
    void remindersGoToWhoeverActsForTheMediator(String situation, LocalDate day, String acting) {
        Mediator alex = alex(true, "m-d");
        MediatorDirectory directory = new MediatorDirectory(List.of(alex, dee(false, 5, "Peacemakers")), Map.of());
        assertEquals(acting, directory.actingFor(alex, day).id(), situation);
    }
}
