package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.compactbot.cases.RoutingPolicy.Decision;
import org.compactbot.cases.RoutingPolicy.Request;
import org.compactbot.knowledge.PracticeCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingPolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String AREA = "west-cheshire";
    private static final AreaLead LEAD = new AreaLead(AREA, "West Cheshire Compact lead", "compact@cheshirewest.example");

    private static Mediator mediator(String id, String name, String email, String organisation, List<String> specialisms,
                                     int capacity, Mediator.Absence... absent) {
        return new Mediator(id, name, email, organisation, List.of(AREA), specialisms, capacity, List.of(absent));
    }

    private static final Mediator ALEX = mediator("m-a", "Alex Able", "alex@mediation.example",
            "Cheshire Mediation Service", List.of("funding"), 5);
    private static final Mediator BLAKE = mediator("m-b", "Blake Brown", "blake@resolve.example",
            "Resolve North West", List.of("consultation"), 5);
    private static final Mediator CASEY = mediator("m-c", "Casey Cole", "casey@peacemakers.example",
            "Peacemakers", List.of("funding", "managing-change"), 5);
    private static final Mediator ELSEWHERE = new Mediator("m-0", "Dana Far", "dana@tees.example", "Tees Valley Mediation",
            List.of("redcar-cleveland"), List.of("funding"), 5, List.of());

    private static Request request() {
        return new Request(AREA, List.of("funding"), "Upton Community Garden", "chair@uptongarden.org.uk",
                "Cheshire West and Chester Council", TODAY, Set.of());
    }

    private static Request withComplainant(String organisation, String email) {
        Request r = request();
        return new Request(r.area(), r.codes(), organisation, email, r.respondent(), r.today(), r.excludedMediatorIds());
    }

    private static Request withRespondent(String respondent) {
        Request r = request();
        return new Request(r.area(), r.codes(), r.complainantOrganisation(), r.complainantEmail(), respondent, r.today(),
                r.excludedMediatorIds());
    }

    private static Request withCodes(String... codes) {
        Request r = request();
        return new Request(r.area(), List.of(codes), r.complainantOrganisation(), r.complainantEmail(), r.respondent(),
                r.today(), r.excludedMediatorIds());
    }

    private static Request excluding(String... ids) {
        Request r = request();
        return new Request(r.area(), r.codes(), r.complainantOrganisation(), r.complainantEmail(), r.respondent(),
                r.today(), Set.of(ids));
    }

    private static MediatorDirectory directory(Mediator... mediators) {
        return new MediatorDirectory(List.of(mediators), Map.of(AREA, LEAD));
    }

    private static Mediator org(Mediator m, String organisation) {
        return new Mediator(m.id(), m.name(), m.email(), organisation, m.areas(), m.specialisms(), m.capacity(), m.absent());
    }

    private static Mediator email(Mediator m, String email) {
        return new Mediator(m.id(), m.name(), email, m.organisation(), m.areas(), m.specialisms(), m.capacity(), m.absent());
    }

    private static Mediator away(Mediator m, String from, String to) {
        return new Mediator(m.id(), m.name(), m.email(), m.organisation(), m.areas(), m.specialisms(), m.capacity(),
                List.of(new Mediator.Absence(LocalDate.parse(from), LocalDate.parse(to))));
    }

    private static Mediator capacity(Mediator m, int capacity) {
        return new Mediator(m.id(), m.name(), m.email(), m.organisation(), m.areas(), m.specialisms(), capacity, m.absent());
    }

    /** expected: a mediator id, "lead" or "nobody"; reason: fragments the recorded reason must contain. */
    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("conflict: mediator from the complainant's organisation is excluded",
                        directory(org(ALEX, "Upton Community Garden CIC"), BLAKE), request(), Map.of(), null,
                        "m-b", List.of("Alex Able excluded: same organisation as complainant", "no specialism match for funding")),
                Arguments.of("conflict: organisation names compared after normalising",
                        directory(ALEX, BLAKE), withComplainant("The Cheshire Mediation Service Ltd.", "x@garden.example"),
                        Map.of(), null, "m-b", List.of("Alex Able excluded: same organisation as complainant")),
                Arguments.of("conflict: mediator from the respondent body is excluded",
                        directory(org(ALEX, "Cheshire West & Chester Council"), BLAKE),
                        withRespondent("Cheshire West and Chester Council, grants team"), Map.of(), null,
                        "m-b", List.of("Alex Able excluded: same organisation as respondent")),
                Arguments.of("conflict: mediator sharing the complainant's email domain is excluded",
                        directory(email(ALEX, "alex@UptonGarden.org.uk"), BLAKE), request(), Map.of(), null,
                        "m-b", List.of("Alex Able excluded: same email domain as complainant")),
                Arguments.of("no conflict: a shared public webmail domain",
                        directory(email(ALEX, "alex.able@gmail.com"), BLAKE),
                        withComplainant("Upton Community Garden", "uptongarden@gmail.com"), Map.of(), null,
                        "m-a", List.of("specialism funding", "0 open cases")),
                Arguments.of("no conflict: a name that only shares some words",
                        directory(org(ALEX, "Chester Voluntary Action"), BLAKE), request(), Map.of(), null,
                        "m-a", List.of("specialism funding")),
                Arguments.of("absence: a mediator away today is excluded",
                        directory(away(ALEX, "2026-03-09", "2026-03-12"), BLAKE), request(), Map.of(), null,
                        "m-b", List.of("Alex Able excluded: absent until 12 March 2026")),
                Arguments.of("absence: a mediator back today is eligible",
                        directory(away(ALEX, "2026-03-01", "2026-03-09"), BLAKE), request(), Map.of(), null,
                        "m-a", List.of("specialism funding")),
                Arguments.of("capacity: a mediator with capacity open cases is excluded",
                        directory(capacity(ALEX, 2), BLAKE), request(), Map.of("m-a", 2), null,
                        "m-b", List.of("Alex Able excluded: at capacity 2/2")),
                Arguments.of("capacity: one below capacity is still eligible",
                        directory(capacity(ALEX, 2), BLAKE), request(), Map.of("m-a", 1), null,
                        "m-a", List.of("specialism funding", "1 open case")),
                Arguments.of("specialism match preferred over fewer open cases",
                        directory(ALEX, BLAKE), request(), Map.of("m-a", 3, "m-b", 0), null,
                        "m-a", List.of("specialism funding", "3 open cases")),
                Arguments.of("specialism match on any of the codes",
                        directory(ALEX, BLAKE, CASEY), withCodes("consultation", "partnerships"), Map.of("m-b", 4), null,
                        "m-b", List.of("specialism consultation", "4 open cases")),
                Arguments.of("fewest open cases among the specialists",
                        directory(ALEX, BLAKE, CASEY), request(), Map.of("m-a", 2, "m-c", 1), null,
                        "m-c", List.of("specialism funding", "1 open case")),
                Arguments.of("fewest open cases when nobody has the specialism",
                        directory(ALEX, BLAKE, CASEY), withCodes("volunteering"), Map.of("m-a", 2, "m-c", 1, "m-b", 3),
                        null, "m-c", List.of("no specialism match for volunteering", "1 open case")),
                Arguments.of("no codes: fewest open cases",
                        directory(ALEX, BLAKE, CASEY), withCodes(), Map.of("m-a", 2, "m-c", 1), null,
                        "m-b", List.of("0 open cases")),
                Arguments.of("round-robin: first with no previous assignment",
                        directory(CASEY, ALEX), request(), Map.of("m-a", 1, "m-c", 1), null,
                        "m-a", List.of("round-robin")),
                Arguments.of("round-robin: next by id after the last assigned",
                        directory(ALEX, CASEY), request(), Map.of("m-a", 1, "m-c", 1), "m-a",
                        "m-c", List.of("round-robin")),
                Arguments.of("round-robin: wraps round after the last id",
                        directory(ALEX, CASEY), request(), Map.of("m-a", 1, "m-c", 1), "m-c",
                        "m-a", List.of("round-robin")),
                Arguments.of("round-robin: last assigned need not be among the tied",
                        directory(ALEX, BLAKE, CASEY), request(), Map.of(), "m-b",
                        "m-c", List.of("round-robin")),
                Arguments.of("excluded ids: a mediator who declined is not asked again",
                        directory(ALEX, BLAKE), excluding("m-a"), Map.of(), null,
                        "m-b", List.of("Alex Able excluded: declined or timed out")),
                Arguments.of("a mediator for another area is never chosen nor named",
                        directory(ELSEWHERE, BLAKE), request(), Map.of(), null,
                        "m-b", List.of("0 open cases")),
                Arguments.of("nobody eligible: the area's Compact lead",
                        directory(away(ALEX, "2026-03-01", "2026-03-31"), capacity(BLAKE, 1)), request(),
                        Map.of("m-b", 1), null, "lead",
                        List.of("no eligible mediator (Alex Able excluded: absent until 31 March 2026; "
                                + "Blake Brown excluded: at capacity 1/1); sent to the West Cheshire Compact lead")),
                Arguments.of("no mediator serves the area: the area's Compact lead",
                        directory(ELSEWHERE), request(), Map.of(), null, "lead",
                        List.of("no mediator serves west-cheshire", "sent to the West Cheshire Compact lead")),
                Arguments.of("every reason for one mediator is given",
                        directory(email(capacity(ALEX, 1), "a@uptongarden.org.uk")), excluding("m-a"), Map.of("m-a", 1),
                        null, "lead",
                        List.of("Alex Able excluded: declined or timed out, at capacity 1/1, same email domain as complainant")),
                Arguments.of("nobody eligible and no lead: nobody",
                        new MediatorDirectory(List.of(ELSEWHERE), Map.of()), request(), Map.of(), null, "nobody",
                        List.of("no eligible mediator (no mediator serves west-cheshire)", "no Compact lead")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void routesTheCase(String behaviour, MediatorDirectory dir, Request request, Map<String, Integer> open,
                       String lastAssigned, String expected, List<String> reason) {
        Decision d = new RoutingPolicy(dir).route(request, open, lastAssigned);
        switch (expected) {
            case "lead" -> assertEquals(LEAD, assertInstanceOf(Decision.ToLead.class, d).lead());
            case "nobody" -> assertInstanceOf(Decision.Nobody.class, d);
            default -> assertEquals(expected, assertInstanceOf(Decision.ToMediator.class, d, d.reason()).mediator().id());
        }
        for (String part : reason) assertTrue(d.reason().contains(part), "reason was: " + d.reason());
    }

    @Test
    void reasonReadsAsOneSentence() {
        Decision d = new RoutingPolicy(directory(ALEX, org(CASEY, "Cheshire West and Chester Council")))
                .route(request(), Map.of("m-a", 1), null);
        assertEquals("specialism funding; 1 open case; Casey Cole excluded: same organisation as respondent", d.reason());
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Cheshire Mediation Service Ltd | cheshire mediation service | true",
            "The Wolverhampton Voluntary Sector Council | Wolverhampton Voluntary Sector Council | true",
            "Redcar & Cleveland Voluntary Development Agency | Redcar and Cleveland Voluntary Development Agency | true",
            "Cheshire West and Chester Council, grants team | Cheshire West & Chester Council | true",
            "St John's Community Trust | St Johns Community CIC | true",
            "Age UK Cheshire | Age Cheshire | true",
            "Cheshire West and Chester Council | Chester Voluntary Action | false",
            "Chesterfield Council | Chester | false",
            "Tees Valley Mediation | Black Country Mediation | false",
            "The Trust | Upton Trust | false",
            "'' | Upton Community Garden | false",
    })
    void organisationsAreComparedByNormalisedWords(String a, String b, boolean same) {
        assertEquals(same, RoutingPolicy.sameOrganisation(a, b));
        assertEquals(same, RoutingPolicy.sameOrganisation(b, a));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "a@cheshirewest.gov.uk, b@CheshireWest.gov.uk, true",
            "a@cheshirewest.gov.uk, b@wirral.gov.uk, false",
            "a@gmail.com, b@gmail.com, false",
            "a@hotmail.com, b@hotmail.com, false",
            "a@btinternet.com, b@btinternet.com, false",
            "a@yahoo.com, b@yahoo.com, false",
            "a@icloud.com, b@icloud.com, false",
            "a@outlook.com, b@outlook.com, false",
            "a@cheshirewest.gov.uk, '', false",
    })
    void emailDomainsConflictUnlessPublicWebmail(String a, String b, boolean conflict) {
        assertEquals(conflict, RoutingPolicy.sameEmailDomain(a, b));
    }

    // ---- seeded randomised invariants ----

    /** Organisations none of which contains another as words, so "same organisation" means "same base". */
    private static final List<String> BASES = List.of("Cheshire Mediation Service", "Resolve North West",
            "Black Country Mediation", "Tees Valley Mediation", "Upton Community Garden", "Redcar Food Bank",
            "Cheshire West and Chester Council", "Ellesmere Port Youth Club");
    private static final List<String> DOMAINS = List.of("mediation.example", "resolve.example", "garden.example",
            "council.example", "gmail.com", "outlook.com");
    private static final Set<String> WEBMAIL = Set.of("gmail.com", "outlook.com");
    private static final List<String> AREAS = List.of("west-cheshire", "wolverhampton", "redcar-cleveland");
    private static final List<String> CODES = PracticeCode.IDS;

    /** The same organisation written the many ways people write it. */
    private static String decorate(String base, Random rnd, boolean asRespondent) {
        String s = switch (rnd.nextInt(7)) {
            case 0 -> base.toUpperCase();
            case 1 -> "The " + base;
            case 2 -> base + " Ltd";
            case 3 -> base.toLowerCase() + " CIC";
            case 4 -> base.replace(" and ", " & ") + ", UK";
            case 5 -> base + " Limited.";
            default -> base;
        };
        if (asRespondent && rnd.nextBoolean()) s += rnd.nextBoolean() ? ", grants team" : " (funding unit)";
        return s;
    }

    @Test
    void randomDirectoriesNeverBreakTheRoutingRules() {
        Random rnd = new Random(20260310L);
        int toMediator = 0, toLead = 0, nobody = 0;
        for (int round = 0; round < 5000; round++) {
            LocalDate today = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(365));
            List<Mediator> mediators = new ArrayList<>();
            Map<String, Integer> baseOf = new HashMap<>();
            Map<String, String> domainOf = new HashMap<>();
            Map<String, Integer> open = new HashMap<>();
            int count = rnd.nextInt(8);
            List<Integer> idNumbers = new ArrayList<>();
            for (int i = 0; i < 20; i++) idNumbers.add(i);
            Collections.shuffle(idNumbers, rnd);
            for (int i = 0; i < count; i++) {
                String id = "m-" + (char) ('a' + idNumbers.get(i));
                int base = rnd.nextInt(BASES.size());
                String domain = DOMAINS.get(rnd.nextInt(DOMAINS.size()));
                List<String> areas = new ArrayList<>();
                for (String a : AREAS) if (rnd.nextInt(3) > 0) areas.add(a);
                if (areas.isEmpty()) areas.add(AREAS.get(rnd.nextInt(AREAS.size())));
                List<String> specs = new ArrayList<>();
                for (String c : CODES) if (rnd.nextInt(4) == 0) specs.add(c);
                List<Mediator.Absence> absent = new ArrayList<>();
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    LocalDate from = today.plusDays(rnd.nextInt(21) - 10);
                    absent.add(new Mediator.Absence(from, from.plusDays(rnd.nextInt(10))));
                }
                int capacity = 1 + rnd.nextInt(5);
                Mediator m = new Mediator(id, "Mediator " + id.toUpperCase(), "x" + i + "@" + domain,
                        decorate(BASES.get(base), rnd, false), areas, specs, capacity, absent);
                mediators.add(m);
                baseOf.put(id, base);
                domainOf.put(id, domain);
                if (rnd.nextInt(5) > 0) open.put(id, rnd.nextInt(capacity + 2));
            }
            Map<String, AreaLead> leads = new HashMap<>();
            for (String a : AREAS) if (rnd.nextBoolean()) leads.put(a, new AreaLead(a, a + " Compact lead", "lead@" + a + ".example"));
            MediatorDirectory dir = new MediatorDirectory(mediators, leads);

            String area = rnd.nextInt(10) == 0 ? "nowhere" : AREAS.get(rnd.nextInt(AREAS.size()));
            List<String> codes = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) codes.add(CODES.get(rnd.nextInt(CODES.size())));
            int complainantBase = rnd.nextInt(BASES.size());
            int respondentBase = rnd.nextInt(BASES.size());
            String complainantDomain = DOMAINS.get(rnd.nextInt(DOMAINS.size()));
            Set<String> excluded = new HashSet<>();
            for (Mediator m : mediators) if (rnd.nextInt(6) == 0) excluded.add(m.id());
            String last = switch (rnd.nextInt(4)) {
                case 0 -> null;
                case 1 -> "m-zz";
                default -> mediators.isEmpty() ? null : mediators.get(rnd.nextInt(mediators.size())).id();
            };
            Request request = new Request(area, codes, decorate(BASES.get(complainantBase), rnd, false),
                    "someone@" + complainantDomain, decorate(BASES.get(respondentBase), rnd, true), today, excluded);

            // the oracle: who is eligible, worked out from how the world was built
            List<Mediator> serving = mediators.stream().filter(m -> m.areas().contains(area)).toList();
            List<Mediator> eligible = serving.stream()
                    .filter(m -> !m.absentOn(today))
                    .filter(m -> open.getOrDefault(m.id(), 0) < m.capacity())
                    .filter(m -> !excluded.contains(m.id()))
                    .filter(m -> baseOf.get(m.id()) != complainantBase && baseOf.get(m.id()) != respondentBase)
                    .filter(m -> !(domainOf.get(m.id()).equals(complainantDomain) && !WEBMAIL.contains(complainantDomain)))
                    .toList();

            String context = "round " + round + ": " + request + " open=" + open + " last=" + last + " dir=" + dir;
            Decision d = new RoutingPolicy(dir).route(request, open, last);
            for (Mediator m : serving) {
                if (!eligible.contains(m)) assertTrue(d.reason().contains(m.name() + " excluded"), context + "\n" + d.reason());
            }
            if (eligible.isEmpty()) {
                assertFalse(d instanceof Decision.ToMediator, context + "\n" + d);
                if (leads.containsKey(area)) {
                    assertEquals(leads.get(area), assertInstanceOf(Decision.ToLead.class, d, context).lead());
                    toLead++;
                } else {
                    assertInstanceOf(Decision.Nobody.class, d, context);
                    nobody++;
                }
                assertTrue(d.reason().startsWith("no eligible mediator"), d.reason());
                continue;
            }
            Mediator chosen = assertInstanceOf(Decision.ToMediator.class, d, context + "\n" + d).mediator();
            toMediator++;
            assertTrue(chosen.areas().contains(area), context);
            assertFalse(chosen.absentOn(today), context);
            assertTrue(open.getOrDefault(chosen.id(), 0) < chosen.capacity(), context);
            assertFalse(excluded.contains(chosen.id()), context);
            assertTrue(eligible.contains(chosen), "chosen mediator has a conflict of interest: " + context + "\n" + chosen);

            boolean chosenMatches = chosen.specialisms().stream().anyMatch(codes::contains);
            boolean anyMatches = eligible.stream().anyMatch(m -> m.specialisms().stream().anyMatch(codes::contains));
            assertEquals(anyMatches, chosenMatches, "a specialist was passed over: " + context + "\n" + chosen);
            List<Mediator> tier = eligible.stream()
                    .filter(m -> m.specialisms().stream().anyMatch(codes::contains) == chosenMatches).toList();
            int fewest = tier.stream().mapToInt(m -> open.getOrDefault(m.id(), 0)).min().orElseThrow();
            assertEquals(fewest, open.getOrDefault(chosen.id(), 0), "not the fewest open cases: " + context);
            List<Mediator> tied = tier.stream().filter(m -> open.getOrDefault(m.id(), 0) == fewest)
                    .sorted(Comparator.comparing(Mediator::id)).toList();
            Mediator next = tied.stream().filter(m -> last != null && m.id().compareTo(last) > 0).findFirst()
                    .orElse(tied.get(0));
            assertEquals(next.id(), chosen.id(), "round-robin order: " + context);
        }
        if (toMediator < 500 || toLead < 100 || nobody < 50) {
            fail("the random worlds should cover every outcome: " + toMediator + " / " + toLead + " / " + nobody);
        }
    }
}
