package org.compactbot.slack;

/** What the Slack channel counts for /metrics; the wiring connects it to the web layer's metrics. */
public interface SlackMetrics {
    /** A conversation turn taken for a Slack message or click, and how long it took. */
    void turn(double seconds);

    /** A question answered from the Compacts in a channel or by /compact (answered false: the bot abstained). */
    void question(boolean answered);

    SlackMetrics NONE = new SlackMetrics() {
        @Override
        public void turn(double seconds) {}

        @Override
        public void question(boolean answered) {}
    };
}
