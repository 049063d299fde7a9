package org.compactbot.conversation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people in the UK write them: 3/11/2026, 03-11-26, 3 Nov 2026, 3rd November,
 * 3rd of November 2026, November 3rd, 2026-11-03, today, yesterday, tomorrow. Day before month;
 * a date without a year is taken in the year that puts it nearest to today.
 */
public final class UkDates {
    /** A date found in text, with where it was. */
    public record Found(LocalDate date, int start, int end) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/-])(?<!\\d\\.)(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2}|\\d{4}))?(?![\\d/-])(?!\\.\\d)");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTH
            + "(?:,?\\s+(\\d{4}))?(?![a-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![a-z])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("\\b(today|yesterday|tomorrow)\\b", Pattern.CASE_INSENSITIVE);

    private UkDates() {}

    public static List<Found> findAll(String text, LocalDate today) {
        List<Found> out = new ArrayList<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) add(out, m, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        m = NUMERIC.matcher(text);
        while (m.find()) {
            Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
            if (year != null && year < 100) year += 2000;
            add(out, m, withYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year, today));
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) {
            add(out, m, withYear(Integer.parseInt(m.group(1)), month(m.group(2)),
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)), today));
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            add(out, m, withYear(Integer.parseInt(m.group(2)), month(m.group(1)),
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)), today));
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            add(out, m, w.equals("today") ? today : w.equals("yesterday") ? today.minusDays(1) : today.plusDays(1));
        }
        out.sort(Comparator.comparingInt(Found::start));
        return out;
    }

    /** The single date in the text, if it holds exactly one. */
    public static java.util.Optional<LocalDate> parseOne(String text, LocalDate today) {
        List<Found> all = findAll(text, today);
        return all.size() == 1 ? java.util.Optional.of(all.get(0).date()) : java.util.Optional.empty();
    }

    private static void add(List<Found> out, Matcher m, LocalDate d) {
        if (d == null) return;
        for (Found f : out) if (m.start() < f.end() && f.start() < m.end()) return; // overlaps one already found
        out.add(new Found(d, m.start(), m.end()));
    }

    private static int month(String name) {
        String k = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(k.length() > 4 && k.startsWith("sept") ? "sept" : k.substring(0, 3), 0);
    }

    private static LocalDate withYear(int day, int month, Integer year, LocalDate today) {
        if (year != null) return date(year, month, day);
        LocalDate best = null;
        for (int y = today.getYear() - 1; y <= today.getYear() + 1; y++) {
            LocalDate d = date(y, month, day);
            if (d != null && (best == null || Math.abs(d.toEpochDay() - today.toEpochDay()) < Math.abs(best.toEpochDay() - today.toEpochDay()))) {
                best = d;
            }
        }
        return best;
    }

    private static LocalDate date(int y, int m, int d) {
        if (y < 1900 || y > 2200) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
