package org.compactbot.cases;

import java.time.Instant;
import java.util.List;

/**
 * Emails waiting to be sent, each with the Message-ID it keeps however often it is tried: the case emails and the
 * email channel's replies. A port: the store implements it, the email channel's {@code OutboxSender} sends from it.
 */
public interface Outbox {
    record Pending(long id, String messageId, String caseRef, OutgoingEmail email, int attempts) {}

    /** Queues an email (case reference optional) to be sent. */
    void enqueue(OutgoingEmail email, String caseRef);

    List<Pending> due(Instant now, int limit);

    /**
     * Takes up to {@code limit} due emails for one sender to send: where several instances share the outbox, none
     * other gets them until {@code lease} has passed (or they are marked sent or failed before). An outbox with a
     * single sender need not lease anything.
     */
    default List<Pending> claim(Instant now, int limit, java.time.Duration lease) {
        return due(now, limit);
    }

    /** Gives back claimed emails this sender did not get to: due again at {@code at}. */
    default void release(List<Long> ids, Instant at) {
        // nothing was leased
    }

    void markSent(long id, Instant at);

    void markFailed(long id, int attempts, Instant nextAttempt, String error);

    /** An email we sent (or queued): the case it was about (null for none), who it went to, and why. */
    record Sent(String caseRef, String recipient, String purpose) {}

    /**
     * The email we sent with this Message-ID. Our Message-IDs carry a random part nobody else knows, so a message that
     * names one in In-Reply-To or References was written by someone who received that email: the proof a reply needs.
     */
    java.util.Optional<Sent> sent(String messageId);

    /** The case an email we sent was about, by its Message-ID (for replies that lost the [REF] in the subject). */
    default java.util.Optional<String> caseOf(String messageId) {
        return sent(messageId).flatMap(s -> java.util.Optional.ofNullable(s.caseRef()));
    }

    /**
     * The Message-ID of outbox row {@code id}, if there is one: the secret part of a bounce address is made from it
     * (see the email channel's {@code Verp}), so only a mail system that saw the email can name the row.
     */
    default java.util.Optional<String> messageIdOf(long id) {
        return java.util.Optional.empty();
    }

    /**
     * Marks an email as returned by the recipient's mail system, with the reason it gave. Returns what the email was
     * (its case, recipient and purpose) the first time; empty when there is no such row or it was marked before.
     */
    default java.util.Optional<Sent> markUndeliverable(long id, Instant at, String reason) {
        return java.util.Optional.empty();
    }

    /** How many replies to inbound mail ({@code purpose} "reply") were queued to this address since then. */
    int repliesTo(String recipient, Instant since);

    /** Unsent emails, and the age in seconds of the oldest (0 when none). */
    long[] depthAndOldestAgeSeconds(Instant now);
}
