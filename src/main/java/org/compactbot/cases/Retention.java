package org.compactbot.cases;

import java.time.Clock;

/** Applies the retention policy to what is held, now (the daily job and `cases retention`). */
public final class Retention {
    private final PersonalData data;
    private final RetentionPolicy policy;
    private final Clock clock;

    public Retention(PersonalData data, RetentionPolicy policy, Clock clock) {
        this.data = data;
        this.policy = policy;
        this.clock = clock;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** Anonymises expired cases and deletes abandoned drafts; with dryRun, only says what it would do. */
    public PersonalData.Sweep run(boolean dryRun, String actor) {
        var now = clock.instant();
        return data.sweep(policy.casesClosedBefore(now), policy.draftsUntouchedBefore(now), dryRun, actor);
    }
}
