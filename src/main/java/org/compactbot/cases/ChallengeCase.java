package org.compactbot.cases;

import java.time.Instant;
import java.util.Map;

/**
 * A Compact challenge as a case: who raised it against whom, where it stands, who mediates it.
 * {@code details} holds the intake answers and what was worked out from them (JSON text).
 */
public record ChallengeCase(String ref, CaseStatus status, String area, String respondent, String organisation,
                            String complainantName, String complainantEmail, String conversationId, String mediatorId,
                            String routingReason, Map<String, Object> details, Instant createdAt, Instant updatedAt,
                            Instant assignedAt, Instant acknowledgedAt, Instant acceptedAt, Instant closedAt, String outcome) {

    @SuppressWarnings("unchecked")
    public Map<String, String> facts() {
        Object d = details.get("details");
        return d instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    public String answer(String slot) {
        Object v = details.get(slot);
        return v == null ? null : v.toString();
    }

    /** The complainant asked for their name to be kept from the respondent. */
    public boolean confidential() {
        return "confidential".equals(answer("consent"));
    }
}
