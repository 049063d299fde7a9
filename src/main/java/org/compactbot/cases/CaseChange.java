package org.compactbot.cases;

import java.util.List;
import java.util.Map;

/**
 * One change to a case, applied atomically with everything it causes: the status move and its
 * audit entry, the fields it sets, the emails it sends, the timer it marks as fired and the
 * submission it finishes. A change whose move the current status does not allow is refused.
 *
 * @param to      the new status, or null to keep the status (an event is still recorded)
 * @param fields  case columns to set: mediator_id, routing_reason, assigned_at, accepted_at, closed_at, outcome
 * @param timer   a timer kind to mark fired for this case (null: none); a timer fires once
 */
public record CaseChange(String ref, CaseStatus to, String actor, String note, Map<String, String> fields,
                         List<OutgoingEmail> emails, String timer) {
    public CaseChange {
        fields = Map.copyOf(fields);
        emails = List.copyOf(emails);
    }
}
