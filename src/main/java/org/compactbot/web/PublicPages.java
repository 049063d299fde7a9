package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.compactbot.conversation.Channel;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerFormatter;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.AreaDetector;

/**
 * The public pages, no sign-in: {@code GET /}, what the bot is for with a question box and an area picker, and
 * {@code GET /answers?q=&area=}, an answer as a page (the Compact's words quoted, their citation, the plain-English
 * gloss, other Compacts that say the same, and the offer to raise a challenge when the question reads like one).
 * Plain GET forms: they work without JavaScript.
 */
public final class PublicPages {
    private static final AnswerFormatter FORMAT = new AnswerFormatter();

    /** An area in the picker. */
    public record AreaChoice(String id, String name, boolean selected) {}

    /** The question box: what was asked, in which area, and what was wrong with it (null when nothing). */
    public record QuestionForm(String question, List<AreaChoice> areas, String error) {
        /** The same box, empty, the area kept (for the next question). */
        public QuestionForm cleared() {
            return new QuestionForm("", areas, null);
        }
    }

    public record HomePage(QuestionForm form, String mailAddress) {}

    /**
     * @param areaName  the area the answer is from (chosen, or found in the question), or null
     * @param raiseHref where "Raise a Compact challenge" leads: the start page, with the answer's area when it has one
     */
    public record AnswerPage(QuestionForm form, AnswerFormatter.Shown shown, boolean grievance, String areaName, String raiseHref,
                             String mailAddress) {
        public String title() {
            String q = form.question().strip();
            return "Answer: " + (q.length() > 60 ? q.substring(0, 57).strip() + "…" : q);
        }
    }

    private final AnswerService answers;
    private final Pages pages;
    private final ServiceMetrics metrics;
    private final String mailAddress;

    PublicPages(AnswerService answers, Pages pages, ServiceMetrics metrics, String mailAddress) {
        this.answers = answers;
        this.pages = pages;
        this.metrics = metrics;
        this.mailAddress = mailAddress;
    }

    void home(Context ctx) {
        pages.show(ctx, HttpStatus.OK, "pages/home.jte", new HomePage(new QuestionForm("", areas(area(ctx)), null), mailAddress));
    }

    void answer(Context ctx) {
        long t0 = System.nanoTime();
        // control characters (other than line breaks and tabs) are never part of a question, and are not valid in a page
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "");
        String area = area(ctx);
        String problem = q.isBlank() ? "Enter your question"
                : q.length() > AnswerService.MAX_QUESTION_CHARS ? "Your question must be " + String.format("%,d", AnswerService.MAX_QUESTION_CHARS)
                + " characters or fewer" : null;
        if (problem != null) {
            String kept = q.length() > AnswerService.MAX_QUESTION_CHARS ? q.substring(0, AnswerService.MAX_QUESTION_CHARS) : q;
            pages.show(ctx, HttpStatus.BAD_REQUEST, "pages/home.jte", new HomePage(new QuestionForm(kept, areas(area), problem), mailAddress));
            return;
        }
        Answer a;
        try {
            a = answers.ask(q, area, 5);
        } catch (IllegalArgumentException e) { // nothing left once cleaned (control characters only, say)
            pages.show(ctx, HttpStatus.BAD_REQUEST, "pages/home.jte", new HomePage(new QuestionForm("", areas(area), "Enter your question"), mailAddress));
            return;
        }
        metrics.asked(Channel.WEB, a.answered());
        metrics.askTook((System.nanoTime() - t0) / 1e9);
        String shownArea = area != null ? area : a.area();
        pages.show(ctx, HttpStatus.OK, "pages/answer.jte", new AnswerPage(new QuestionForm(q.strip(), areas(area), null), FORMAT.shape(a),
                a.answered() && a.grievance(), shownArea == null ? null : AreaDetector.displayName(shownArea),
                ChallengePages.START + (shownArea == null ? "" : "?area=" + shownArea), mailAddress));
    }

    /** The area asked for, if it is one the Compacts cover; anything else is all areas. */
    private String area(Context ctx) {
        String a = ctx.queryParam("area");
        return a != null && answers.knownAreas().contains(a) ? a : null;
    }

    private List<AreaChoice> areas(String selected) {
        return answers.knownAreas().stream().map(id -> new AreaChoice(id, AreaDetector.displayName(id), id.equals(selected))).toList();
    }
}
