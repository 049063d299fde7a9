package org.compactbot.cases;

import java.time.Instant;

/**
 * Which weekly digests have gone out: one per area and ISO week ({@code 2026-W50}), kept so that a digest is sent once
 * however often the scheduler runs, across restarts and with several instances (the store holds a unique key on area and
 * week). A port: the store implements it. Holds no personal data.
 */
public interface DigestsSent {
    /** Whether the area's digest for this ISO week has been recorded as sent. */
    boolean sent(String area, String isoWeek);

    /**
     * Records the area's digest for this ISO week as sent at {@code at}: true when this call recorded it, false when it was
     * recorded before (by this instance or another). Inside {@link AllOrNothing} it commits with the email it sends.
     */
    boolean record(String area, String isoWeek, Instant at);
}
