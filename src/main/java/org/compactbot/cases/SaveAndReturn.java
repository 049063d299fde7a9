package org.compactbot.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Save and come back later" for a challenge raised page by page: a link emailed to the address the person gives, which
 * opens their draft once, within 7 days, in whichever browser they open it in. The draft itself is the conversation's,
 * kept for 30 days after its last change as any draft is; the link names it by a token stored only as a digest.
 */
public final class SaveAndReturn {
    public static final Duration LINK_LIFE = Duration.ofDays(7);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** What a resume link opens. */
    public sealed interface Opened {
        /** The draft of this conversation (a RESUME link taken, or still to take). */
        record Draft(String conversationId) implements Opened {}

        /** Used before: it works once. */
        record Used() implements Opened {}

        /** Older than 7 days, or replaced by a newer link for the same draft. */
        record Expired() implements Opened {}

        /** No such link (mistyped, cut short, or never sent). */
        record Unknown() implements Opened {}
    }

    private final EmailedLinks links;
    private final Outbox outbox;
    private final Clock clock;

    public SaveAndReturn(EmailedLinks links, Outbox outbox, Clock clock) {
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Queues the email with the link to the draft; links sent before for the same draft stop working. Nothing is sent to
     * an address that has had its day's links ({@link EmailedLinks#PER_ADDRESS_PER_DAY}).
     *
     * @param linkBase the service's address, for instance https://compact.example.org (no trailing slash)
     * @return whether the email was queued
     */
    public boolean emailLink(String conversationId, String address, String linkBase) {
        Instant now = clock.instant();
        if (links.capReached(address, now)) return false;
        String token = LinkToken.fresh();
        Instant expires = now.plus(LINK_LIFE);
        links.issue(LinkToken.digest(token), new EmailedLinks.Link(EmailedLinks.Purpose.RESUME, conversationId, address, expires, null), now);
        String text = "Hello,\n\nYou asked us to keep your Compact challenge so that you can come back to it. To carry on where you "
                + "left off, open this link:\n\n" + linkBase + "/challenge/resume/" + token + "\n\nThe link works once, until "
                + DAY.format(LocalDate.ofInstant(expires, UK)) + ". Your answers are kept for 30 days after you last changed them; "
                + "nothing has been sent to a mediator yet.\n\nIf you did not ask for this, you can ignore this email.\n\nCompact Bot\n";
        outbox.enqueue(new OutgoingEmail(address, "Your saved Compact challenge", text, CaseEmails.html(text), List.of(), null,
                "resume_link"), null);
        return true;
    }

    /** What the link opens, without using it (the page a link opens first, before the person continues). */
    public Opened peek(String token) {
        return opened(token, clock.instant());
    }

    /** Uses the link: the draft it opens the first time, and never again. */
    public Opened take(String token) {
        Instant now = clock.instant();
        Opened o = opened(token, now);
        if (o instanceof Opened.Draft && !links.use(LinkToken.digest(token), now)) return new Opened.Used();
        return o;
    }

    private Opened opened(String token, Instant now) {
        if (!LinkToken.wellFormed(token)) return new Opened.Unknown();
        Optional<EmailedLinks.Link> found = links.find(LinkToken.digest(token)).filter(l -> l.purpose() == EmailedLinks.Purpose.RESUME);
        if (found.isEmpty()) return new Opened.Unknown();
        EmailedLinks.Link l = found.get();
        if (l.usedAt() != null) return new Opened.Used();
        if (!now.isBefore(l.expiresAt())) return new Opened.Expired();
        return new Opened.Draft(l.target());
    }
}
