package org.compactbot.cases;

import java.time.Instant;
import java.util.List;

/**
 * One change to a case, applied atomically with everything it causes: the status move and its
 * audit entry, the fields it sets, the emails it sends, the timer it marks as fired and the
 * submission it finishes. A change whose move the current status does not allow is refused.
 *
 * @param to      the new status, or null to keep the status (an event is still recorded)
 * @param fields  what the change records on the case; a field not listed keeps its value
 * @param timer   a timer kind to mark fired for this case (null: none); a timer fires once
 */
public record CaseChange(String ref, CaseStatus to, String actor, String note, List<Field> fields,
                         List<OutgoingEmail> emails, String timer) {
    public CaseChange {
        fields = List.copyOf(fields);
        emails = List.copyOf(emails);
    }

    /** A value a change records on the case. */
    public sealed interface Field {
        /** Who has the case: a mediator's id, or {@code lead:AREA} when it went to the area's Compact lead. */
        record MediatorId(String id) implements Field {}

        /** Why the case went where it did, in words for the record. */
        record RoutingReason(String reason) implements Field {}

        record AssignedAt(Instant at) implements Field {}

        record AcceptedAt(Instant at) implements Field {}

        record ClosedAt(Instant at) implements Field {}

        /** How the case ended, in the closer's words. */
        record Outcome(String text) implements Field {}

        /** The body's Compact lead officer was asked for a formal response. */
        record BodyAsked(String name, String email, Instant at) implements Field {}

        /** The body's response reached the case, and how. */
        record BodyAnswered(Instant at, ChallengeCase.BodyRequest.Answer how) implements Field {}
    }
}
