package org.compactbot.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signing in to the case desk by a one-time link: an address in config/mediators.yml (a mediator's or an area lead's)
 * is emailed a link that works once, for {@link #LINK_LIFE}; any other address is sent nothing, and the caller says the
 * same either way, so the form tells nobody whose address is ours. The link is kept as an {@link EmailedLinks} link of
 * purpose SIGN_IN, by its token's digest only; a newer link replaces an unused older one. At most {@link #PER_DAY}
 * links go to one address in a day, however often it is asked for.
 */
public final class SigningIn {
    public static final Duration LINK_LIFE = Duration.ofMinutes(15);
    public static final int PER_DAY = 20;
    /** Where the link leads; the desk's pages answer it. */
    public static final String PATH = "/desk/sign-in/";

    private final MediatorDirectory directory;
    private final EmailedLinks links;
    private final Outbox outbox;
    private final Clock clock;

    public SigningIn(MediatorDirectory directory, EmailedLinks links, Outbox outbox, Clock clock) {
        this.directory = directory;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Emails a sign-in link when the address is one of ours and has not had its day's links; returns whether it did. */
    public boolean request(String address, String linkBase) {
        Optional<DeskUser> user = DeskUser.of(directory, address);
        if (user.isEmpty()) return false;
        Instant now = clock.instant();
        String to = user.get().email();
        if (links.sentTo(to, now.minus(Duration.ofDays(1))) >= PER_DAY) return false;
        String token = LinkToken.fresh();
        links.issue(LinkToken.digest(token), new EmailedLinks.Link(EmailedLinks.Purpose.SIGN_IN, user.get().key(), to, now.plus(LINK_LIFE), null), now);
        String text = "Hello " + user.get().name() + ",\n\nTo sign in to the Compact Bot case desk, open this link and press "
                + "\"Sign in\":\n\n" + linkBase + PATH + token + "\n\nThe link works once, for " + LINK_LIFE.toMinutes()
                + " minutes. If you did not ask to sign in, you can ignore this email: nobody can sign in without it.\n\nCompact Bot\n";
        outbox.enqueue(new OutgoingEmail(to, "Sign in to the Compact Bot case desk", text, CaseEmails.html(text), List.of(), null,
                "sign_in_link"), null);
        return true;
    }

    /** Who the link would sign in, without using it: live, unused, and still an address of ours. */
    public Optional<DeskUser> peek(String token) {
        return live(token).flatMap(l -> DeskUser.of(directory, l.address()));
    }

    /** Uses the link: the person it signs in, on its first use while it is live; empty after that. */
    public Optional<DeskUser> complete(String token) {
        Optional<EmailedLinks.Link> link = live(token);
        if (link.isEmpty() || !links.use(LinkToken.digest(token), clock.instant())) return Optional.empty();
        return DeskUser.of(directory, link.get().address());
    }

    /** Who the address is now (a session re-reads it, so a person taken out of mediators.yml loses the desk). */
    public Optional<DeskUser> user(String address) {
        return DeskUser.of(directory, address);
    }

    private Optional<EmailedLinks.Link> live(String token) {
        if (!LinkToken.wellFormed(token)) return Optional.empty();
        return links.find(LinkToken.digest(token)).filter(l -> l.purpose() == EmailedLinks.Purpose.SIGN_IN && l.usedAt() == null
                && clock.instant().isBefore(l.expiresAt()));
    }
}
