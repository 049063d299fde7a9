package org.compactbot.web;

import java.util.List;
import java.util.Map;

/**
 * A channel's endpoint that a person's browser visits (GET, no body): the path, its query parameters and every header
 * in (cookies among them); what to answer out, as {@link InboundEndpoint.Reply}. Slack's install flow is one:
 * {@code GET /slack/install} and {@code GET /slack/oauth_redirect}.
 */
@FunctionalInterface
public interface BrowserEndpoint {
    InboundEndpoint.Reply handle(String path, Map<String, List<String>> query, Map<String, List<String>> headers);
}
