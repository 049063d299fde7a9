package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;
import org.compactbot.cases.DeskUser;
import org.compactbot.cases.SigningIn;
import org.compactbot.conversation.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in to the case desk: {@code /desk/sign-in} asks for an address and, whatever it is, says the same ("if that
 * address is one of ours, we've sent a link"); the emailed link {@code /desk/sign-in/{token}} opens a page with a button
 * whose POST signs the person in (a mail scanner that fetches the link uses nothing), and {@code POST /desk/sign-out}
 * ends the session. Asking for a link is rate limited per client and per address ({@link #perAddress}), besides
 * {@link SigningIn#PER_DAY}. Every form carries the session's token ({@link DeskGate}).
 */
public final class DeskSignInPages {
    private static final Logger LOG = LoggerFactory.getLogger(DeskSignInPages.class);
    static final String SIGN_IN = "/desk/sign-in", SENT = "/desk/sign-in/sent", SIGN_OUT = "/desk/sign-out";

    public record SignInPage(String email, String error, String formToken) {
        public String title() {
            return (error == null ? "" : "Error: ") + "Sign in to the case desk";
        }
    }

    public record SentPage(long minutes) {}

    /** The page the emailed link opens: who it signs in, and the button. */
    public record LinkPage(String name, String action, String formToken) {}

    private final Pages pages;
    private final Admission admission;
    private final DeskGate gate;
    private final SigningIn signingIn;
    /** Links asked for one address: 3 at once, then one a minute (the day's cap is {@link SigningIn#PER_DAY}). */
    private final TokenBuckets perAddress = new TokenBuckets(1, 3);
    private final Clock clock;

    DeskSignInPages(Pages pages, Admission admission, DeskGate gate, SigningIn signingIn, Clock clock) {
        this.pages = pages;
        this.admission = admission;
        this.gate = gate;
        this.signingIn = signingIn;
        this.clock = clock;
    }

    /** GET /desk/sign-in: the form (or the desk, for someone signed in). */
    void ask(Context ctx) {
        if (gate.user(ctx).isPresent()) {
            ChallengePages.redirect(ctx, DeskPages.HOME);
            return;
        }
        pages.show(ctx, HttpStatus.OK, "pages/desk/signIn.jte", new SignInPage("", null, gate.session(ctx).formToken));
    }

    /** POST /desk/sign-in: a link emailed when the address is ours; the same page whatever it was. */
    void request(Context ctx) {
        String email = gate.form(ctx).first("email").strip();
        if (email.isEmpty() || email.length() > 254 || !EmailAddress.isValid(email)) {
            pages.show(ctx, HttpStatus.BAD_REQUEST, "pages/desk/signIn.jte", new SignInPage(gate.form(ctx).first("email"),
                    email.isEmpty() ? "Enter the email address you are listed with as a mediator or Compact lead"
                            : "Enter an email address in the correct format, like name@example.org", gate.session(ctx).formToken));
            return;
        }
        String base = admission.linkBase(ctx);
        if (perAddress.take(email.toLowerCase(java.util.Locale.ROOT), clock.instant()) instanceof TokenBuckets.Decision.Allowed) {
            signingIn.request(email, base);
        }
        LOG.info("desk sign-in link asked for");
        ChallengePages.redirect(ctx, SENT);
    }

    /** GET /desk/sign-in/sent */
    void sent(Context ctx) {
        pages.show(ctx, HttpStatus.OK, "pages/desk/sent.jte", new SentPage(SigningIn.LINK_LIFE.toMinutes()));
    }

    /** GET /desk/sign-in/{token}: the button that signs in, while the link is good (nothing is used yet). */
    void open(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<DeskUser> who = signingIn.peek(token);
        if (who.isEmpty()) {
            notValid(ctx);
            return;
        }
        pages.show(ctx, HttpStatus.OK, "pages/desk/link.jte", new LinkPage(who.get().name(), SigningIn.PATH + token, gate.session(ctx).formToken));
    }

    /** POST /desk/sign-in/{token}: uses the link and starts a new session for the person it names. */
    void complete(Context ctx) {
        Optional<DeskUser> who = signingIn.complete(ctx.pathParam("token"));
        if (who.isEmpty()) {
            notValid(ctx);
            return;
        }
        gate.signIn(ctx, who.get());
        LOG.info("signed in to the case desk");
        ChallengePages.redirect(ctx, DeskPages.HOME);
    }

    /** POST /desk/sign-out */
    void signOut(Context ctx) {
        gate.signOut(ctx);
        ChallengePages.redirect(ctx, SIGN_IN);
    }

    private void notValid(Context ctx) {
        pages.show(ctx, HttpStatus.NOT_FOUND, "pages/error.jte", new Pages.ErrorPage("This sign-in link has expired or has been used",
                "A sign-in link works once, for " + SigningIn.LINK_LIFE.toMinutes() + " minutes. Ask for a new one.", SIGN_IN, "Sign in"));
    }
}
