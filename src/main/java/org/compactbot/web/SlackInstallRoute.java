package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /slack/install} and {@code GET /slack/oauth_redirect}: a workspace admin's browser installing the Slack
 * app (many workspaces only; the server rate-limits them per client first). The path, query and headers go to the
 * Slack channel's {@link BrowserEndpoint}, and what it answers (a redirect to Slack, a page, a cookie) goes back.
 */
public final class SlackInstallRoute implements Handler {
    private final BrowserEndpoint install;

    public SlackInstallRoute(BrowserEndpoint install) {
        this.install = install;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        InboundEndpoint.Reply r = install.handle(ctx.path(), ctx.queryParamMap(), headers);
        ctx.status(r.status());
        r.headers().forEach((k, v) -> {
            if (k.equalsIgnoreCase("Content-Type")) ctx.contentType(v);
            else ctx.header(k, v);
        });
        ctx.result(r.body());
    }
}
