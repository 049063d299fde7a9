package org.compactbot.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.compactbot.cases.Surveys.Survey;

/**
 * The whole of the Implementation Group's yearly report, put together once for {@code cases report} and the case desk's
 * report page: the counts ({@link AnnualReport}), the clocks paused and the body's response ({@link ClockFigures}, when a
 * case service is there to read the history), the outcomes by undertaking ({@link OutcomesByUndertaking}) and the closing
 * survey ({@link SurveyFigures}), and their CSV and Markdown in the order the CLI has always printed them. Pure.
 */
public record YearReport(int year, AnnualReport.Figures counts, Optional<ClockFigures.Figures> clocks, OutcomesByUndertaking.Figures outcomes,
                         SurveyFigures surveys) {

    /**
     * @param cases   the cases to count (all of them, or one area's)
     * @param surveys the closing surveys; only those of the cases given are counted
     * @param service the case service, for the clocks (null: that part left out)
     */
    public static YearReport of(int year, List<ChallengeCase> cases, List<Survey> surveys, CaseService service, LocalDate today) {
        Optional<ClockFigures.Figures> clocks = service == null ? Optional.empty()
                : Optional.of(ClockFigures.of(year, cases, service::pausedTime, service::bodyDeadline, service::process, today));
        return new YearReport(year, AnnualReport.of(year, cases), clocks, OutcomesByUndertaking.of(year, cases), SurveyFigures.of(year, surveys));
    }

    /** The report of the cases of these areas only, and the surveys sent about them. */
    public static YearReport ofAreas(int year, List<String> areas, List<ChallengeCase> all, List<Survey> surveys, CaseService service,
                                     LocalDate today) {
        List<ChallengeCase> mine = all.stream().filter(c -> areas.contains(c.area())).toList();
        Set<String> refs = mine.stream().map(ChallengeCase::ref).collect(Collectors.toSet());
        return of(year, mine, surveys.stream().filter(s -> refs.contains(s.ref())).toList(), service, today);
    }

    /** The text of {@code cases report --format csv}. */
    public String csv() {
        return AnnualReport.csv(counts) + clocks.map(ClockFigures::csv).orElse("") + OutcomesByUndertaking.csv(outcomes) + SurveyFigures.csv(surveys);
    }

    /** The text of {@code cases report --format md}. */
    public String markdown() {
        return AnnualReport.markdown(counts) + clocks.map(ClockFigures::markdown).orElse("") + OutcomesByUndertaking.markdown(outcomes)
                + SurveyFigures.markdown(surveys);
    }
}
