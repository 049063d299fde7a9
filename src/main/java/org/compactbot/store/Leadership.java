package org.compactbot.store;

/**
 * Whether this instance leads: runs the jobs only one instance may run at a time (the IMAP poller,
 * routing new cases, the case timers). Asked every few seconds; an instance takes the lead when it is
 * free, so another takes over when the leader stops.
 */
public interface Leadership extends AutoCloseable {
    /** Takes the lead if it is free, and says whether this instance holds it now. */
    boolean holds();

    /** Gives up the lead (if held). */
    @Override
    void close();

    /** The only instance (SQLite): always leads. */
    static Leadership sole() {
        return new Leadership() {
            @Override
            public boolean holds() {
                return true;
            }

            @Override
            public void close() {
                // nothing to give up
            }
        };
    }
}
