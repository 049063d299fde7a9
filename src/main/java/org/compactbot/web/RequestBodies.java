package org.compactbot.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request bodies, read by the admission steps to each route's own limit and kept for the route; and what no
 * handler read, drained before the response goes out.
 */
final class RequestBodies {
    /** WebServer's logger, as before the routes moved out of it: operators' log filters keep working. */
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** At most this much of a refused body is read and dropped, so that its sender receives the refusal (see discard). */
    static final long MAX_DISCARDED_BYTES = 64_000_000;
    private static final String BODY = "compactbot.body";

    private RequestBodies() {}

    /**
     * Reads the body, counting bytes as they arrive (chunked or not), and stops at {@code maxBytes}: 413 before
     * reading when the declared length is over it, 413 as soon as a streamed body passes it, 400 when the body
     * cannot be read (a broken chunked encoding).
     *
     * @throws Refusal.PayloadTooLarge or Refusal.BadRequest, as above
     */
    static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) throw new Refusal.PayloadTooLarge(maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) throw new Refusal.PayloadTooLarge(maxBytes);
                out.write(buffer, 0, n);
            }
        } catch (Refusal tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException e) {
            LOG.info("request {} {}: the body could not be read ({})", ctx.method(), WebServer.route(ctx.path()), e.getClass().getSimpleName());
            throw new Refusal.BadRequest("The request body could not be read: it ended early or its chunked encoding is broken.");
        }
        byte[] body = out.toByteArray();
        ctx.attribute(BODY, body);
        return body;
    }

    /** The body the admission step read; where a route runs without one (a bare Javalin), Javalin's own reading of it. */
    static byte[] of(Context ctx) {
        byte[] b = ctx.attribute(BODY);
        return b != null ? b : ctx.bodyAsBytes();
    }

    /**
     * Reads and drops any part of the body no handler read (a request refused with 413, 429 or 503 before its
     * body was looked at), before the response goes out. Without this Jetty closes a connection with unread
     * bytes, the operating system resets it, and the client sees "connection reset" instead of the answer and its
     * message. A body beyond MAX_DISCARDED_BYTES is not read further: that client gets the reset.
     */
    static void discard(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = MAX_DISCARDED_BYTES;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) left -= n;
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body was already taken: nothing more to drop
        }
    }
}
