package org.compactbot.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A form posted to a public page, let in: within the client's rate limit, its body bounded, and carrying the form
 * token of the cookie its page gave this browser (so a page on another site cannot post it). The pages that hold
 * answers or progress are never cached, whatever the method.
 */
record PostedForm(FormFields fields, DraftCookie.Draft cookie) {
    private static final Logger LOG = LoggerFactory.getLogger(PostedForm.class);

    /**
     * @param purpose names the rate-limit bucket and the log line ("challenge", "status")
     * @param nothingDone the refusal's last words, what was not done ("nothing was changed.")
     * @return empty for anything but a POST
     * @throws Refusal.Forbidden when the token is missing or not this cookie's (no cookie, another site's form, an old page)
     */
    static Optional<PostedForm> admit(Context ctx, Admission admission, String purpose, String cookieName, long maxBytes,
                                      String nothingDone) {
        ctx.header("Cache-Control", "no-store");
        if (!"POST".equals(ctx.method().name())) return Optional.empty();
        admission.notStopping();
        admission.withinLimit(ctx, purpose + ":" + admission.address(ctx));
        FormFields form = FormFields.parse(RequestBodies.read(ctx, maxBytes));
        Optional<DraftCookie.Draft> cookie = DraftCookie.of(ctx.cookie(cookieName));
        if (cookie.isEmpty() || !cookie.get().accepts(form.first("csrf"))) {
            LOG.info("{} form refused: {}", purpose, cookie.isEmpty() ? "no cookie" : "wrong form token");
            throw new Refusal.Forbidden("This form came without the token its page was given; " + nothingDone);
        }
        return Optional.of(new PostedForm(form, cookie.get()));
    }
}
