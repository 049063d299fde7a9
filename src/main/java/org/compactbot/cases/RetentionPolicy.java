package org.compactbot.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How long personal data is kept: a case for so many years after it was closed (counted in UK
 * calendar years, so 29 February falls back to 28 February), an abandoned draft for so many days
 * after it was last touched. Pure.
 */
public record RetentionPolicy(int casesYearsAfterClosure, int abandonedDraftsDays) {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    public RetentionPolicy {
        if (casesYearsAfterClosure < 1) throw new IllegalArgumentException("cases are kept at least 1 year after closure");
        if (abandonedDraftsDays < 1) throw new IllegalArgumentException("abandoned drafts are kept at least 1 day");
    }

    /** Cases closed before this instant have been kept long enough. */
    public Instant casesClosedBefore(Instant now) {
        return now.atZone(UK).minusYears(casesYearsAfterClosure).toInstant();
    }

    /** Drafts untouched since before this instant are abandoned. */
    public Instant draftsUntouchedBefore(Instant now) {
        return now.minus(Duration.ofDays(abandonedDraftsDays));
    }
}
