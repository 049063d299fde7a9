package org.compactbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The routes other channels receive on: {@code POST /mail/inbound} (the email channel, when mail.inbound-token is
 * set) and {@code POST /slack/events} (the Slack channel, when Slack is on), each with its admission step.
 */
final class InboundRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<MailInbox> mail;
    private final String mailToken;
    /** Who may post to /mail/inbound: the holder of mail.inbound-token. */
    private final ApiAccess mailAccess;
    private final Handler slack;
    private final Admission admission;

    InboundRoutes(Optional<MailInbox> mail, String mailToken, Optional<InboundEndpoint> slack, Admission admission, ServiceMetrics metrics) {
        this.mail = mail;
        this.mailToken = mailToken;
        this.mailAccess = new ApiAccess(mailToken);
        this.slack = slack.<Handler>map(endpoint -> new SlackRoute(endpoint, metrics)).orElse(ctx -> {
            throw new Refusal.Off(HttpStatus.NOT_FOUND, "Slack is off: set slack.bot-token and slack.signing-secret.");
        });
        this.admission = admission;
    }

    /**
     * /mail/inbound: only the holder of mail.inbound-token may send a message (callers without it are limited by
     * address, and refused before their body is read); the rate limit then counts each sending address (the From of
     * the message) on its own, so one noisy sender does not use up everyone's allowance.
     */
    void admitMail(Context ctx) {
        admission.notStopping();
        if (mail.isEmpty() || mailToken.isBlank()) {
            throw new Refusal.Off(HttpStatus.SERVICE_UNAVAILABLE, "The inbound mail endpoint is off: set mail.inbound-token.");
        }
        if (!mailAccess.allows(ctx.header("Authorization"), null)) {
            admission.withinLimit(ctx, "mail-caller:" + admission.address(ctx));
            throw new Refusal.Unauthorized("Missing or wrong bearer token.", ctx.header("Authorization") != null);
        }
        byte[] raw = RequestBodies.read(ctx, WebServer.MAX_MAIL_BYTES);
        String sender = mail.get().senderOf().apply(raw);
        admission.withinLimit(ctx, "mail:" + (sender.isEmpty() ? "(no sender)" : sender));
    }

    void mail(Context ctx) throws IOException {
        byte[] raw = RequestBodies.of(ctx);
        if (raw.length == 0) throw new Refusal.BadRequest("Send one raw RFC 822 message as the body.");
        MailInbox.Received r = mail.orElseThrow().receive(raw);
        ctx.contentType("application/json").result(JSON.writeValueAsString(Map.of("outcome", r.what(), "detail", r.detail())));
    }

    /** /slack/events: Slack's signature is over the body, so the body is read first, but never more than 1 MB of it. */
    void admitSlack(Context ctx) {
        admission.notStopping();
        admission.withinSlackCap(ctx);
        RequestBodies.read(ctx, WebServer.MAX_SLACK_BYTES);
    }

    void slack(Context ctx) throws Exception {
        slack.handle(ctx);
    }
}
