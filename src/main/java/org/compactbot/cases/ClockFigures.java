package org.compactbot.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.compactbot.cases.ChallengeCase.BodyRequest.Answer;

/**
 * The yearly report's figures on stopped clocks and the body's formal response (issue 16 items 3 and 7): working days
 * paused (in all, and the median of the cases that paused), and for the bodies asked: how many answered on the thread,
 * how many the complainant told us had answered, how many were still unanswered after their deadline, and the median
 * working days from request to reply. Kept apart from {@link AnnualReport} (whose rows it follows: dimension, value,
 * count) so each part of the report changes on its own. Names nobody. Pure: cases in, figures out.
 */
public final class ClockFigures {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private ClockFigures() {}

    public record Figures(int pausedDaysTotal, int casesPaused, Double medianPausedDays, int bodiesAsked, int answeredOnThread,
                          int finalResponseTold, int unansweredByDeadline, Double medianBodyResponseDays) {}

    /**
     * @param paused   a case's paused time (from its history)
     * @param deadline the day a case's body response is due (null when not asked)
     * @param closed   an area's process, for its closure days
     */
    public static Figures of(int year, List<ChallengeCase> all, Function<ChallengeCase, PausedTime> paused,
                             Function<ChallengeCase, LocalDate> deadline, Function<String, AreaProcess> closed, LocalDate today) {
        List<ChallengeCase> cases = all.stream().filter(c -> LocalDate.ofInstant(c.createdAt(), UK).getYear() == year).toList();
        int total = 0;
        List<Double> pausedDays = new ArrayList<>(), responseDays = new ArrayList<>();
        int asked = 0, replied = 0, told = 0, unanswered = 0;
        for (ChallengeCase c : cases) {
            int p = paused.apply(c).workingDays();
            total += p;
            if (p > 0) pausedDays.add((double) p);
            if (c.body() == null) continue;
            asked++;
            if (c.body().answered() && c.body().answer() == Answer.REPLIED) {
                replied++;
                responseDays.add((double) WorkingDays.between(LocalDate.ofInstant(c.body().askedAt(), UK),
                        LocalDate.ofInstant(c.body().answeredAt(), UK), closed.apply(c.area())::closedOn));
            } else if (c.body().answered()) {
                told++;
            } else if (today.isAfter(deadline.apply(c))) {
                unanswered++;
            }
        }
        return new Figures(total, pausedDays.size(), AnnualReport.median(pausedDays), asked, replied, told, unanswered,
                AnnualReport.median(responseDays));
    }

    /** The rows to append to the report's CSV (dimension,value,count). */
    public static String csv(Figures f) {
        return "paused_working_days,total," + f.pausedDaysTotal() + "\n"
                + "paused_working_days,cases_paused," + f.casesPaused() + "\n"
                + "paused_working_days,median_of_cases_paused," + fmt(f.medianPausedDays()) + "\n"
                + "body_requests,asked," + f.bodiesAsked() + "\n"
                + "body_requests,answered_on_thread," + f.answeredOnThread() + "\n"
                + "body_requests,final_response_told_by_complainant," + f.finalResponseTold() + "\n"
                + "body_requests,unanswered_by_deadline," + f.unansweredByDeadline() + "\n"
                + "body_response_working_days,median," + fmt(f.medianBodyResponseDays()) + "\n";
    }

    /** The section to append to the report's Markdown. */
    public static String markdown(Figures f) {
        return "\n## Clocks paused and the body's response\n\n"
                + "Working days paused waiting for the complainant or the body: " + f.pausedDaysTotal() + " in all, over " + f.casesPaused()
                + (f.casesPaused() == 1 ? " case" : " cases") + " (median " + (f.medianPausedDays() == null ? "n/a" : fmt(f.medianPausedDays())) + ").\n\n"
                + "| body's formal response | challenges |\n|---|---|\n"
                + "| asked | " + f.bodiesAsked() + " |\n"
                + "| answered on the case's thread | " + f.answeredOnThread() + " |\n"
                + "| final response told by the complainant | " + f.finalResponseTold() + " |\n"
                + "| unanswered by the deadline | " + f.unansweredByDeadline() + " |\n\n"
                + "Median working days from request to the body's reply: "
                + (f.medianBodyResponseDays() == null ? "n/a" : fmt(f.medianBodyResponseDays())) + ".\n";
    }

    private static String fmt(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d);
    }
}
