package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compactbot.conversation.CaseInfo;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.PageAnswer;
import org.compactbot.conversation.PageDraft;
import org.compactbot.conversation.PageSubmission;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Raising a Compact challenge in a browser, as the GOV.UK Design System does it: a start page, one question per page
 * ({@code /challenge/{question}}, {@link ChallengeQuestions}), "Check your answers" with a Change link on each row, and
 * a confirmation page with the reference. Plain HTML forms, each posted then redirected (POST-redirect-GET), so every
 * page works without JavaScript. The draft is the engine's, kept in the conversation store as the web's conversation
 * ({@code web:} and a digest of the browser's {@link DraftCookie}); the case it becomes is the one chat creates, routed
 * the same way. Every POST is admitted first ({@link #admit}): within the rate limit, a bounded body, and the form token of
 * this browser's draft, or 403 with nothing changed.
 */
public final class ChallengePages {
    private static final Logger LOG = LoggerFactory.getLogger(ChallengePages.class);
    static final String START = "/challenge/start", CHECK = "/challenge/check", CONFIRMATION = "/challenge/confirmation";
    /** "Save and come back later" (see {@link SaveAndReturnPages}). */
    static final String SAVE = "/challenge/save";
    /** A form's body: the longest answers (20,000 characters), percent-encoded, fit with room to spare. */
    static final long MAX_FORM_BYTES = 200_000;
    static final String FORM = "compactbot.form";
    private static final String TITLE = " – Raise a Compact challenge";

    /**
     * The start page: what raising a challenge involves, and the button that begins one.
     *
     * @param area the area already known (from the answer that led here), taken as the first answer; or null
     */
    public record StartPage(String formToken, String area) {}

    /** A radio button or checkbox: its id, what it posts, its words, a hint below them (or null), and whether it is chosen. */
    public record Option(String id, String value, String label, String hint, boolean checked) {
        /** "None of these" unticks the others (GOV.UK Frontend's exclusive checkbox, with JavaScript); null for the rest. */
        public String behaviour() {
            return value.equals("none") ? "exclusive" : null;
        }

        /** The id of the hint below the option, or null when it has none. */
        public String hintId() {
            return hint == null ? null : id + "-item-hint";
        }
    }

    /**
     * One question's page.
     *
     * @param field     the field's id and name (also the page's address, after /challenge/)
     * @param kind      text, email, textarea, radios or checkboxes
     * @param value     what the field holds: the answer so far, or what was just posted with an error
     * @param error     what is wrong with the answer, or null
     * @param change    reached from "Check your answers" (its back link returns there)
     * @param saveOffered whether "Save and come back later" is offered (emailed links are on)
     */
    public record QuestionPage(String field, String heading, String hint, String kind, String value, List<Option> options,
                               String autocomplete, String error, String backLink, boolean change, String formToken,
                               boolean saveOffered) {
        public String title() {
            return (error == null ? "" : "Error: ") + heading + TITLE;
        }

        public String action() {
            return "/challenge/" + field;
        }

        /** An email address is not spell-checked; null (the browser's default) for the rest. */
        public String spellcheck() {
            return kind.equals("email") ? "false" : null;
        }

        /** The ids of the hint and error the field is described by, or null for none. */
        public String describedBy() {
            String ids = ((hint == null ? "" : field + "-hint ") + (error == null ? "" : field + "-error")).strip();
            return ids.isEmpty() ? null : ids;
        }
    }

    /** A row of "Check your answers": the question's short name, the answer's lines, and where to change it. */
    public record Row(String key, List<String> lines, String changeHref, String changeWhat) {}

    public record CheckPage(List<Row> rows, List<String> checks, String backLink, String formToken, boolean saveOffered) {}

    public record ConfirmationPage(String ref, String mailAddress, String letter) {
        public ConfirmationPage(String ref, String mailAddress) {
            this(ref, mailAddress, null);
        }
    }

    private final ConversationEngine engine;
    private final Pages pages;
    private final Admission admission;
    private final String mailAddress;
    private final boolean saveOffered;

    ChallengePages(ConversationEngine engine, Pages pages, Admission admission, String mailAddress, boolean saveOffered) {
        this.engine = engine;
        this.pages = pages;
        this.admission = admission;
        this.mailAddress = mailAddress;
        this.saveOffered = saveOffered;
    }

    /**
     * Before any /challenge route: pages that hold answers are not cached; a POST is counted against the client's rate
     * limit, its body read (up to 200 kB) and its form token checked against the browser's draft cookie.
     *
     * @throws Refusal.Forbidden when the token is missing or not this draft's (no cookie, another site's form, an old page)
     */
    void admit(Context ctx) {
        if (ctx.path().equals(EvidencePages.PATH)) return; // files, multipart: EvidencePages admits its own
        PostedForm.admit(ctx, admission, "challenge", DraftCookie.NAME, MAX_FORM_BYTES, "nothing was changed.").ifPresent(posted -> {
            MDC.put(LogIds.CONVERSATION, LogIds.conversation(conversation(posted.cookie()).value()));
            ctx.attribute(FORM, posted.fields());
        });
    }

    /** GET /challenge/start[?area=]: a draft cookie is given to a browser that has none. */
    void start(Context ctx) {
        DraftCookie.Draft draft = DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseGet(() -> {
            DraftCookie.Draft fresh = DraftCookie.fresh();
            ctx.header("Set-Cookie", fresh.header(admission.https(ctx)));
            return fresh;
        });
        String area = ctx.queryParam("area");
        boolean known = area != null && engine.formChoices().get(Slot.AREA).stream().anyMatch(c -> c.value().equals(area));
        pages.show(ctx, HttpStatus.OK, "pages/challenge/start.jte", new StartPage(draft.formToken(), known ? area : null));
    }

    /** POST /challenge/start: a new draft (with the area, when the start page knew it), and its first open question. */
    void begin(Context ctx) {
        ConversationId id = conversation(ctx);
        engine.startPages(id);
        LOG.info("challenge started on the web");
        String area = ((FormFields) ctx.attribute(FORM)).first("area");
        PageAnswer a = area.isEmpty() ? null : engine.answerPage(id, Slot.AREA, area);
        redirect(ctx, a instanceof PageAnswer.Kept k ? ChallengeQuestions.of(k.next()).href() : ChallengeQuestions.inOrder().get(0).href());
    }

    /** GET /challenge/{question}: the question with the answer so far; a question not yet reached sends the person to the one they are at. */
    void question(Context ctx) {
        ChallengeQuestions q = ChallengeQuestions.at(ctx.pathParam("question")).orElseThrow(NotFoundResponse::new);
        Optional<DraftCookie.Draft> cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME));
        Optional<PageDraft> draft = cookie.flatMap(c -> engine.pageDraft(conversation(c)));
        if (draft.isEmpty()) {
            redirect(ctx, START);
            return;
        }
        PageDraft d = draft.get();
        if (!d.has(q.slot) && d.at() != q.slot && d.at() != Slot.CONFIRM) {
            redirect(ctx, ChallengeQuestions.of(d.at()).href());
            return;
        }
        boolean change = ctx.queryParam("change") != null;
        String value = d.answers().getOrDefault(q.slot, "");
        show(ctx, HttpStatus.OK, q, d, value.startsWith("(") ? "" : value, null, null, change, cookie.get());
    }

    /**
     * POST /challenge/{question}: the answer kept and the next open question (or the check page), or the page again with
     * the error. "Save and come back later" keeps the answer if it can be kept (one that cannot is left out) and goes to
     * the page that emails the link.
     */
    void answer(Context ctx) {
        ChallengeQuestions q = ChallengeQuestions.at(ctx.pathParam("question")).orElseThrow(NotFoundResponse::new);
        FormFields form = ctx.attribute(FORM);
        DraftCookie.Draft cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseThrow();
        List<String> ticked = form.all(q.path());
        String value = q.kind == ChallengeQuestions.Kind.CHECKBOXES ? undertakingsChosen(ticked) : form.first(q.path());
        if ("save".equals(form.first("action"))) {
            if (value != null && !value.isBlank()) engine.answerPage(conversation(cookie), q.slot, value);
            redirect(ctx, SAVE);
            return;
        }
        PageAnswer a = value == null ? new PageAnswer.Rejected(q.slot, "Select the undertakings that were not kept, or select \"None of these\"")
                : engine.answerPage(conversation(cookie), q.slot, value);
        boolean change = !form.first("change").isEmpty();
        if (a instanceof PageAnswer.Kept k) redirect(ctx, k.next() == Slot.CONFIRM ? CHECK : ChallengeQuestions.of(k.next()).href());
        else if (a instanceof PageAnswer.Missing) again(ctx, q, cookie, form, q.blank, change);
        else if (a instanceof PageAnswer.Rejected r) again(ctx, q, cookie, form, r.message(), change);
        else redirect(ctx, START); // no draft: expired, or already sent
    }

    /** The page again, with the error and what was posted, so that nothing typed is lost. */
    private void again(Context ctx, ChallengeQuestions q, DraftCookie.Draft cookie, FormFields form, String error, boolean change) {
        Optional<PageDraft> d = engine.pageDraft(conversation(cookie));
        if (d.isEmpty()) {
            redirect(ctx, START);
            return;
        }
        show(ctx, HttpStatus.BAD_REQUEST, q, d.get(), form.first(q.path()), form.all(q.path()), error, change, cookie);
    }

    /** The ticked undertakings as the question reads a choice ("1 and 3", "none"); null when "none" is ticked with others. */
    private static String undertakingsChosen(List<String> ticked) {
        List<String> numbers = ticked.stream().filter(t -> t.matches("\\d{1,2}")).distinct().toList();
        boolean none = ticked.contains("none");
        if (none && !numbers.isEmpty()) return null;
        return none ? "none" : String.join(" and ", numbers);
    }

    private void show(Context ctx, HttpStatus status, ChallengeQuestions q, PageDraft d, String value, List<String> posted, String error,
                      boolean change, DraftCookie.Draft cookie) {
        List<Option> options = options(q, d, value, posted);
        String hint = q.slot == Slot.UNDERTAKINGS ? undertakingsHint(d) : q.hint;
        ChallengeQuestions previous = q.previous();
        String back = change ? CHECK : previous == null ? START : previous.href();
        pages.show(ctx, status, "pages/challenge/question.jte", new QuestionPage(q.path(), q.heading(d.respondent()), hint,
                q.kind.name().toLowerCase(java.util.Locale.ROOT), value, options, q.autocomplete, error, back, change, cookie.formToken(),
                saveOffered));
    }

    private static String undertakingsHint(PageDraft d) {
        return d.offers().isEmpty() ? "We could not match what happened to a particular undertaking. Continue, and the mediator will "
                + "look at it with you." : "These are the undertakings closest to what you told us. Select all that apply.";
    }

    /** The choices of a radios or checkboxes page, with the one(s) chosen: posted just now, or the answer so far. */
    private List<Option> options(ChallengeQuestions q, PageDraft d, String value, List<String> posted) {
        List<Option> out = new ArrayList<>();
        String f = q.path();
        if (q.kind == ChallengeQuestions.Kind.RADIOS) {
            for (Reply.Choice c : engine.formChoices().get(q.slot)) {
                out.add(new Option(out.isEmpty() ? f : f + "-" + (out.size() + 1), c.value(), c.label(), null, c.value().equals(value)));
            }
        } else if (q.kind == ChallengeQuestions.Kind.CHECKBOXES && !d.offers().isEmpty()) {
            for (PageDraft.Offer o : d.offers()) {
                String n = String.valueOf(o.number());
                out.add(new Option(out.isEmpty() ? f : f + "-" + (out.size() + 1), n, o.text(), o.citation(),
                        posted == null ? o.chosen() : posted.contains(n)));
            }
            out.add(new Option(f + "-none", "none", "None of these", null,
                    posted == null ? "none of these".equals(value) : posted.contains("none")));
        }
        return out;
    }

    /** GET /challenge/check: every answer with its Change link, and what the Compact checks found. */
    void check(Context ctx) {
        Optional<DraftCookie.Draft> cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME));
        Optional<PageDraft> draft = cookie.flatMap(c -> engine.pageDraft(conversation(c)));
        if (draft.isEmpty()) {
            redirect(ctx, START);
            return;
        }
        PageDraft d = draft.get();
        if (d.at() != Slot.CONFIRM) {
            redirect(ctx, ChallengeQuestions.of(d.at()).href());
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (ChallengeQuestions q : ChallengeQuestions.inOrder()) {
            String shown = d.shown().get(q.slot);
            List<String> lines = shown == null ? List.of("Not given")
                    : q.slot == Slot.UNDERTAKINGS ? List.of(shown.split("; ")) : shown.lines().filter(l -> !l.isBlank()).toList();
            rows.add(new Row(q.checkKey, lines, q.href() + "?change=yes", q.checkKey.toLowerCase(java.util.Locale.ROOT)));
        }
        List<String> files = engine.draftFiles(conversation(cookie.get())).stream().map(f -> f.name()).toList();
        rows.add(new Row("Evidence", files.isEmpty() ? List.of("None uploaded") : files, EvidencePages.PATH, "evidence"));
        List<String> checks = d.checks().lines().filter(l -> !l.isBlank()).toList();
        String back = ChallengeQuestions.inOrder().get(ChallengeQuestions.inOrder().size() - 1).href();
        pages.show(ctx, HttpStatus.OK, "pages/challenge/check.jte", new CheckPage(rows, checks, back, cookie.get().formToken(), saveOffered));
    }

    /** POST /challenge/check: the challenge sent, once; a question still open goes back to it. */
    void send(Context ctx) {
        DraftCookie.Draft cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseThrow();
        PageSubmission sent = engine.submitPages(conversation(cookie));
        if (sent instanceof PageSubmission.Submitted s) LOG.info("challenge submitted on the web as {}", s.caseInfo().ref());
        if (sent instanceof PageSubmission.Submitted || sent instanceof PageSubmission.AlreadySubmitted) redirect(ctx, CONFIRMATION);
        else if (sent instanceof PageSubmission.Incomplete i) redirect(ctx, ChallengeQuestions.of(i.open()).href());
        else redirect(ctx, START);
    }

    /** GET /challenge/confirmation: the reference of the challenge this browser sent, and what happens next. */
    void confirmation(Context ctx) {
        Optional<CaseInfo> sent = DraftCookie.of(ctx.cookie(DraftCookie.NAME))
                .map(c -> engine.state(conversation(c)).caseInfo());
        if (sent.isEmpty()) {
            redirect(ctx, START);
            return;
        }
        pages.show(ctx, HttpStatus.OK, "pages/challenge/confirmation.jte", new ConfirmationPage(sent.get().ref(), mailAddress,
                engine.letter(conversation(ctx)).isPresent() ? LetterPages.PAGE : null));
    }

    private ConversationId conversation(Context ctx) {
        return conversation(DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseThrow());
    }

    static ConversationId conversation(DraftCookie.Draft draft) {
        return ConversationId.web(draft.conversationKey());
    }

    /** POST-redirect-GET: 303, so that the browser follows with a GET and a refresh posts nothing again. */
    static void redirect(Context ctx, String to) {
        ctx.status(HttpStatus.SEE_OTHER).header("Location", to);
    }
}
