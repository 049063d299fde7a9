package org.compactbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed request becomes a response: every error is {@code {"error": message}} as JSON, with
 * the status of what went wrong, or for a browser asking for a page, an error page worded for a person. Routes and admission steps throw a {@link Refusal}; Javalin throws its own
 * {@link HttpResponseException} for no such route (404), a method the route does not take (405) and a body over
 * its maxRequestSize (413); Jetty throws when the client broke HTTP (400); anything else is our fault (500, logged).
 */
final class ErrorMapping {
    /** WebServer's logger, as before the routes moved out of it: operators' log filters keep working. */
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorMapping() {}

    /** @param maxRequestSize Javalin's own limit on any body (what its 413 names) */
    static void install(RoutesConfig routes, long maxRequestSize, Pages pages) {
        routes.exception(Refusal.class, (e, ctx) -> {
            if (Pages.wanted(ctx)) {
                pages.error(ctx, e.status(), e.headers());
                return;
            }
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.getMessage());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (Pages.wanted(ctx)) pages.error(ctx, HttpStatus.forStatus(e.getStatus()), Map.of());
            else write(ctx, HttpStatus.forStatus(e.getStatus()),
                switch (e.getStatus()) {
                    case 404 -> "No such endpoint: " + ctx.method() + " " + ctx.path();
                    case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
                    case 413 -> "The request body is larger than " + Refusal.sizeText(maxRequestSize) + ".";
                    default -> e.getMessage();
                });
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String route = WebServer.route(ctx.path()); // the route, not the path: a path may hold a conversation id
            if (clientFault(e)) {
                LOG.info("request {} {} refused: the client sent what HTTP does not allow ({})", ctx.method(), route, e.getClass().getSimpleName());
                write(ctx, HttpStatus.BAD_REQUEST, "The request could not be read: it is not valid HTTP.");
                return;
            }
            LOG.error("request {} {} failed", ctx.method(), route, e);
            if (Pages.wanted(ctx)) pages.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Map.of());
            else write(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() != null) return;
            if (Pages.wanted(ctx)) pages.error(ctx, HttpStatus.NOT_FOUND, Map.of());
            else write(ctx, HttpStatus.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path());
        });
    }

    /** An exception that says the client broke HTTP (Jetty's 4xx), not that we failed. */
    private static boolean clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) return true;
            if (t instanceof org.eclipse.jetty.io.EofException) return true;
        }
        return false;
    }

    static void write(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json");
        try {
            ctx.result(JSON.writeValueAsString(Map.of("error", message)));
        } catch (IOException e) {
            ctx.result("{\"error\":\"error\"}");
        }
    }
}
