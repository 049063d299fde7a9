package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The yearly report's outcomes by undertaking: each cited undertaking's closed cases counted by outcome. */
class OutcomesByUndertakingTest {
    private static final String NOTICE = "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3";
    private static final String CONSULT = "West Cheshire Compact › Consultation › Shared undertaking 3";

    private static ChallengeCase closed(String ref, String raised, CaseStatus status, String undertakings) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (undertakings != null) d.put("undertakings", undertakings);
        return WeeklyDigestTest.aCase(ref, raised, status, true, null, d);
    }

    @Test
    void eachUndertakingCountsItsClosedCasesByOutcome() {
        List<ChallengeCase> cases = List.of(
                closed("CC-2026-0001", "2026-03-02", CaseStatus.RESOLVED, NOTICE),
                closed("CC-2026-0002", "2026-04-02", CaseStatus.RESOLVED, NOTICE + "; " + CONSULT),
                closed("CC-2026-0003", "2026-05-05", CaseStatus.CLOSED_UNRESOLVED, CONSULT),
                closed("CC-2026-0004", "2026-06-01", CaseStatus.IN_MEDIATION, NOTICE), // open: not counted
                closed("CC-2025-0009", "2025-12-01", CaseStatus.WITHDRAWN, NOTICE), // another year
                closed("CC-2026-0005", "2026-07-01", CaseStatus.SIGNPOSTED, null));
        OutcomesByUndertaking.Figures f = OutcomesByUndertaking.of(2026, cases);
        assertEquals(List.of(CONSULT, NOTICE, "(none given)"), f.rows().stream().map(OutcomesByUndertaking.Row::undertaking).toList());
        assertEquals(Map.of(CaseStatus.RESOLVED, 2, CaseStatus.WITHDRAWN, 0, CaseStatus.CLOSED_UNRESOLVED, 0, CaseStatus.SIGNPOSTED, 0),
                f.rows().get(1).outcomes(), "two closed each: by name");
        assertEquals(Map.of(CaseStatus.RESOLVED, 1, CaseStatus.WITHDRAWN, 0, CaseStatus.CLOSED_UNRESOLVED, 1, CaseStatus.SIGNPOSTED, 0),
                f.rows().get(0).outcomes());
        String csv = OutcomesByUndertaking.csv(f);
        assertTrue(csv.contains("undertaking_resolved,West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3,2\n"), csv);
        assertTrue(csv.contains("undertaking_closed_unresolved,West Cheshire Compact › Consultation › Shared undertaking 3,1\n"), csv);
        assertTrue(csv.contains("undertaking_signposted,(none given),1\n"), csv);
        String md = OutcomesByUndertaking.markdown(f);
        assertTrue(md.contains("| undertaking | resolved | withdrawn | closed unresolved | signposted |"), md);
        assertTrue(md.contains("| " + CONSULT + " | 1 | 0 | 1 | 0 |"), md);
    }

    @Test
    void aYearWithNothingClosedSaysSo() {
        String md = OutcomesByUndertaking.markdown(OutcomesByUndertaking.of(2026, List.of(closed("CC-2026-0001", "2026-03-02", CaseStatus.ASSIGNED, NOTICE))));
        assertTrue(md.contains("No challenge raised in 2026 has closed yet."), md);
    }

    @Test
    void theCountsAddUpToTheClosedCasesCitations() {
        Random r = new Random(2026);
        List<String> refs = List.of(NOTICE, CONSULT, "Wolverhampton Compact Principles › 5.4");
        List<CaseStatus> statuses = List.of(CaseStatus.values());
        List<ChallengeCase> cases = new ArrayList<>();
        Map<String, Map<CaseStatus, Integer>> expected = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            CaseStatus s = statuses.get(r.nextInt(statuses.size()));
            List<String> cited = new ArrayList<>(refs.subList(0, 1 + r.nextInt(refs.size())));
            java.util.Collections.shuffle(cited, r);
            cases.add(closed(String.format("CC-2026-%04d", i + 1), "2026-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10), s, String.join("; ", cited)));
            if (!s.closed()) continue;
            for (String u : cited) expected.computeIfAbsent(u, k -> new EnumMap<>(CaseStatus.class)).merge(s, 1, Integer::sum);
        }
        for (OutcomesByUndertaking.Row row : OutcomesByUndertaking.of(2026, cases).rows()) {
            for (CaseStatus s : OutcomesByUndertaking.OUTCOMES) {
                assertEquals(expected.get(row.undertaking()).getOrDefault(s, 0), row.outcomes().get(s), row.undertaking() + " " + s);
            }
        }
    }
}
