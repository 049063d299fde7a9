package org.compactbot.conversation;

/**
 * Which deliveries of a channel's events have been seen, for a channel that redelivers an event it thinks was not
 * received (Slack retries an event callback, a form submission can be posted again), so that the same event is not
 * acted on twice. Kept durably: a restart does not forget. A port: the store implements it, a channel uses it.
 */
public interface DeliveryLog {
    /** Records the event id; true only the first time it is seen. */
    boolean firstTime(String eventId);

    /** Forgets an id recorded by {@link #firstTime} whose work did not happen, so that it is acted on when it comes again. */
    void forget(String eventId);
}
