package org.compactbot.app;

import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MailOutcome;
import org.compactbot.mail.MessageParser;
import org.compactbot.slack.SlackHttp;
import org.compactbot.web.BrowserEndpoint;
import org.compactbot.web.InboundEndpoint;
import org.compactbot.web.MailInbox;

/** The channels' HTTP endpoints in the web server's terms: the web server knows neither Slack nor email. */
public final class ChannelEndpoints {
    private ChannelEndpoints() {
    }

    /** POST /mail/inbound: one raw message to the email channel, rate-limited by its sender. */
    public static MailInbox mailInbox(MailChannel mail) {
        return new MailInbox(MessageParser::senderOf, raw -> {
            MailOutcome o = mail.receive(raw);
            return new MailInbox.Received(o.what(), o.detail());
        });
    }

    /** POST /slack/events: events, slash commands and interactivity, verified by the Slack channel. */
    public static InboundEndpoint slackEndpoint(SlackHttp slack) {
        return (body, headers) -> {
            SlackHttp.Reply r = slack.handle(body, headers);
            return new InboundEndpoint.Reply(r.status(), r.headers(), r.body());
        };
    }

    /** GET /slack/install and /slack/oauth_redirect: a workspace installing the Slack app (many workspaces only). */
    public static BrowserEndpoint slackInstall(SlackHttp slack) {
        return (path, query, headers) -> {
            SlackHttp.Reply r = slack.install(path, query, headers);
            return new InboundEndpoint.Reply(r.status(), r.headers(), r.body());
        };
    }
}
