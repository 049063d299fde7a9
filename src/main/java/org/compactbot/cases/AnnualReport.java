package org.compactbot.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Compact Implementation Group's yearly figures: challenges by area, code of practice,
 * undertaking, respondent and outcome; median days to accept and to resolve. Names of
 * complainants never appear (a respondent described with the complainant's name, address or
 * organisation is shown as withheld). Pure: cases in, table out.
 */
public final class AnnualReport {
    private AnnualReport() {}

    public record Row(String dimension, String value, long count) {}

    public record Figures(int year, int total, List<Row> rows, Double medianDaysToAccept, Double medianDaysToResolve) {}

    public static Figures of(int year, List<ChallengeCase> all) {
        ZoneId uk = ZoneId.of("Europe/London");
        List<ChallengeCase> cases = all.stream().filter(c -> LocalDate.ofInstant(c.createdAt(), uk).getYear() == year).toList();
        List<Row> rows = new ArrayList<>();
        count(rows, "area", cases.stream().map(c -> CaseEmails.areaName(c.area())).toList());
        count(rows, "code", cases.stream().flatMap(c -> codes(c).stream()).toList());
        count(rows, "undertaking", cases.stream().flatMap(c -> undertakings(c).stream()).toList());
        count(rows, "respondent", cases.stream().map(c -> c.respondent() == null ? "(unknown)"
                : Redaction.respondent(c.respondent().strip(), Redaction.identifiers(c))).toList());
        count(rows, "outcome", cases.stream().map(c -> c.status().closed() ? c.status().id() : "open (" + c.status().id() + ")").toList());
        return new Figures(year, cases.size(), rows,
                median(cases.stream().filter(c -> c.acceptedAt() != null).map(c -> days(c.createdAt(), c.acceptedAt())).toList()),
                median(cases.stream().filter(c -> c.closedAt() != null && c.status() == CaseStatus.RESOLVED)
                        .map(c -> days(c.createdAt(), c.closedAt())).toList()));
    }

    private static List<String> codes(ChallengeCase c) {
        String s = c.facts().getOrDefault("codes", "");
        return s.isBlank() ? List.of("(none given)") : List.of(s.split(","));
    }

    /** The undertakings a case cites (document and reference, as the person chose them), or "(none given)". */
    static List<String> undertakings(ChallengeCase c) {
        String u = c.answer("undertakings");
        if (u == null || u.isBlank() || u.startsWith("(") || u.equals("none of these")) return List.of("(none given)");
        return List.of(u.split("; "));
    }

    private static void count(List<Row> rows, String dimension, List<String> values) {
        Map<String, Long> counts = new TreeMap<>();
        for (String v : values) counts.merge(v, 1L, Long::sum);
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> rows.add(new Row(dimension, e.getKey(), e.getValue())));
    }

    static Double median(List<Double> xs) {
        if (xs.isEmpty()) return null;
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public static String csv(Figures f) {
        StringBuilder sb = new StringBuilder("dimension,value,count\n");
        sb.append("total,all,").append(f.total()).append('\n');
        for (Row r : f.rows()) sb.append(r.dimension()).append(',').append(csvField(r.value())).append(',').append(r.count()).append('\n');
        sb.append("median_days,to_accept,").append(f.medianDaysToAccept() == null ? "" : fmt(f.medianDaysToAccept())).append('\n');
        sb.append("median_days,to_resolve,").append(f.medianDaysToResolve() == null ? "" : fmt(f.medianDaysToResolve())).append('\n');
        return sb.toString();
    }

    public static String markdown(Figures f) {
        StringBuilder sb = new StringBuilder("# Compact challenges " + f.year() + "\n\n" + f.total() + " challenges raised.\n");
        String dim = null;
        for (Row r : f.rows()) {
            if (!r.dimension().equals(dim)) {
                dim = r.dimension();
                sb.append("\n## By ").append(dim).append("\n\n| ").append(dim).append(" | challenges |\n|---|---|\n");
            }
            sb.append("| ").append(r.value().replace("|", "\\|")).append(" | ").append(r.count()).append(" |\n");
        }
        sb.append("\nMedian days to accept: ").append(f.medianDaysToAccept() == null ? "n/a" : fmt(f.medianDaysToAccept()))
                .append("; to resolve: ").append(f.medianDaysToResolve() == null ? "n/a" : fmt(f.medianDaysToResolve())).append(".\n");
        return sb.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String csvField(String v) {
        String s = v.replaceAll("^[=+\\-@]", "'$0"); // never a formula in a spreadsheet
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Days from one instant to another, for the report's medians. */
    static double days(java.time.Instant from, java.time.Instant to) {
        return java.time.Duration.between(from, to).toMinutes() / (60.0 * 24);
    }
}
