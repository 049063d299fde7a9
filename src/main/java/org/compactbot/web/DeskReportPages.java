package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.cases.AnnualReport;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.DeskReport;
import org.compactbot.cases.DeskUser;
import org.compactbot.cases.OutcomesByUndertaking;
import org.compactbot.cases.SurveyAnswer;
import org.compactbot.cases.YearReport;
import org.compactbot.knowledge.AreaDetector;
import org.compactbot.knowledge.KnowledgeGaps;

/**
 * The case desk's pages for a Compact lead: {@code /desk/report?year=} the Implementation Group's yearly report of their
 * areas as bar charts (each followed by its figures as a table), with the CSV and Markdown that {@code cases report}
 * writes at {@code /desk/report.csv} and {@code /desk/report.md}; and {@code /desk/gaps} the questions people asked about
 * their areas that the bot declined or answered with low confidence, most frequent first. These are "not found" to anyone
 * who leads no area, as a case they may not see is.
 */
public final class DeskReportPages {
    static final String REPORT = "/desk/report", CSV = "/desk/report.csv", MARKDOWN = "/desk/report.md", GAPS = "/desk/gaps";
    static final int FIRST_YEAR = 2000, GAPS_SHOWN = 100;

    /** One chart and its table: the figures' label column heading, and each figure. */
    public record Chart(String id, String heading, String column, String valueColumn, List<BarChart.Bar> bars, String svg) {
        public String value(BarChart.Bar b) {
            return BarChart.number(b.value());
        }
    }

    /** The report page: the lead's areas and year, the charts, the sentences of medians, the outcomes table and the downloads. */
    public record ReportPage(String userName, String formToken, String areas, int year, String yearError, int total, List<Chart> charts,
                             String medians, String paused, OutcomesByUndertaking.Figures outcomes, List<String> outcomeColumns,
                             String surveys, String csvHref, String markdownHref) {
        public int count(OutcomesByUndertaking.Row r, int column) {
            return r.outcomes().get(OUTCOMES.get(column));
        }
    }

    public record GapsPage(String userName, String formToken, String areas, List<KnowledgeGaps.Listed> gaps) {}

    private static final List<CaseStatus> OUTCOMES = List.of(CaseStatus.RESOLVED, CaseStatus.WITHDRAWN, CaseStatus.CLOSED_UNRESOLVED,
            CaseStatus.SIGNPOSTED);

    private final Pages pages;
    private final DeskGate gate;
    private final DeskReport report;
    private final KnowledgeGaps gaps;

    DeskReportPages(Pages pages, DeskGate gate, DeskReport report, KnowledgeGaps gaps) {
        this.pages = pages;
        this.gate = gate;
        this.report = report;
        this.gaps = gaps;
    }

    /** The signed-in lead; a redirect to sign in, or "not found" for someone who leads no area (empty either way). */
    private Optional<DeskUser> lead(Context ctx) {
        Optional<DeskUser> u = gate.user(ctx);
        if (u.isEmpty()) {
            ChallengePages.redirect(ctx, DeskSignInPages.SIGN_IN);
            return u;
        }
        if (!u.get().lead()) {
            pages.error(ctx, HttpStatus.NOT_FOUND, Map.of());
            return Optional.empty();
        }
        return u;
    }

    /** The year asked for, or empty when it is not a year the report can cover. */
    private Optional<Integer> year(Context ctx) {
        String y = Optional.ofNullable(ctx.queryParam("year")).orElse("").strip();
        if (y.isEmpty()) return Optional.of(report.today().getYear());
        if (!y.matches("\\d{4}")) return Optional.empty();
        int n = Integer.parseInt(y);
        return n >= FIRST_YEAR && n <= report.today().getYear() ? Optional.of(n) : Optional.empty();
    }

    private String areas(DeskUser u) {
        return String.join(" and ", u.leadAreas().stream().map(AreaDetector::displayName).toList());
    }

    /** GET /desk/report?year= */
    void page(Context ctx) {
        Optional<DeskUser> u = lead(ctx);
        if (u.isEmpty()) return;
        Optional<Integer> asked = year(ctx);
        int year = asked.orElse(report.today().getYear());
        String error = asked.isPresent() ? null : "Enter a year from " + FIRST_YEAR + " to " + report.today().getYear() + ", like "
                + report.today().getYear();
        YearReport r = report.of(u.get(), year).orElseThrow();
        DeskSessions.Session s = gate.session(ctx);
        pages.show(ctx, asked.isPresent() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "pages/desk/report.jte", new ReportPage(u.get().name(),
                s.formToken, areas(u.get()), year, error, r.counts().total(), charts(r), medians(r.counts()), paused(r), r.outcomes(),
                OUTCOMES.stream().map(o -> o.id().replace('_', ' ')).toList(), surveys(r), CSV + "?year=" + year, MARKDOWN + "?year=" + year));
    }

    private static List<Chart> charts(YearReport r) {
        List<Chart> out = new ArrayList<>();
        String[][] dims = {{"code", "Challenges by code of practice", "Code"}, {"undertaking", "Challenges by undertaking", "Undertaking"},
                {"respondent", "Challenges by body", "Body"}, {"outcome", "Challenges by outcome", "Outcome"}};
        for (String[] d : dims) {
            List<BarChart.Bar> bars = r.counts().rows().stream().filter(x -> x.dimension().equals(d[0]))
                    .map(x -> new BarChart.Bar(x.value(), x.count())).toList();
            out.add(chart(d[0], d[1], d[2], "Challenges", bars));
        }
        out.add(chart("time", "Median days from raising to acceptance and to resolution", "Measure", "Median days", List.of(
                new BarChart.Bar("to accept", orZero(r.counts().medianDaysToAccept())),
                new BarChart.Bar("to resolve", orZero(r.counts().medianDaysToResolve())))));
        r.clocks().ifPresent(c -> out.add(chart("body", "The body's formal response", "Body's response", "Challenges", List.of(
                new BarChart.Bar("asked", c.bodiesAsked()), new BarChart.Bar("answered on the case's thread", c.answeredOnThread()),
                new BarChart.Bar("final response told by the complainant", c.finalResponseTold()),
                new BarChart.Bar("unanswered by the deadline", c.unansweredByDeadline())))));
        for (String q : List.of("satisfied", "outcome")) {
            List<BarChart.Bar> bars = new ArrayList<>();
            for (SurveyAnswer.Answer a : SurveyAnswer.Answer.values()) {
                bars.add(new BarChart.Bar(a.id(), (q.equals("satisfied") ? r.surveys().satisfied() : r.surveys().outcomeAsAsked()).get(a)));
            }
            out.add(chart("survey-" + q, q.equals("satisfied") ? "Closing survey: satisfied with how it was handled"
                    : "Closing survey: the outcome was what they asked for", "Answer", "Surveys", bars));
        }
        return out;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static Chart chart(String id, String heading, String column, String valueColumn, List<BarChart.Bar> bars) {
        return new Chart(id, heading, column, valueColumn, bars, BarChart.svg(id, heading, bars));
    }

    private static String medians(AnnualReport.Figures f) {
        return "Median days to accept: " + (f.medianDaysToAccept() == null ? "none accepted yet" : BarChart.number(round(f.medianDaysToAccept())))
                + "; to resolve: " + (f.medianDaysToResolve() == null ? "none resolved yet" : BarChart.number(round(f.medianDaysToResolve()))) + ".";
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static String paused(YearReport r) {
        return r.clocks().map(c -> "Working days paused waiting for the complainant or the body: " + c.pausedDaysTotal() + " in all, over "
                + c.casesPaused() + (c.casesPaused() == 1 ? " case" : " cases") + " (median " + (c.medianPausedDays() == null ? "n/a"
                : BarChart.number(round(c.medianPausedDays()))) + "). Median working days from request to the body's reply: "
                + (c.medianBodyResponseDays() == null ? "n/a" : BarChart.number(round(c.medianBodyResponseDays()))) + ".").orElse("");
    }

    private static String surveys(YearReport r) {
        return r.surveys().sent() + (r.surveys().sent() == 1 ? " survey" : " surveys") + " sent, " + r.surveys().answered() + " answered.";
    }

    /** GET /desk/report.csv?year= : the text of {@code cases report --format csv} for the lead's areas. */
    void csv(Context ctx) {
        download(ctx, "csv", "text/csv; charset=utf-8");
    }

    /** GET /desk/report.md?year= : the text of {@code cases report --format md} for the lead's areas. */
    void markdown(Context ctx) {
        download(ctx, "md", "text/markdown; charset=utf-8");
    }

    private void download(Context ctx, String format, String type) {
        Optional<DeskUser> u = lead(ctx);
        if (u.isEmpty()) return;
        Optional<Integer> year = year(ctx);
        if (year.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                    .result("Enter a year from " + FIRST_YEAR + " to " + report.today().getYear() + ", like ?year=" + report.today().getYear() + "\n");
            return;
        }
        YearReport r = report.of(u.get(), year.get()).orElseThrow();
        ctx.header("Content-Disposition", "attachment; filename=\"compact-challenges-" + year.get() + "." + format + "\"");
        ctx.contentType(type).result(format.equals("csv") ? r.csv() : r.markdown());
    }

    /** GET /desk/gaps: the lead's areas' knowledge gaps, most frequent first. */
    void gaps(Context ctx) {
        Optional<DeskUser> u = lead(ctx);
        if (u.isEmpty()) return;
        List<KnowledgeGaps.Listed> all = new ArrayList<>();
        for (String a : u.get().leadAreas()) all.addAll(gaps.list(a, GAPS_SHOWN));
        all.sort(Comparator.comparingInt(KnowledgeGaps.Listed::times).reversed().thenComparing(Comparator.comparingInt(KnowledgeGaps.Listed::declined)
                .reversed()).thenComparing(KnowledgeGaps.Listed::lastAsked, Comparator.reverseOrder()));
        DeskSessions.Session s = gate.session(ctx);
        pages.show(ctx, HttpStatus.OK, "pages/desk/gaps.jte", new GapsPage(u.get().name(), s.formToken, areas(u.get()),
                all.subList(0, Math.min(GAPS_SHOWN, all.size()))));
    }
}
