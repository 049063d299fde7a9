package org.compactbot.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a case stands, as the person who raised it is told (STATUS by email, /compact status in Slack): its stage, the next deadline the
 * process sets (in working days, as the timers count them; none once it is closed or with the Compact lead) and
 * what happens next. A pure policy over the case and today's date.
 *
 * @param nextDeadline the day the next step is due, or null when the process sets none
 * @param paused       how long the case's clock has stood still while we waited for the complainant or the body
 */
public record CaseProgress(String ref, CaseStatus status, String respondent, LocalDate nextDeadline, String nextStep, boolean overdue,
                           PausedTime paused) {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    public CaseProgress(String ref, CaseStatus status, String respondent, LocalDate nextDeadline, String nextStep, boolean overdue) {
        this(ref, status, respondent, nextDeadline, nextStep, overdue, PausedTime.NONE);
    }

    /** As {@link #of(ChallengeCase, LocalDate, PausedTime, AreaProcess, LocalDate)} for a case never paused, in an area of standard days. */
    public static CaseProgress of(ChallengeCase c, LocalDate today) {
        return of(c, today, PausedTime.NONE, AreaProcess.standard(c.area()), null);
    }

    /**
     * @param paused       the case's paused time (the response deadline moves on by the days paused)
     * @param process      the area's closure days, which no deadline counts
     * @param bodyDeadline the day the body's formal response is due, or null when it has not been asked
     */
    public static CaseProgress of(ChallengeCase c, LocalDate today, PausedTime paused, AreaProcess process, LocalDate bodyDeadline) {
        LocalDate raised = LocalDate.ofInstant(c.createdAt(), UK);
        String body = c.respondent() == null || c.respondent().isBlank() ? "the public body" : c.respondent();
        LocalDate due;
        String next;
        switch (c.status()) {
            case SUBMITTED -> {
                due = WorkingDays.plus(raised, CaseService.ACKNOWLEDGE_WITHIN, process::closedOn);
                next = "We are finding a mediator for it, who will contact you.";
            }
            case ASSIGNED -> {
                LocalDate assigned = c.assignedAt() == null ? raised : LocalDate.ofInstant(c.assignedAt(), UK);
                due = WorkingDays.plus(assigned, CaseService.REASSIGN_AFTER, process::closedOn);
                next = "The mediator decides whether to take it on; if they have not by then, it goes to another mediator.";
            }
            case ACCEPTED, IN_MEDIATION -> {
                due = WorkingDays.plus(raised, CaseService.RESPOND_WITHIN + paused.workingDays(), process::closedOn);
                next = "The mediator works with you and " + body + " towards a resolution; a formal response is due by then.";
            }
            case AWAITING_COMPLAINANT -> {
                due = null;
                next = "The mediator has asked you a question: please reply to their email. The case's clock is paused until you do.";
            }
            case AWAITING_BODY -> {
                due = bodyDeadline;
                next = body + " has been asked for its formal response" + (bodyDeadline == null ? "" : ", due by then")
                        + "; the case's clock is paused until it replies. If you have had their final response, reply to our email to say so.";
            }
            case ESCALATED -> {
                due = null;
                next = "The area's Compact lead is looking at it and will contact you.";
            }
            default -> {
                due = null;
                next = "Nothing more: the challenge is closed" + (c.outcome() == null || c.outcome().isBlank() ? "." : " (" + c.outcome().strip() + ").");
            }
        }
        return new CaseProgress(c.ref(), c.status(), body, due, next, due != null && due.isBefore(today), paused);
    }

    /** The whole answer, in words. */
    public String inWords() {
        StringBuilder sb = new StringBuilder("Your challenge ").append(ref).append(" about ").append(respondent).append(" is ")
                .append(status.inWords()).append('.');
        if (nextDeadline != null) {
            sb.append("\nNext deadline: ").append(DAY.format(nextDeadline)).append(overdue ? " (passed: the Compact lead is told)" : "").append('.');
        }
        if (paused.workingDays() > 0 || paused.pausedNow()) {
            sb.append("\nClock paused: ").append(paused.workingDays()).append(paused.workingDays() == 1 ? " working day" : " working days")
                    .append(paused.pausedNow() ? " so far, since " + DAY.format(paused.since()) : " in all").append('.');
        }
        return sb.append("\nNext step: ").append(nextStep).toString();
    }
}
