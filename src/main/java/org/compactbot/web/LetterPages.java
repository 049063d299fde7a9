package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.Letter;
import org.compactbot.conversation.LetterDocument;

/**
 * The early-resolution letter on the web, linked from the challenge's confirmation page: {@code /challenge/letter} shows
 * it, {@code /challenge/letter.docx} downloads it as a Word document. Only the browser that sent the challenge (its
 * {@link DraftCookie}, as for the confirmation page) sees it; any other gets 404, as if there were none. Composed from
 * the case as it stands each time: nothing is kept for it.
 */
public final class LetterPages {
    static final String PAGE = "/challenge/letter", DOCX = "/challenge/letter.docx";

    /** The letter page: its subject, paragraphs (quotes marked) and the download link. */
    public record LetterPage(String subject, List<Letter.Paragraph> paragraphs, String download) {}

    private final ConversationEngine engine;
    private final Pages pages;

    LetterPages(ConversationEngine engine, Pages pages) {
        this.engine = engine;
        this.pages = pages;
    }

    /** GET /challenge/letter. */
    void page(Context ctx) {
        Letter letter = letter(ctx);
        pages.show(ctx, HttpStatus.OK, "pages/challenge/letter.jte", new LetterPage(letter.subject(), letter.paragraphs(), DOCX));
    }

    /** GET /challenge/letter.docx. */
    void docx(Context ctx) {
        Letter letter = letter(ctx);
        ctx.status(HttpStatus.OK).contentType(LetterDocument.TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + letter.fileName() + "\"")
                .result(LetterDocument.docx(letter));
    }

    private Letter letter(Context ctx) {
        return DraftCookie.of(ctx.cookie(DraftCookie.NAME)).flatMap(c -> engine.letter(ChallengePages.conversation(c)))
                .orElseThrow(NotFoundResponse::new);
    }
}
