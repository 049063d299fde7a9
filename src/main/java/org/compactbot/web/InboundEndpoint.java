package org.compactbot.web;

import java.util.List;
import java.util.Map;

/**
 * A channel's endpoint behind a route, in the web layer's own terms (web imports no channel): the request's
 * body, byte for byte as received but as text, and every header in; the status, headers and body to answer out.
 * {@code POST /slack/events} is one ({@link SlackRoute}); the composition root adapts the channel to it.
 */
@FunctionalInterface
public interface InboundEndpoint {
    /** @param headers every request header, by name as sent, with all its values */
    Reply handle(String body, Map<String, List<String>> headers);

    /** What to answer: a {@code Content-Type} among the headers becomes the response's content type. */
    record Reply(int status, Map<String, String> headers, String body) {}
}
