package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which closed cases get the next steps, and what those steps say a group must know before taking them. */
class SignpostingTest {
    @ParameterizedTest(name = "{0}: {1} next steps")
    @CsvSource({
            "CLOSED_UNRESOLVED, 3",
            "SIGNPOSTED,        3",
            "RESOLVED,          0",
            "WITHDRAWN,         0",
            "IN_MEDIATION,      0",
            "AWAITING_BODY,     0"})
    void theNextStepsFollowOnlyACaseMediationDidNotSettle(CaseStatus outcome, int steps) {
        assertEquals(steps, Signposting.after(outcome).size());
        assertEquals(steps == 0, Signposting.inWords(outcome).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"CLOSED_UNRESOLVED", "SIGNPOSTED"})
    void theStepsSayTheOmbudsmansLimitsAdvocacyAndTheTimeForJudicialReview(CaseStatus outcome) {
        List<Signposting.NextStep> steps = Signposting.after(outcome);
        assertTrue(steps.get(0).who().contains("Local Government and Social Care Ombudsman"));
        assertTrue(steps.get(0).what().contains("12 weeks") && steps.get(0).what().contains("12 months"), steps.get(0).what());
        assertTrue(steps.get(1).who().contains("Compact advocacy") && steps.get(1).what().contains("Compact Voice"));
        assertTrue(steps.get(2).what().contains("judicial review") && steps.get(2).what().contains("promptly")
                && steps.get(2).what().contains("3 months of the decision"), steps.get(2).what());
        String words = Signposting.inWords(outcome);
        assertTrue(words.startsWith("What you can do next:") && words.contains("1. The Local Government") && words.contains("3. Legal advice"), words);
    }
}
