package org.compactbot.slack;

/**
 * Which Slack deliveries have been seen, so a retried or duplicated delivery of the same event
 * is not acted on twice. Kept durably: a restart does not forget.
 */
public interface SlackEventLog {
    /** Records the event id; true only the first time it is seen. */
    boolean firstTime(String eventId);

    /** Forgets an id recorded by {@link #firstTime} whose work did not happen, so that it is acted on when it comes again. */
    void forget(String eventId);
}
