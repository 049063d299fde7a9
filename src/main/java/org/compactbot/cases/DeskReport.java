package org.compactbot.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The yearly report as the case desk shows it to a Compact lead: the same figures as {@code cases report}
 * ({@link YearReport}), of the lead's own areas only. Anyone who leads no area gets none.
 */
public final class DeskReport {
    private final CaseStore store;
    private final Surveys surveys;
    private final CaseService cases;
    private final Clock clock;

    public DeskReport(CaseStore store, Surveys surveys, CaseService cases, Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.cases = cases;
        this.clock = clock;
    }

    /** The year's report of the lead's areas; empty for someone who leads none. */
    public Optional<YearReport> of(DeskUser user, int year) {
        if (!user.lead()) return Optional.empty();
        return Optional.of(YearReport.ofAreas(year, user.leadAreas(), store.list(null, null), surveys.all(), cases, today()));
    }

    /** Today in the UK, the year the page shows when none is asked for. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }
}
