package org.compactbot.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The weekly digest for an area's Compact lead (issue 16 step 7): the area's open cases, the timers that have run out,
 * the cases waiting for the body's formal response with its deadline, and the week's new and closed cases. Overdue is
 * worked out as {@link CaseService#tick} works it out: in {@link WorkingDays} less the area's closure days, the paused
 * time ({@link PausedTime}) not counted, and no case timer while the case is paused; the body's deadline as
 * {@link CaseService#bodyDeadline}. The lead is often the council's own Compact lead officer, so the digest names no
 * complainant, organisation or address: references, bodies, undertakings, statuses, mediators and dates only (a
 * respondent described in the complainant's own words is withheld as in {@link Redaction#respondent}). Pure: cases in,
 * digest out; {@link DigestEmail} writes it.
 *
 * @param day      the day it was made (the week covered is the last full ISO week before it, Monday to Sunday)
 * @param open     open cases, oldest first
 * @param overdue  timers that have run out, oldest case first
 * @param opened   cases raised in the week
 * @param closed   cases closed in the week, with their outcome
 */
public record WeeklyDigest(String area, LocalDate day, List<OpenCase> open, List<Overdue> overdue, List<AwaitingBody> awaitingBody,
                           List<NewCase> opened, List<ClosedCase> closed) {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    public WeeklyDigest {
        open = List.copyOf(open);
        overdue = List.copyOf(overdue);
        awaitingBody = List.copyOf(awaitingBody);
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }

    /** An open case: working days open count neither the area's closure days nor the days paused (shown apart). */
    public record OpenCase(String ref, CaseStatus status, String body, List<String> undertakings, String mediator,
                           int workingDaysOpen, int workingDaysPaused) {}

    /** A timer of the case's that has run out. */
    public enum Timer {
        /** not acknowledged to the complainant within 5 working days */
        NOT_ACKNOWLEDGED,
        /** no resolution within 20 working days of being raised, paused days not counted */
        NO_RESOLUTION,
        /** the body's formal response is past its deadline */
        BODY_RESPONSE
    }

    /**
     * A timer run out on a case.
     *
     * @param workingDays for the first two timers the working days counted (against 5 or 20), for the body's response the
     *                    working days past its deadline
     * @param due         the body's deadline (null for the other timers)
     */
    public record Overdue(String ref, Timer timer, int workingDays, LocalDate due) {}

    /** A case waiting for the body's formal response, asked on {@code asked}, due by {@code deadline}. */
    public record AwaitingBody(String ref, String body, LocalDate asked, LocalDate deadline) {}

    public record NewCase(String ref, LocalDate raised, String body, List<String> undertakings) {}

    /** A case closed in the week: its outcome is the closing status (the closer's own words are not repeated). */
    public record ClosedCase(String ref, LocalDate closed, CaseStatus outcome) {}

    /** What the digest needs to know of a case beyond the case itself: as {@link CaseService} reads it. */
    public interface Clocks {
        /** How long the case's clock has stood still up to the digest's day. */
        PausedTime paused(ChallengeCase c);

        /** The day the body's response is due, or null when it has not been asked. */
        LocalDate bodyDeadline(ChallengeCase c);
    }

    /** The ISO week of the digest's day, e.g. {@code 2026-W50}: a digest goes once per area and ISO week. */
    public String isoWeek() {
        return isoWeek(day);
    }

    public static String isoWeek(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of the week covered: the last full ISO week before the digest's day (on a Monday, the seven days before it). */
    public LocalDate weekFrom() {
        return weekFrom(day);
    }

    static LocalDate weekFrom(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusDays(7);
    }

    /** Nothing open, nothing overdue, nothing waiting for the body. */
    public boolean nothingOpen() {
        return open.isEmpty() && overdue.isEmpty() && awaitingBody.isEmpty();
    }

    /** The digest of the area's cases ({@code cases} may hold other areas' too: they are left out) on {@code today}. */
    public static WeeklyDigest of(String area, LocalDate today, List<ChallengeCase> cases, MediatorDirectory directory, Clocks clocks) {
        Predicate<LocalDate> closedDay = directory.process(area)::closedOn;
        LocalDate from = weekFrom(today), to = from.plusDays(7); // a digest sent late in the week still reports the last full week
        List<ChallengeCase> mine = cases.stream().filter(c -> area.equals(c.area()))
                .sorted(Comparator.comparing(ChallengeCase::createdAt).thenComparing(ChallengeCase::ref)).toList();
        List<OpenCase> open = new ArrayList<>();
        List<Overdue> overdue = new ArrayList<>();
        List<AwaitingBody> awaiting = new ArrayList<>();
        List<NewCase> opened = new ArrayList<>();
        List<ClosedCase> closed = new ArrayList<>();
        for (ChallengeCase c : mine) {
            LocalDate raised = LocalDate.ofInstant(c.createdAt(), UK);
            String body = body(c, directory);
            List<String> ids = Redaction.identifiers(c);
            List<String> undertakings = AnnualReport.undertakings(c).stream().map(u -> Redaction.freeText(u, ids)).toList();
            if (!raised.isBefore(from) && raised.isBefore(to)) opened.add(new NewCase(c.ref(), raised, body, undertakings));
            if (c.status().closed()) {
                LocalDate on = c.closedAt() == null ? null : LocalDate.ofInstant(c.closedAt(), UK);
                if (on != null && !on.isBefore(from) && on.isBefore(to)) closed.add(new ClosedCase(c.ref(), on, c.status()));
                continue;
            }
            PausedTime paused = clocks.paused(c);
            int sinceRaised = WorkingDays.between(raised, today, closedDay);
            open.add(new OpenCase(c.ref(), c.status(), body, undertakings, mediator(c, directory), sinceRaised - paused.workingDays(),
                    paused.workingDays()));
            LocalDate deadline = c.awaitingBodyAnswer() ? clocks.bodyDeadline(c) : null;
            if (deadline != null) {
                awaiting.add(new AwaitingBody(c.ref(), c.body().name(), LocalDate.ofInstant(c.body().askedAt(), UK), deadline));
                if (today.isAfter(deadline)) {
                    overdue.add(new Overdue(c.ref(), Timer.BODY_RESPONSE, WorkingDays.between(deadline, today, closedDay), deadline));
                }
            }
            if (paused.pausedNow()) continue; // as in tick: no case timer runs while the case waits for the complainant or the body
            if (c.acknowledgedAt() == null && sinceRaised >= CaseService.ACKNOWLEDGE_WITHIN) {
                overdue.add(new Overdue(c.ref(), Timer.NOT_ACKNOWLEDGED, sinceRaised, null));
            }
            int running = sinceRaised - paused.workingDays();
            if (running >= CaseService.RESPOND_WITHIN) overdue.add(new Overdue(c.ref(), Timer.NO_RESOLUTION, running, null));
        }
        return new WeeklyDigest(area, today, open, overdue, awaiting, opened, closed);
    }

    /** The body the case is about: the one asked, else the configured body the respondent names, else the respondent as given (withheld if it names the complainant). */
    static String body(ChallengeCase c, MediatorDirectory directory) {
        if (c.body() != null) return c.body().name();
        return directory.bodyFor(c).map(PublicBody::name).orElseGet(() -> c.respondent() == null || c.respondent().isBlank()
                ? "(not named)" : Redaction.respondent(CaseEmails.oneLine(c.respondent()), Redaction.identifiers(c)));
    }

    /** Who has the case: the mediator's name, the area's lead, or nobody yet. */
    static String mediator(ChallengeCase c, MediatorDirectory directory) {
        String id = c.mediatorId();
        if (id == null || id.isBlank()) return "nobody yet";
        if (id.startsWith("lead:")) return "the area's Compact lead";
        return directory.mediator(id).map(Mediator::name).orElse(id);
    }
}
