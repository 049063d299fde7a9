package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: hands the body, byte for byte as received (Slack's signature is over
 * it), and every header to the Slack channel's {@link InboundEndpoint}, answers what it says, and counts it.
 */
public final class SlackRoute implements Handler {
    private final InboundEndpoint slack;
    private final ServiceMetrics metrics;

    public SlackRoute(InboundEndpoint slack, ServiceMetrics metrics) {
        this.slack = slack;
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) {
        long t0 = System.nanoTime();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        InboundEndpoint.Reply r = slack.handle(new String(RequestBodies.of(ctx), StandardCharsets.UTF_8), headers);
        ctx.status(r.status());
        r.headers().forEach((k, v) -> {
            if (k.equalsIgnoreCase("Content-Type")) ctx.contentType(v);
            else ctx.header(k, v);
        });
        ctx.result(r.body());
        metrics.slackAnswered(r.status(), (System.nanoTime() - t0) / 1e9);
    }
}
