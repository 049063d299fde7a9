package org.compactbot.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * Links emailed to a person that open one thing without an account: a saved draft ("save and come back later"), where
 * a case stands (status by reference), or the case desk (a mediator's or lead's sign-in, {@link SigningIn}). A port: the store keeps each link by a digest of its token only (the token itself
 * is in the email and nowhere else), with the address it was sent to, which is personal data.
 */
public interface EmailedLinks {
    /** What a link opens: a saved draft, a case's status, or the case desk for a mediator or lead (the target is their address). */
    enum Purpose { RESUME, STATUS, SIGN_IN }

    /**
     * A link as stored.
     *
     * @param target the conversation (RESUME) or the case reference (STATUS) it opens
     * @param usedAt when it was used, or null
     */
    record Link(Purpose purpose, String target, String address, Instant expiresAt, Instant usedAt) {}

    /** Keeps a new link; earlier unused links of the same purpose and target stop working (the latest email is the one that counts). */
    void issue(String tokenDigest, Link link, Instant now);

    Optional<Link> find(String tokenDigest);

    /** At most this many links are emailed to one address in a day, whoever asks: the forms cannot be used to flood a mailbox. */
    int PER_ADDRESS_PER_DAY = 5;

    /** How many links (of any purpose) were emailed to the address, in any letter case, since {@code since}. */
    int sentTo(String address, Instant since);

    /** Whether the address has had its {@link #PER_ADDRESS_PER_DAY} links in the 24 hours before {@code now}. */
    default boolean capReached(String address, Instant now) {
        return sentTo(address, now.minus(java.time.Duration.ofDays(1))) >= PER_ADDRESS_PER_DAY;
    }

    /** Marks the link used; true only for the first use of a link that exists. */
    boolean use(String tokenDigest, Instant at);
}
