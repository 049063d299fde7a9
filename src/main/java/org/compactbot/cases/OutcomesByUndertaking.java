package org.compactbot.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The yearly report's outcomes by undertaking (issue 16 step 7): for each undertaking cited in the year's cases (its
 * document and reference, as the person chose it), how many of those cases closed with each outcome (resolved,
 * withdrawn, closed unresolved, signposted). A case citing two undertakings counts once under each; open cases are not
 * counted. A part of the report of its own, like {@link ClockFigures}, appended by {@code cases report}. Names nobody.
 * Pure: cases in, figures out.
 */
public final class OutcomesByUndertaking {
    /** The closing statuses, in the order the report shows them. */
    static final List<CaseStatus> OUTCOMES = List.of(CaseStatus.RESOLVED, CaseStatus.WITHDRAWN, CaseStatus.CLOSED_UNRESOLVED, CaseStatus.SIGNPOSTED);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private OutcomesByUndertaking() {}

    /** One undertaking and its closed cases' outcomes (every outcome present, 0 where none). */
    public record Row(String undertaking, Map<CaseStatus, Integer> outcomes) {
        public Row {
            outcomes = Map.copyOf(outcomes);
        }

        public int closed() {
            return outcomes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Undertakings with at least one closed case, most closed first, then by name. */
    public record Figures(int year, List<Row> rows) {
        public Figures {
            rows = List.copyOf(rows);
        }
    }

    public static Figures of(int year, List<ChallengeCase> all) {
        Map<String, Map<CaseStatus, Integer>> by = new TreeMap<>();
        for (ChallengeCase c : all) {
            if (!c.status().closed() || LocalDate.ofInstant(c.createdAt(), UK).getYear() != year) continue;
            for (String u : AnnualReport.undertakings(c)) {
                by.computeIfAbsent(u.strip(), k -> zeros()).merge(c.status(), 1, Integer::sum);
            }
        }
        List<Row> rows = by.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.closed() != b.closed() ? Integer.compare(b.closed(), a.closed()) : a.undertaking().compareTo(b.undertaking()))
                .toList();
        return new Figures(year, rows);
    }

    private static Map<CaseStatus, Integer> zeros() {
        Map<CaseStatus, Integer> m = new EnumMap<>(CaseStatus.class);
        for (CaseStatus s : OUTCOMES) m.put(s, 0);
        return m;
    }

    /** The rows to append to the report's CSV (dimension,value,count): dimension {@code undertaking_<outcome>}. */
    public static String csv(Figures f) {
        StringBuilder sb = new StringBuilder();
        for (Row r : f.rows()) {
            for (CaseStatus s : OUTCOMES) {
                sb.append("undertaking_").append(s.id()).append(',').append(AnnualReport.csvField(r.undertaking())).append(',')
                        .append(r.outcomes().get(s)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The section to append to the report's Markdown. */
    public static String markdown(Figures f) {
        StringBuilder sb = new StringBuilder("\n## Outcomes by undertaking\n\n");
        if (f.rows().isEmpty()) return sb.append("No challenge raised in ").append(f.year()).append(" has closed yet.\n").toString();
        sb.append("| undertaking |");
        for (CaseStatus s : OUTCOMES) sb.append(' ').append(s.id().replace('_', ' ')).append(" |");
        sb.append("\n|---|").append("---|".repeat(OUTCOMES.size())).append('\n');
        for (Row r : f.rows()) {
            sb.append("| ").append(r.undertaking().replace("|", "\\|")).append(" |");
            for (CaseStatus s : OUTCOMES) sb.append(' ').append(r.outcomes().get(s)).append(" |");
            sb.append('\n');
        }
        return sb.append(String.format(Locale.ROOT, "%nClosed challenges of %d counted once under each undertaking they cite.%n", f.year())).toString();
    }
}
