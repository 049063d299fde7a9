package org.compactbot.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * The HTML pages' templates (src/main/jte, compiled with the build, escaped as HTML by jte), and which requests
 * are for a page: a browser's GET outside the machine routes (/api, /mail, /slack, health, metrics, assets).
 */
public final class Pages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    /** What an error page says, and where it offers to go next. */
    public record ErrorPage(String title, String message, String next, String nextText) {
        public ErrorPage(String title, String message) {
            this(title, message, "/", "Go to the home page");
        }
    }

    String render(String template, Object page) {
        StringOutput out = new StringOutput();
        templates.render(template, page, out);
        return out.toString();
    }

    /** Answers with a page. */
    void show(Context ctx, HttpStatus status, String template, Object page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, page));
    }

    /** A browser asking for a page, rather than a program calling the API or a machine route. */
    static boolean wanted(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/mail/") || path.startsWith("/slack/") || path.startsWith("/assets/")
                || path.equals("/healthz") || path.equals("/readyz") || path.equals("/metrics")) return false;
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The error page for a status, worded for a person rather than a program. */
    void error(Context ctx, HttpStatus status, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ErrorPage page = switch (status.getCode()) {
            case 403 -> new ErrorPage("Sorry, we could not accept that form", "Nothing has been changed. For your security, a form "
                    + "here works only in the browser it was given to; this one came without its token, with another browser's, or from "
                    + "a browser that does not keep our cookie. Allow cookies for this site, then start again.",
                    ctx.path().startsWith(StatusPages.ASK) ? StatusPages.ASK : ctx.path().startsWith(DeskPages.HOME) ? DeskSignInPages.SIGN_IN
                            : ChallengePages.START,
                    ctx.path().startsWith(StatusPages.ASK) || ctx.path().startsWith(DeskPages.HOME) ? "Try again" : "Start again");
            case 404 -> new ErrorPage("Page not found", "If you typed the web address, check it is correct. "
                    + "You can ask a question about your local Compact on the home page.");
            case 405 -> new ErrorPage("Page not found", "This page cannot be used that way. Go to the home page to ask a question.");
            case 429 -> new ErrorPage("Too many requests", "You have asked a lot of questions in a short time. "
                    + "Wait a minute, then try again.");
            case 503 -> new ErrorPage("Sorry, the service is unavailable", "It is restarting. Try again in a minute.");
            default -> status.getCode() < 500
                    ? new ErrorPage("Sorry, that did not work", "Your browser sent something we could not read. Go back and try again.")
                    : new ErrorPage("Sorry, there is a problem with the service", "Try again later.");
        };
        show(ctx, status, "pages/error.jte", page);
    }
}
