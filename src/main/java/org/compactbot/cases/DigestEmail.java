package org.compactbot.cases;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link WeeklyDigest} as the email its area's lead gets (plain text, and the same as HTML), and as the text
 * {@code cases digest} previews. Only what the digest holds is written, so it names no complainant. Pure.
 */
public final class DigestEmail {
    static final String PURPOSE = "weekly_digest";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DigestEmail() {}

    /** The email to the area's lead. */
    public static OutgoingEmail of(WeeklyDigest d, AreaLead lead) {
        String text = "Dear " + CaseEmails.oneLine(lead.name()) + ",\n\n" + text(d)
                + "\nYou get this digest as the area's Compact lead. To stop it, ask the operator to set digest: off on your entry "
                + "under leads: in config/mediators.yml.\n";
        return new OutgoingEmail(lead.email(), subject(d), text, CaseEmails.html(text), List.of(), null, PURPOSE);
    }

    public static String subject(WeeklyDigest d) {
        return "Compact weekly digest: " + CaseEmails.areaName(d.area()) + ", " + d.isoWeek();
    }

    /** The digest in words: a summary line, then each list that has something in it. */
    public static String text(WeeklyDigest d) {
        StringBuilder sb = new StringBuilder("The Compact challenges in " + CaseEmails.areaName(d.area()) + " on " + DAY.format(d.day())
                + " (week " + d.isoWeek() + ").\n\n");
        String week = DATE.format(d.weekFrom()) + " to " + DATE.format(d.weekFrom().plusDays(6));
        if (d.nothingOpen()) {
            sb.append("Nothing is open: no open cases, no overdue timers and nothing waiting for the body.\n");
        } else {
            sb.append("Open cases: ").append(d.open().size()).append(". Overdue timers: ").append(d.overdue().size())
                    .append(". Waiting for the body: ").append(d.awaitingBody().size()).append(".\n");
        }
        sb.append("In the week of ").append(week).append(": ").append(d.opened().size()).append(" new, ").append(d.closed().size()).append(" closed.\n");
        if (!d.overdue().isEmpty()) {
            sb.append("\nOverdue timers\n");
            for (WeeklyDigest.Overdue o : d.overdue()) sb.append("- ").append(o.ref()).append(": ").append(overdue(o)).append('\n');
        }
        if (!d.awaitingBody().isEmpty()) {
            sb.append("\nWaiting for the body's formal response\n");
            for (WeeklyDigest.AwaitingBody a : d.awaitingBody()) {
                sb.append("- ").append(a.ref()).append(": ").append(a.body()).append(", asked ").append(DATE.format(a.asked()))
                        .append(", due by ").append(DATE.format(a.deadline())).append('\n');
            }
        }
        if (!d.open().isEmpty()) {
            sb.append("\nOpen cases\n");
            for (WeeklyDigest.OpenCase c : d.open()) {
                sb.append("- ").append(c.ref()).append(": ").append(c.status().id()).append(", ").append(c.body()).append(", mediator: ")
                        .append(c.mediator()).append(", ").append(days(c.workingDaysOpen())).append(" open")
                        .append(c.workingDaysPaused() == 0 ? "" : " (and " + days(c.workingDaysPaused()) + " paused)").append('\n')
                        .append("  Undertakings: ").append(String.join("; ", c.undertakings())).append('\n');
            }
        }
        if (!d.opened().isEmpty()) {
            sb.append("\nNew in the week\n");
            for (WeeklyDigest.NewCase c : d.opened()) {
                sb.append("- ").append(c.ref()).append(": raised ").append(DATE.format(c.raised())).append(", ").append(c.body())
                        .append("; undertakings: ").append(String.join("; ", c.undertakings())).append('\n');
            }
        }
        if (!d.closed().isEmpty()) {
            sb.append("\nClosed in the week\n");
            for (WeeklyDigest.ClosedCase c : d.closed()) {
                sb.append("- ").append(c.ref()).append(": closed ").append(DATE.format(c.closed())).append(", ")
                        .append(c.outcome().id().replace('_', ' ')).append('\n');
            }
        }
        return sb.toString();
    }

    private static String overdue(WeeklyDigest.Overdue o) {
        return switch (o.timer()) {
            case NOT_ACKNOWLEDGED -> "not acknowledged to the complainant within " + CaseService.ACKNOWLEDGE_WITHIN + " working days ("
                    + days(o.workingDays()) + " since it was raised)";
            case NO_RESOLUTION -> "no resolution within " + CaseService.RESPOND_WITHIN + " working days (" + days(o.workingDays())
                    + " running, paused days not counted)";
            case BODY_RESPONSE -> "the body's formal response was due by " + DATE.format(o.due()) + " (" + days(o.workingDays()) + " overdue)";
        };
    }

    private static String days(int n) {
        return n + (n == 1 ? " working day" : " working days");
    }
}
