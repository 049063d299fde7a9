package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmittingChallengeTest {
    /** Records what the use case asks of the store, in order, with a sequence per year. */
    static final class RecordingLedger implements SubmittingChallenge.Ledger {
        final List<String> done = new ArrayList<>();
        final java.util.Map<Integer, Integer> last = new java.util.HashMap<>();

        public int nextInYear(int year) {
            return last.merge(year, 1, Integer::sum);
        }

        public void open(String ref, int year, int number, SubmittingChallenge.Challenge c, Instant at) {
            done.add("open " + ref + " " + c.area());
        }

        public void record(String ref, Instant at, String actor, CaseStatus to, String note) {
            done.add("history " + ref + " " + actor + " " + to.id() + " " + note);
        }

        public void moveDraftEvidence(String conversationId, String ref) {
            done.add("evidence " + conversationId + " -> " + ref);
        }

        public void queueForRouting(String ref, Instant at) {
            done.add("route " + ref);
        }
    }

    private static final SubmittingChallenge.Challenge CHALLENGE = new SubmittingChallenge.Challenge("mail:sam@x.org", "west-cheshire",
            "Cheshire West and Chester Council", "Lunch Club", "Sam", "sam@x.org", "{}");

    @Test
    void aSubmittedChallengeIsACaseWithItsHistoryItsEvidenceAndItsRouting() {
        RecordingLedger ledger = new RecordingLedger();
        String ref = new SubmittingChallenge("CC").submit(ledger, CHALLENGE, Instant.parse("2026-11-24T10:00:00Z"));
        assertEquals("CC-2026-0001", ref);
        assertEquals(List.of("open CC-2026-0001 west-cheshire", "history CC-2026-0001 complainant submitted challenge submitted",
                "evidence mail:sam@x.org -> CC-2026-0001", "route CC-2026-0001"), ledger.done);
    }

    @Test
    void referencesCountWithinTheUkYearAndStartAgainInTheNext() {
        RecordingLedger ledger = new RecordingLedger();
        SubmittingChallenge submitting = new SubmittingChallenge("WCC");
        assertEquals("WCC-2026-0001", submitting.submit(ledger, CHALLENGE, Instant.parse("2026-06-01T09:00:00Z")));
        assertEquals("WCC-2026-0002", submitting.submit(ledger, CHALLENGE, Instant.parse("2026-12-31T23:30:00Z")));
        assertEquals("WCC-2027-0001", submitting.submit(ledger, CHALLENGE, Instant.parse("2027-01-01T00:30:00Z")));
    }
}
