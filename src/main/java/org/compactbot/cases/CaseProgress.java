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
 */
public record CaseProgress(String ref, CaseStatus status, String respondent, LocalDate nextDeadline, String nextStep, boolean overdue) {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    public static CaseProgress of(ChallengeCase c, LocalDate today) {
        LocalDate raised = LocalDate.ofInstant(c.createdAt(), UK);
        String body = c.respondent() == null || c.respondent().isBlank() ? "the public body" : c.respondent();
        LocalDate due;
        String next;
        switch (c.status()) {
            case SUBMITTED -> {
                due = WorkingDays.plus(raised, CaseService.ACKNOWLEDGE_WITHIN);
                next = "We are finding a mediator for it, who will contact you.";
            }
            case ASSIGNED -> {
                LocalDate assigned = c.assignedAt() == null ? raised : LocalDate.ofInstant(c.assignedAt(), UK);
                due = WorkingDays.plus(assigned, CaseService.REASSIGN_AFTER);
                next = "The mediator decides whether to take it on; if they have not by then, it goes to another mediator.";
            }
            case ACCEPTED, IN_MEDIATION -> {
                due = WorkingDays.plus(raised, CaseService.RESPOND_WITHIN);
                next = "The mediator works with you and " + body + " towards a resolution; a formal response is due by then.";
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
        return new CaseProgress(c.ref(), c.status(), body, due, next, due != null && due.isBefore(today));
    }

    /** The whole answer, in words. */
    public String inWords() {
        StringBuilder sb = new StringBuilder("Your challenge ").append(ref).append(" about ").append(respondent).append(" is ")
                .append(status.inWords()).append('.');
        if (nextDeadline != null) {
            sb.append("\nNext deadline: ").append(DAY.format(nextDeadline)).append(overdue ? " (passed: the Compact lead is told)" : "").append('.');
        }
        return sb.append("\nNext step: ").append(nextStep).toString();
    }
}
