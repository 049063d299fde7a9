package org.compactbot.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a case stands, asked on the web with no account: the reference and an email address. When the address is the
 * complainant's (as {@link CaseService#progressFor} decides for STATUS by email), a link is emailed to it that shows the
 * case's progress for 24 hours; otherwise nothing is sent. The caller tells the person the same either way, so the
 * form says nothing about whether a case exists.
 */
public final class StatusByReference {
    public static final Duration LINK_LIFE = Duration.ofHours(24);
    /** A reference as the service makes them: a prefix, the year and a number (CC-2026-0001). */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Z0-9]{0,9}-\\d{4}-\\d{4}");

    private final CaseService cases;
    private final EmailedLinks links;
    private final Outbox outbox;
    private final Clock clock;

    public StatusByReference(CaseService cases, EmailedLinks links, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The reference as typed, tidied (spaces and brackets out, upper case); empty when it is not shaped like one. */
    public static Optional<String> reference(String typed) {
        String r = typed == null ? "" : typed.strip().replaceAll("[\\s\\[\\]]", "").toUpperCase(Locale.ROOT);
        return REFERENCE.matcher(r).matches() ? Optional.of(r) : Optional.empty();
    }

    /**
     * Emails the address a link to the case's progress, if the address is the complainant's and has not had its day's
     * links ({@link EmailedLinks#PER_ADDRESS_PER_DAY}); returns whether it did (for tests and logs: the person is told the
     * same either way).
     */
    public boolean request(String ref, String address, String linkBase) {
        if (cases.progressFor(ref, address).isEmpty()) return false;
        Instant now = clock.instant();
        if (links.capReached(address.strip(), now)) return false;
        String token = LinkToken.fresh();
        String to = address.strip();
        links.issue(LinkToken.digest(token), new EmailedLinks.Link(EmailedLinks.Purpose.STATUS, ref, to, now.plus(LINK_LIFE), null), now);
        String text = "Hello,\n\nYou asked where your Compact challenge " + ref + " stands. Open this link to see its stage, its next "
                + "deadline and what happens next:\n\n" + linkBase + "/status/" + token + "\n\nThe link works for 24 hours. You can also "
                + "email us with \"STATUS " + ref + "\" as the subject.\n\nIf you did not ask for this, you can ignore this email.\n\nCompact Bot\n";
        outbox.enqueue(new OutgoingEmail(to, "[" + ref + "] Where your challenge stands", text, CaseEmails.html(text), List.of(), null,
                "status_link"), ref);
        return true;
    }

    /** The case's progress the link shows: while it is live, and while its address is still the complainant's. */
    public Optional<CaseProgress> open(String token) {
        if (!LinkToken.wellFormed(token)) return Optional.empty();
        return links.find(LinkToken.digest(token))
                .filter(l -> l.purpose() == EmailedLinks.Purpose.STATUS && clock.instant().isBefore(l.expiresAt()))
                .flatMap(l -> cases.progressFor(l.target(), l.address()));
    }
}
