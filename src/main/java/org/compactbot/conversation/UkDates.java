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

    public static List<Found> findAll(String raw, LocalDate today) {
        String text = inFigures(raw);
        List<Found> out = new ArrayList<>();
        Map<Found, int[]> yearless = new java.util.IdentityHashMap<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) add(out, m, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        m = NUMERIC.matcher(text);
        while (m.find()) {
            Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
            if (year != null && year < 100) year += 2000;
            if (add(out, m, withYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year, today)) && year == null) {
                yearless.put(out.get(out.size() - 1), new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            }
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) {
            if (add(out, m, withYear(Integer.parseInt(m.group(1)), month(m.group(2)),
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)), today)) && m.group(3) == null) {
                yearless.put(out.get(out.size() - 1), new int[] {Integer.parseInt(m.group(1)), month(m.group(2))});
            }
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            if (add(out, m, withYear(Integer.parseInt(m.group(2)), month(m.group(1)),
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)), today)) && m.group(3) == null) {
                yearless.put(out.get(out.size() - 1), new int[] {Integer.parseInt(m.group(2)), month(m.group(1))});
            }
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            add(out, m, w.equals("today") ? today : w.equals("yesterday") ? today.minusDays(1) : today.plusDays(1));
        }
        out.sort(Comparator.comparingInt(Found::start));
        // "letter 2 March 2026 said the grant ends 31 March": a date without a year is in the year of the dates given
        // with one, the nearest of them before it (else after it), not the year nearest today
        for (int i = 0; i < out.size(); i++) {
            int[] dm = yearless.get(out.get(i));
            if (dm == null) continue;
            LocalDate anchor = null;
            for (int j = i - 1; j >= 0 && anchor == null; j--) if (!yearless.containsKey(out.get(j))) anchor = out.get(j).date();
            for (int j = i + 1; j < out.size() && anchor == null; j++) if (!yearless.containsKey(out.get(j))) anchor = out.get(j).date();
            if (anchor == null) continue;
            LocalDate d = withYear(dm[0], dm[1], null, anchor);
            if (d != null) out.set(i, new Found(d, out.get(i).start(), out.get(i).end()));
        }
        return out;
    }

    /** Whether the text mentions a date at all (whichever year it would be read in). */
    public static boolean mentionsADate(String text) {
        return !findAll(text, ANY_DAY).isEmpty();
    }

    /** A "today" for questions whose answer does not depend on it (is there a date here at all?). */
    static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    /** The single date in the text, if it holds exactly one. */
    public static java.util.Optional<LocalDate> parseOne(String text, LocalDate today) {
        List<Found> all = findAll(text, today);
        return all.size() == 1 ? java.util.Optional.of(all.get(0).date()) : java.util.Optional.empty();
    }

    private static final String[] ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    private static final Pattern WORD_ORDINAL = Pattern.compile("(?i)\\b(?:(twenty|thirty)[- ]?)?(first|second|third|fourth|fifth|sixth|seventh|eighth|"
            + "ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\\b"
            + "(?=\\s+(?:of\\s+)?" + MONTH + ")");
    private static final Pattern END_OF_MONTH = Pattern.compile("(?i)\\b(?:the\\s+)?end\\s+of\\s+" + MONTH + "(?![a-z])");

    /**
     * The text with dates in words put in figures, each replacement padded to the same length so that positions
     * still point into the original: "the seventh of September" reads as "the 7th     of September", "end of
     * April" as "30     April".
     */
    static String inFigures(String text) {
        StringBuilder b = new StringBuilder(text);
        Matcher m = WORD_ORDINAL.matcher(text);
        while (m.find()) {
            int tens = m.group(1) == null ? 0 : m.group(1).equalsIgnoreCase("twenty") ? 20 : 30;
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            int day = tens + (unit.equals("thirtieth") ? 30 : java.util.Arrays.asList(ORDINAL_WORDS).indexOf(unit) + 1);
            if (day > 31) continue;
            pad(b, m.start(), m.end(), day + "th");
        }
        m = END_OF_MONTH.matcher(b.toString());
        while (m.find()) {
            int month = month(m.group(1));
            if (month == 0) continue;
            int last = java.time.YearMonth.of(2025, month).lengthOfMonth(); // February: 28, as a person means "end of February"
            int monthAt = m.start(1);
            pad(b, m.start(), monthAt, last + " ");
        }
        return b.toString();
    }

    private static void pad(StringBuilder b, int start, int end, String with) {
        if (with.length() > end - start) return;
        b.replace(start, end, with + " ".repeat(end - start - with.length()));
    }

    /** Adds the date found unless it overlaps one already found; true when added. */
    private static boolean add(List<Found> out, Matcher m, LocalDate d) {
        if (d == null) return false;
        for (Found f : out) if (m.start() < f.end() && f.start() < m.end()) return false; // overlaps one already found
        out.add(new Found(d, m.start(), m.end()));
        return true;
    }

    private static int month(String name) {
        String k = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(k.length() > 4 && k.startsWith("sept") ? "sept" : k.substring(0, 3), 0);
    }

    /**
     * A day and month without a year: the occurrence soon to come when it is within two months (a cut due "on 15
     * December"), otherwise the one in the past year (people write about what has happened: "the letter came on the
     * 2nd of March"), otherwise the nearest.
     */
    private static LocalDate withYear(int day, int month, Integer year, LocalDate today) {
        if (year != null) return date(year, month, day);
        LocalDate past = null, future = null, nearest = null;
        for (int y = today.getYear() - 1; y <= today.getYear() + 1; y++) {
            LocalDate d = date(y, month, day);
            if (d == null) continue;
            if (!d.isAfter(today)) past = d;
            else if (future == null) future = d;
            if (nearest == null || Math.abs(d.toEpochDay() - today.toEpochDay()) < Math.abs(nearest.toEpochDay() - today.toEpochDay())) nearest = d;
        }
        if (future != null && future.toEpochDay() - today.toEpochDay() <= 61) return future;
        if (past != null && today.toEpochDay() - past.toEpochDay() <= 366) return past;
        return nearest;
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
