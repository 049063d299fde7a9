package org.compactbot.app;

import org.compactbot.conversation.Channel;
import org.compactbot.mail.MailMetrics;
import org.compactbot.slack.SlackMetrics;
import org.compactbot.web.ServiceMetrics;

/**
 * The channels' counts onto /metrics: each channel declares what it counts (its {@code *Metrics} port), and here
 * each count becomes a recording on {@link ServiceMetrics}, where every metric's name, HELP and labels are. Adding
 * a channel's metric: a method on its port, the metric in {@code ServiceMetrics}, and the line between them here.
 */
public final class ChannelMetrics {
    private ChannelMetrics() {
    }

    /** Inbound emails by outcome, email turns, and outgoing emails by result. */
    public static MailMetrics mail(ServiceMetrics metrics) {
        return new MailMetrics() {
            @Override
            public void received(String outcome) {
                metrics.mailReceived(outcome);
            }

            @Override
            public void turn(double seconds) {
                metrics.turn("email", seconds);
            }

            @Override
            public void sent() {
                metrics.mailSent(true);
            }

            @Override
            public void sendFailed() {
                metrics.mailSent(false);
            }
        };
    }

    /** Slack turns, and questions answered or declined in a channel or by /compact (those in a direct message are the engine's). */
    public static SlackMetrics slack(ServiceMetrics metrics) {
        return new SlackMetrics() {
            @Override
            public void turn(double seconds) {
                metrics.turn("slack", seconds);
            }

            @Override
            public void question(boolean answered) {
                metrics.asked(Channel.SLACK, answered);
            }
        };
    }
}
