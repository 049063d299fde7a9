package org.compactbot.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Submitting a challenge: it becomes a case with the year's next reference (never reused), recorded in its history
 * as submitted by the complainant, with the files sent while it was drafted as its evidence, and queued for routing to
 * a mediator. All of it happens in the transaction of the turn in which the person said yes, through the
 * {@link Ledger} the store gives for that transaction: a case exists with its history and its routing, or not at all.
 */
public final class SubmittingChallenge {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** What the store records, inside one transaction. */
    public interface Ledger {
        /** The next number of the year's sequence: 1 for the year's first case, never the same twice. */
        int nextInYear(int year);

        /** Writes the case, at status {@code submitted}. */
        void open(String ref, int year, int number, Challenge challenge, Instant at);

        /** Appends to the case's history. */
        void record(String ref, Instant at, String actor, CaseStatus to, String note);

        /** Moves the files kept for the conversation's draft onto the case as its evidence. */
        void moveDraftEvidence(String conversationId, String ref);

        /** Queues the case for routing (the outbox row the router picks up). */
        void queueForRouting(String ref, Instant at);
    }

    /** A challenge as the intake completed it. */
    public record Challenge(String conversationId, String area, String respondent, String organisation, String complainantName,
                            String complainantEmail, String detailsJson) {}

    private final String referencePrefix;

    /** @param referencePrefix the references' first part ({@code cases.reference-prefix}, e.g. "CC" for CC-2026-0001) */
    public SubmittingChallenge(String referencePrefix) {
        this.referencePrefix = referencePrefix;
    }

    /** Submits the challenge; returns its reference. */
    public String submit(Ledger ledger, Challenge challenge, Instant now) {
        int year = LocalDate.ofInstant(now, UK).getYear();
        int number = ledger.nextInYear(year);
        String ref = String.format("%s-%d-%04d", referencePrefix, year, number);
        ledger.open(ref, year, number, challenge, now);
        ledger.record(ref, now, "complainant", CaseStatus.SUBMITTED, "challenge submitted");
        ledger.moveDraftEvidence(challenge.conversationId(), ref);
        ledger.queueForRouting(ref, now);
        return ref;
    }
}
