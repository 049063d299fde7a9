package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.compactbot.cases.CaseProgress;
import org.compactbot.cases.StatusByReference;
import org.compactbot.cases.WorkingDays;
import org.compactbot.conversation.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check a challenge", no account: {@code /status} takes a reference and an email address and, whatever they are, says
 * the same ("if they match, we've emailed a link"), so the form tells nobody whether a case exists; the link,
 * {@code /status/{token}}, shows the case's stage, next deadline and next step for 24 hours, as STATUS by email tells
 * them ({@link CaseProgress}). The form is protected as the challenge forms are: a cookie for /status only and a form
 * token derived from it, a rate limit and a bounded body ({@link #admit}).
 */
public final class StatusPages {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPages.class);
    static final String ASK = "/status", SENT = "/status/sent";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final String FORM = "compactbot.status-form";
    private static final long MAX_FORM_BYTES = 10_000;

    /** A problem with one field: its id and what to do. */
    public record FieldError(String field, String message) {}

    public record AskPage(String reference, String email, List<FieldError> errors, String formToken) {
        public String title() {
            return (errors.isEmpty() ? "" : "Error: ") + "Check a Compact challenge";
        }

        /** The field's error, or null. */
        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
        }
    }

    public record SentPage(long linkHours) {}

    /**
     * Where the case stands.
     *
     * @param deadline    the next deadline's day in words, or null when none is set
     * @param workingDays working days from today until it (0 on the day, negative once passed)
     */
    public record ProgressPage(String ref, String stage, String body, String deadline, int workingDays, boolean overdue, String nextStep) {}

    private final Pages pages;
    private final Admission admission;
    private final Optional<StatusByReference> status;

    StatusPages(Pages pages, Admission admission, Optional<StatusByReference> status) {
        this.pages = pages;
        this.admission = admission;
        this.status = status;
    }

    /** Before /status and /status/*: not cached; a POST within the rate limit, its body bounded and its form token this browser's. */
    void admit(Context ctx) {
        PostedForm.admit(ctx, admission, "status", DraftCookie.STATUS_NAME, MAX_FORM_BYTES, "nothing was sent.")
                .ifPresent(posted -> ctx.attribute(FORM, posted.fields()));
    }

    /** GET /status: the form (a cookie given to a browser that has none). */
    void ask(Context ctx) {
        DraftCookie.Draft cookie = DraftCookie.of(ctx.cookie(DraftCookie.STATUS_NAME)).orElseGet(() -> {
            DraftCookie.Draft fresh = DraftCookie.fresh();
            ctx.header("Set-Cookie", fresh.statusHeader(admission.https(ctx)));
            return fresh;
        });
        pages.show(ctx, HttpStatus.OK, "pages/status/ask.jte", new AskPage("", "", List.of(), cookie.formToken()));
    }

    /** POST /status: the form again when a field is blank or malformed; otherwise a link emailed if they match, and the same page either way. */
    void request(Context ctx) {
        FormFields form = ctx.attribute(FORM);
        String typedRef = form.first("reference"), email = form.first("email").strip();
        Optional<String> ref = StatusByReference.reference(typedRef);
        List<FieldError> errors = new ArrayList<>();
        if (typedRef.isBlank()) errors.add(new FieldError("reference", "Enter your challenge's reference"));
        else if (ref.isEmpty()) errors.add(new FieldError("reference", "Enter the reference as it was given to you, like CC-2026-0001"));
        if (email.isEmpty()) errors.add(new FieldError("email", "Enter the email address you gave when you raised the challenge"));
        else if (email.length() > 254 || !EmailAddress.isValid(email)) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@example.com"));
        }
        if (!errors.isEmpty()) {
            String token = DraftCookie.of(ctx.cookie(DraftCookie.STATUS_NAME)).orElseThrow().formToken();
            pages.show(ctx, HttpStatus.BAD_REQUEST, "pages/status/ask.jte", new AskPage(typedRef, form.first("email"), errors, token));
            return;
        }
        String base = admission.linkBase(ctx);
        status.ifPresent(s -> s.request(ref.get(), email, base));
        LOG.info("status link asked for on the web");
        ChallengePages.redirect(ctx, SENT);
    }

    /** GET /status/sent: what happens now, the same whatever was asked. */
    void sent(Context ctx) {
        pages.show(ctx, HttpStatus.OK, "pages/status/sent.jte", new SentPage(StatusByReference.LINK_LIFE.toHours()));
    }

    /** GET /status/{token}: where the case stands, while the link is good; else a page that says so and offers the form. */
    void show(Context ctx) {
        Optional<CaseProgress> p = status.flatMap(s -> s.open(ctx.pathParam("token")));
        if (p.isEmpty()) {
            pages.show(ctx, HttpStatus.NOT_FOUND, "pages/error.jte", new Pages.ErrorPage("This link has expired or is not valid",
                    "A link to see where a challenge stands works for 24 hours. Ask for a new one with your reference and email address.",
                    ASK, "Check a challenge"));
            return;
        }
        CaseProgress c = p.get();
        LocalDate today = LocalDate.now(UK);
        int days = c.nextDeadline() == null ? 0 : c.nextDeadline().isBefore(today)
                ? -WorkingDays.between(c.nextDeadline(), today) : WorkingDays.between(today, c.nextDeadline());
        pages.show(ctx, HttpStatus.OK, "pages/status/progress.jte", new ProgressPage(c.ref(), c.status().inWords(), c.respondent(),
                c.nextDeadline() == null ? null : DAY.format(c.nextDeadline()), days, c.overdue(), c.nextStep()));
    }
}
