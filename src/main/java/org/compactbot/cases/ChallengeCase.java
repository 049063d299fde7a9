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
                            Instant assignedAt, Instant acknowledgedAt, Instant acceptedAt, Instant closedAt, String outcome,
                            BodyRequest body) {

    /** A case whose body has not been asked for its formal response. */
    public ChallengeCase(String ref, CaseStatus status, String area, String respondent, String organisation,
                         String complainantName, String complainantEmail, String conversationId, String mediatorId,
                         String routingReason, Map<String, Object> details, Instant createdAt, Instant updatedAt,
                         Instant assignedAt, Instant acknowledgedAt, Instant acceptedAt, Instant closedAt, String outcome) {
        this(ref, status, area, respondent, organisation, complainantName, complainantEmail, conversationId, mediatorId, routingReason,
                details, createdAt, updatedAt, assignedAt, acknowledgedAt, acceptedAt, closedAt, outcome, null);
    }

    /**
     * The request for the body's formal response (issue 16 step 2): the body's name and its Compact lead officer's address
     * as they were when asked (only that address may answer on the case's thread), when it was asked, and when and how it
     * answered (null while it has not).
     */
    public record BodyRequest(String name, String email, Instant askedAt, Instant answeredAt, Answer answer) {
        /** How the body's response reached the case. */
        public enum Answer {
            /** the body's contact replied on the case's thread */
            REPLIED("replied"),
            /** the complainant told us they have had the body's final response */
            FINAL_RESPONSE_TOLD("final_response_told");

            private final String id;

            Answer(String id) {
                this.id = id;
            }

            public String id() {
                return id;
            }

            public static Answer byId(String id) {
                for (Answer a : values()) if (a.id.equals(id)) return a;
                return null;
            }
        }

        public boolean answered() {
            return answeredAt != null;
        }
    }

    /** Whether the body has been asked and has not yet answered. */
    public boolean awaitingBodyAnswer() {
        return body != null && !body.answered();
    }

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
