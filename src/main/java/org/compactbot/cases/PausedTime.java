package org.compactbot.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

/**
 * How long a case's clock has stood still: the working days it spent waiting for the complainant
 * ({@link CaseStatus#AWAITING_COMPLAINANT}) or for the body ({@link CaseStatus#AWAITING_BODY}), read from its append-only
 * history (each entry's from and to status), so it survives restarts and needs no column of its own. A pause starts the
 * day the case enters a waiting status and ends the day it leaves for any other; the days counted are those
 * {@link WorkingDays#between} counts (the start day not, the end day yes, the area's closure days not). Pure.
 *
 * @param workingDays working days paused so far, a pause still running counted up to today
 * @param since       the day the running pause began, or null when the clock runs
 * @param waitingFor  the waiting status the case is in, or null
 */
public record PausedTime(int workingDays, LocalDate since, CaseStatus waitingFor) {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    public static final PausedTime NONE = new PausedTime(0, null, null);

    /** Whether a status stops the case's timers. */
    public static boolean pauses(CaseStatus s) {
        return s == CaseStatus.AWAITING_COMPLAINANT || s == CaseStatus.AWAITING_BODY;
    }

    public boolean pausedNow() {
        return since != null;
    }

    public static PausedTime of(List<CaseEvent> history, LocalDate today, Predicate<LocalDate> closed) {
        int days = 0;
        LocalDate start = null;
        CaseStatus last = null;
        for (CaseEvent e : history) {
            CaseStatus to = e.to() == null ? null : CaseStatus.byId(e.to()).orElse(null);
            if (to == null) continue;
            LocalDate day = LocalDate.ofInstant(e.at(), UK);
            if (pauses(to) && start == null) start = day;
            else if (!pauses(to) && start != null) {
                days += WorkingDays.between(start, day, closed);
                start = null;
            }
            last = to;
        }
        if (start == null) return new PausedTime(days, null, null);
        return new PausedTime(days + WorkingDays.between(start, today, closed), start, last);
    }
}
