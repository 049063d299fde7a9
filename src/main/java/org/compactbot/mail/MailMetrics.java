package org.compactbot.mail;

/** What the email channel counts for /metrics; the wiring connects it to the web layer's metrics. */
public interface MailMetrics {
    /** An inbound message was received and handled: replied, ignored, duplicate. */
    void received(String outcome);

    /** A conversation turn taken for an email, and how long it took. */
    void turn(double seconds);

    /** An email left the outbox (over SMTP or as a file). */
    void sent();

    /** An attempt to send an email failed; it is retried later. */
    void sendFailed();

    MailMetrics NONE = new MailMetrics() {
        @Override
        public void received(String outcome) {}

        @Override
        public void turn(double seconds) {}

        @Override
        public void sent() {}

        @Override
        public void sendFailed() {}
    };
}
