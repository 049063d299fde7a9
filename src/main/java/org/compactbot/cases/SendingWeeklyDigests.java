package org.compactbot.cases;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sends each area's lead the weekly digest ({@link WeeklyDigest}, written by {@link DigestEmail}) through the
 * {@link Outbox}: from Monday 07:00 UK time, once per area and ISO week. It is run from the scheduler that fires the case
 * timers (on the leading instance), so a week whose Monday was missed (the service was down) still gets its digest when
 * the service is back, later that week. Once is kept by {@link DigestsSent} (a unique area and week), recorded in the same
 * transaction as the email is queued: a restart or a second instance never sends it twice. A lead whose entry says
 * {@code digest: off} gets none; an area with no cases gets a short "nothing open" digest.
 */
public final class SendingWeeklyDigests {
    public static final DayOfWeek DAY = DayOfWeek.MONDAY;
    public static final LocalTime FROM = LocalTime.of(7, 0);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CaseStore store;
    private final CaseService cases;
    private final MediatorDirectory directory;
    private final DigestsSent sent;
    private final Outbox outbox;
    private final AllOrNothing transaction;
    private final Clock clock;

    public SendingWeeklyDigests(CaseStore store, CaseService cases, MediatorDirectory directory, DigestsSent sent, Outbox outbox,
                                AllOrNothing transaction, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.directory = directory;
        this.sent = sent;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What became of one area's digest on a run. */
    public record Result(String area, String isoWeek, Kind kind) {
        public enum Kind {
            /** queued for the lead now */
            SENT,
            /** it went earlier this week (from this instance or another) */
            ALREADY_SENT,
            /** the lead's entry says digest: off */
            TURNED_OFF
        }
    }

    /** Whether this week's digests are due: from Monday 07:00 UK time to the end of the ISO week. */
    public boolean due() {
        ZonedDateTime now = clock.instant().atZone(UK);
        return !(now.getDayOfWeek() == DAY && now.toLocalTime().isBefore(FROM));
    }

    /** Sends every lead's digest for this week that is due and not yet sent; empty before Monday 07:00. */
    public List<Result> sendDue() {
        if (!due()) return List.of();
        Instant now = clock.instant();
        String week = WeeklyDigest.isoWeek(LocalDate.ofInstant(now, UK));
        List<Result> results = new ArrayList<>();
        for (AreaLead lead : leads()) {
            if (!lead.digest()) {
                results.add(new Result(lead.area(), week, Result.Kind.TURNED_OFF));
                continue;
            }
            if (sent.sent(lead.area(), week)) {
                results.add(new Result(lead.area(), week, Result.Kind.ALREADY_SENT));
                continue;
            }
            OutgoingEmail email = DigestEmail.of(digest(lead.area()), lead);
            boolean queued = transaction.allOrNothing(() -> {
                if (!sent.record(lead.area(), week, now)) return false; // another instance got there first
                outbox.enqueue(email, null);
                return true;
            });
            results.add(new Result(lead.area(), week, queued ? Result.Kind.SENT : Result.Kind.ALREADY_SENT));
        }
        return results;
    }

    /** The area's digest as it stands today (for a preview: nothing is sent or recorded). */
    public WeeklyDigest digest(String area) {
        return WeeklyDigest.of(area, LocalDate.ofInstant(clock.instant(), UK), store.list(null, area), directory, clocks());
    }

    /** The leads who could get a digest, by area. */
    public List<AreaLead> leads() {
        return directory.leads().values().stream().sorted(Comparator.comparing(AreaLead::area)).toList();
    }

    /** The area's lead, if it has one. */
    public Optional<AreaLead> lead(String area) {
        return directory.lead(area);
    }

    private WeeklyDigest.Clocks clocks() {
        return new WeeklyDigest.Clocks() {
            @Override
            public PausedTime paused(ChallengeCase c) {
                return cases.pausedTime(c);
            }

            @Override
            public LocalDate bodyDeadline(ChallengeCase c) {
                return cases.bodyDeadline(c);
            }
        };
    }
}
