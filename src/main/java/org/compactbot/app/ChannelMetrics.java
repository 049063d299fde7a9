package org.compactbot.app;

import org.compactbot.mail.MailMetrics;
import org.compactbot.slack.SlackMetrics;
import org.compactbot.web.Metrics;

/**
 * The channels' counts as metrics on /metrics: each channel declares what it counts (its {@code *Metrics} port), and
 * the names and labels they become are here, in one place. Adding a metric: a method on the channel's port, and its
 * name here.
 */
public final class ChannelMetrics {
    static final String TURNS = "compactbot_turns_total";
    static final String TURN_SECONDS = "compactbot_turn_seconds";
    static final String MAIL_IN = "compactbot_mail_in_total";
    static final String MAIL_OUT = "compactbot_mail_out_total";

    private ChannelMetrics() {
    }

    /** Inbound emails by outcome, email turns, and outgoing emails by result. */
    public static MailMetrics mail(Metrics metrics) {
        return new MailMetrics() {
            @Override
            public void received(String outcome) {
                metrics.count(MAIL_IN, "Inbound emails by outcome", "outcome", outcome);
            }

            @Override
            public void turn(double seconds) {
                turnTaken(metrics, "email", seconds);
            }

            @Override
            public void sent() {
                metrics.count(MAIL_OUT, "Outgoing emails by result", "result", "sent");
            }

            @Override
            public void sendFailed() {
                metrics.count(MAIL_OUT, "Outgoing emails by result", "result", "failed");
            }
        };
    }

    /** Slack turns, and questions answered or not. */
    public static SlackMetrics slack(Metrics metrics) {
        return new SlackMetrics() {
            @Override
            public void turn(double seconds) {
                turnTaken(metrics, "slack", seconds);
            }

            @Override
            public void question(boolean answered) {
                metrics.count(answered ? "compactbot_questions_answered_total" : "compactbot_questions_abstained_total",
                        answered ? "Questions answered from the Compacts" : "Questions with no relevant passage");
            }
        };
    }

    private static void turnTaken(Metrics metrics, String channel, double seconds) {
        metrics.count(TURNS, "Conversation turns handled", "channel", channel);
        metrics.observe(TURN_SECONDS, "Time to handle a conversation turn", seconds, "channel", channel);
    }
}
