package org.compactbot.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.compactbot.cases.DeskUser;
import org.compactbot.cases.SigningIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into every case desk page: never cached; each POST within the client's rate limit, its body bounded, and
 * carrying the form token of the browser's session ({@link DeskSessions}), or refused 403 with nothing done; and who is
 * signed in, re-read from mediators.yml on each request.
 */
final class DeskGate {
    private static final Logger LOG = LoggerFactory.getLogger(DeskGate.class);
    private static final long MAX_FORM_BYTES = 20_000;
    private static final String FORM = "compactbot.desk-form", SESSION = "compactbot.desk-session";

    private final Admission admission;
    private final DeskSessions sessions;
    private final SigningIn signingIn;

    DeskGate(Admission admission, DeskSessions sessions, SigningIn signingIn) {
        this.admission = admission;
        this.sessions = sessions;
        this.signingIn = signingIn;
    }

    /** Before /desk and /desk/*. */
    void admit(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!"POST".equals(ctx.method().name())) return;
        admission.notStopping();
        admission.withinLimit(ctx, "desk:" + admission.address(ctx));
        FormFields form = FormFields.parse(RequestBodies.read(ctx, MAX_FORM_BYTES));
        Optional<DeskSessions.Session> s = sessions.of(ctx.cookie(DeskSessions.COOKIE));
        if (s.isEmpty() || !s.get().accepts(form.first("csrf"))) {
            LOG.info("desk form refused: {}", s.isEmpty() ? "no session" : "wrong form token");
            throw new Refusal.Forbidden("This form came without the token its page was given; nothing was changed.");
        }
        ctx.attribute(FORM, form);
        ctx.attribute(SESSION, s.get());
    }

    /** The posted form (after {@link #admit}). */
    FormFields form(Context ctx) {
        return ctx.attribute(FORM);
    }

    /** The browser's session, started (and its cookie set) when it has none. */
    DeskSessions.Session session(Context ctx) {
        DeskSessions.Session known = ctx.attribute(SESSION);
        if (known != null) return known;
        DeskSessions.Session s = sessions.of(ctx.cookie(DeskSessions.COOKIE)).orElseGet(() -> {
            DeskSessions.Session fresh = sessions.start(null);
            ctx.header("Set-Cookie", DeskSessions.header(fresh, secure(ctx)));
            return fresh;
        });
        ctx.attribute(SESSION, s);
        return s;
    }

    /** Who is signed in, if anyone (and still in mediators.yml). */
    Optional<DeskUser> user(Context ctx) {
        DeskSessions.Session known = ctx.attribute(SESSION);
        Optional<DeskSessions.Session> s = known != null ? Optional.of(known) : sessions.of(ctx.cookie(DeskSessions.COOKIE));
        s.ifPresent(x -> ctx.attribute(SESSION, x));
        return s.filter(x -> x.email != null).flatMap(x -> signingIn.user(x.email));
    }

    /** Ends the browser's session and starts a signed-in one for the person. */
    void signIn(Context ctx, DeskUser user) {
        sessions.of(ctx.cookie(DeskSessions.COOKIE)).ifPresent(sessions::end);
        DeskSessions.Session s = sessions.start(user.email());
        ctx.attribute(SESSION, s);
        ctx.header("Set-Cookie", DeskSessions.header(s, secure(ctx)));
    }

    void signOut(Context ctx) {
        sessions.of(ctx.cookie(DeskSessions.COOKIE)).ifPresent(sessions::end);
        ctx.header("Set-Cookie", DeskSessions.cleared(secure(ctx)));
    }

    /** Secure cookies when the request came over HTTPS or the public address is https. */
    private boolean secure(Context ctx) {
        return admission.https(ctx) || admission.publicHttps();
    }
}
