package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.compactbot.cases.EmailedLinks;
import org.compactbot.cases.SaveAndReturn;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.EmailAddress;
import org.compactbot.conversation.PageDraft;
import org.compactbot.conversation.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Save and come back later" on the challenge pages: {@code /challenge/save} asks for the address to email the link to
 * (the draft's own, if it has one), {@code /challenge/saved} says it was sent, and {@code /challenge/resume/{token}} opens
 * it: a page with a Continue button first (so that a mail scanner fetching the link does not use it up), then the draft
 * moves to a new draft cookie in this browser and the person is taken to the first question still open. The POSTs are
 * admitted as every challenge form is ({@link ChallengePages#admit}).
 */
public final class SaveAndReturnPages {
    private static final Logger LOG = LoggerFactory.getLogger(SaveAndReturnPages.class);
    static final String SAVED = "/challenge/saved", RESUME = "/challenge/resume/";

    /** The page that asks for the address; {@code error} is null when there is nothing wrong. */
    public record SavePage(String email, String error, String backLink, String formToken) {
        public String title() {
            return (error == null ? "" : "Error: ") + "Save your answers and come back later – Raise a Compact challenge";
        }
    }

    /** The page that says the link was sent, and for how long it works. */
    public record SavedPage(long linkDays) {}

    /** The page an emailed link opens first: one button that takes up the draft. */
    public record ResumePage(String action, String formToken) {}

    private final ConversationEngine engine;
    private final Pages pages;
    private final Admission admission;
    private final Optional<SaveAndReturn> saving;

    SaveAndReturnPages(ConversationEngine engine, Pages pages, Admission admission, Optional<SaveAndReturn> saving) {
        this.engine = engine;
        this.pages = pages;
        this.admission = admission;
        this.saving = saving;
    }

    /** GET /challenge/save: the address to send the link to, the draft's own filled in. */
    void ask(Context ctx) {
        Optional<DraftCookie.Draft> cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME));
        Optional<PageDraft> draft = cookie.flatMap(c -> engine.pageDraft(ChallengePages.conversation(c)));
        if (draft.isEmpty() || saving.isEmpty()) {
            ChallengePages.redirect(ctx, ChallengePages.START);
            return;
        }
        String email = draft.get().answers().getOrDefault(Slot.EMAIL, "");
        show(ctx, HttpStatus.OK, new SavePage(email.startsWith("(") ? "" : email, null, where(draft.get()), cookie.get().formToken()));
    }

    /** POST /challenge/save: the link emailed (through the outbox), then the page that says so; or the form again with the error. */
    void send(Context ctx) {
        FormFields form = ctx.attribute(ChallengePages.FORM);
        DraftCookie.Draft cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseThrow();
        ConversationId id = ChallengePages.conversation(cookie);
        Optional<PageDraft> draft = engine.pageDraft(id);
        if (draft.isEmpty() || saving.isEmpty()) {
            ChallengePages.redirect(ctx, ChallengePages.START);
            return;
        }
        String email = form.first("email").strip();
        String error = email.isEmpty() ? "Enter your email address"
                : email.length() > 254 || !EmailAddress.isValid(email) ? "Enter an email address in the correct format, like name@example.com" : null;
        if (error != null) {
            show(ctx, HttpStatus.BAD_REQUEST, new SavePage(form.first("email"), error, where(draft.get()), cookie.formToken()));
            return;
        }
        if (!saving.get().emailLink(id.value(), email, admission.linkBase(ctx))) {
            show(ctx, HttpStatus.TOO_MANY_REQUESTS, new SavePage(form.first("email"), "We have already emailed " + EmailedLinks.PER_ADDRESS_PER_DAY
                    + " links to this address today. Use the link in the latest email, or try again tomorrow", where(draft.get()), cookie.formToken()));
            return;
        }
        LOG.info("challenge saved for later: a link was emailed");
        ChallengePages.redirect(ctx, SAVED);
    }

    /** GET /challenge/saved: the link is on its way. */
    void saved(Context ctx) {
        pages.show(ctx, HttpStatus.OK, "pages/challenge/saved.jte", new SavedPage(SaveAndReturn.LINK_LIFE.toDays()));
    }

    /** GET /challenge/resume/{token}: a Continue button while the link is good (a draft cookie given if the browser has none); else why not. */
    void open(Context ctx) {
        String token = ctx.pathParam("token");
        SaveAndReturn.Opened o = saving.map(s -> s.peek(token)).orElse(new SaveAndReturn.Opened.Unknown());
        if (!(o instanceof SaveAndReturn.Opened.Draft)) {
            refused(ctx, o);
            return;
        }
        DraftCookie.Draft cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseGet(() -> {
            DraftCookie.Draft fresh = DraftCookie.fresh();
            ctx.header("Set-Cookie", fresh.header(admission.https(ctx)));
            return fresh;
        });
        pages.show(ctx, HttpStatus.OK, "pages/challenge/resume.jte", new ResumePage(RESUME + token, cookie.formToken()));
    }

    /** POST /challenge/resume/{token}: the link used, the draft moved to a new cookie in this browser, and on to where it was. */
    void resume(Context ctx) {
        SaveAndReturn.Opened o = saving.map(s -> s.take(ctx.pathParam("token"))).orElse(new SaveAndReturn.Opened.Unknown());
        if (!(o instanceof SaveAndReturn.Opened.Draft d)) {
            refused(ctx, o);
            return;
        }
        DraftCookie.Draft fresh = DraftCookie.fresh();
        Optional<Slot> at = engine.takeUpPages(d.conversationId(), ChallengePages.conversation(fresh));
        if (at.isEmpty()) {
            refused(ctx, new SaveAndReturn.Opened.Expired());
            return;
        }
        LOG.info("saved challenge taken up from an emailed link");
        ctx.header("Set-Cookie", fresh.header(admission.https(ctx)));
        ChallengePages.redirect(ctx, at.get() == Slot.CONFIRM ? ChallengePages.CHECK : ChallengeQuestions.of(at.get()).href());
    }

    /** A link that opens nothing: said plainly, with the way to start again. */
    private void refused(Context ctx, SaveAndReturn.Opened o) {
        Pages.ErrorPage page = o instanceof SaveAndReturn.Opened.Used
                ? new Pages.ErrorPage("This link has already been used", "A link to a saved challenge works once. If you opened it "
                        + "before, carry on in that browser, or save your answers again there to get a new link.",
                        ChallengePages.START, "Start a new challenge")
                : o instanceof SaveAndReturn.Opened.Expired
                ? new Pages.ErrorPage("This link has expired", "A link to a saved challenge works for 7 days, and only the latest "
                        + "one sent for a challenge works. Answers not changed for 30 days are deleted.", ChallengePages.START,
                        "Start a new challenge")
                : new Pages.ErrorPage("This link is not valid", "Check that you copied the whole link from the email. If it still "
                        + "does not work, start again.", ChallengePages.START, "Start a new challenge");
        pages.show(ctx, o instanceof SaveAndReturn.Opened.Unknown ? HttpStatus.NOT_FOUND : HttpStatus.GONE, "pages/error.jte", page);
    }

    /** Where the person was: the first question still open, or the check page. */
    private static String where(PageDraft d) {
        return d.at() == Slot.CONFIRM ? ChallengePages.CHECK : ChallengeQuestions.of(d.at()).href();
    }

    private void show(Context ctx, HttpStatus status, SavePage page) {
        pages.show(ctx, status, "pages/challenge/save.jte", page);
    }
}
