package org.compactbot.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Working days in England &amp; Wales: Monday to Friday, less England &amp; Wales bank holidays.
 * Bank holidays are computed for any year from the rules (no downloaded table), with the
 * moved and one-off days proclaimed since 2002.
 */
public final class WorkingDays {
    private WorkingDays() {}

    /** Years whose Early May bank holiday was moved off the first Monday in May. */
    private static final Map<Integer, LocalDate> EARLY_MAY_MOVED = Map.of(
            1995, LocalDate.of(1995, 5, 8),   // VE Day 50th anniversary
            2020, LocalDate.of(2020, 5, 8));  // VE Day 75th anniversary

    /** Years whose Spring bank holiday was moved off the last Monday in May. */
    private static final Map<Integer, LocalDate> SPRING_MOVED = Map.of(
            2002, LocalDate.of(2002, 6, 4),   // Golden Jubilee
            2012, LocalDate.of(2012, 6, 4),   // Diamond Jubilee
            2022, LocalDate.of(2022, 6, 2));  // Platinum Jubilee

    /** One-off bank holidays proclaimed for a single year. */
    private static final Set<LocalDate> ONE_OFF = Set.of(
            LocalDate.of(1999, 12, 31),   // Millennium
            LocalDate.of(2002, 6, 3),     // Golden Jubilee
            LocalDate.of(2011, 4, 29),    // Royal wedding
            LocalDate.of(2012, 6, 5),     // Diamond Jubilee
            LocalDate.of(2022, 6, 3),     // Platinum Jubilee
            LocalDate.of(2022, 9, 19),    // State Funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8));    // Coronation of King Charles III

    private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

    public static boolean isWorkingDay(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !bankHolidays(d.getYear()).contains(d);
    }

    /** England &amp; Wales bank holidays in {@code year}, in date order. */
    public static Set<LocalDate> bankHolidays(int year) {
        return CACHE.computeIfAbsent(year, WorkingDays::compute);
    }

    /** The date n working days after start (start itself not counted; n >= 0; n == 0 returns start). */
    public static LocalDate plus(LocalDate start, int n) {
        return plus(start, n, d -> false);
    }

    /** Working days from start (exclusive) to end (inclusive); 0 when end <= start. */
    public static int between(LocalDate start, LocalDate end) {
        return between(start, end, d -> false);
    }

    /** A working day that is also not one of the area's own closure days (a Christmas shutdown, say). */
    public static boolean isWorkingDay(LocalDate d, Predicate<LocalDate> closed) {
        return isWorkingDay(d) && !closed.test(d);
    }

    /** As {@link #plus(LocalDate, int)}, skipping the {@code closed} days too. */
    public static LocalDate plus(LocalDate start, int n, Predicate<LocalDate> closed) {
        if (n < 0) throw new IllegalArgumentException("working days must be >= 0, was " + n);
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d, closed)) left--;
        }
        return d;
    }

    /** As {@link #between(LocalDate, LocalDate)}, not counting the {@code closed} days. */
    public static int between(LocalDate start, LocalDate end, Predicate<LocalDate> closed) {
        int count = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d, closed)) count++;
        }
        return count;
    }

    private static Set<LocalDate> compute(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(EARLY_MAY_MOVED.getOrDefault(year,
                LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))));
        days.add(SPRING_MOVED.getOrDefault(year,
                LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        addChristmas(year, days);
        for (LocalDate d : ONE_OFF) {
            if (d.getYear() == year) days.add(d);
        }
        return Collections.unmodifiableSet(days);
    }

    /** Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a weekend. */
    private static void addChristmas(int year, Set<LocalDate> days) {
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate christmasObserved = weekdayOnOrAfter(christmas);
        days.add(christmasObserved);
        LocalDate boxing = weekdayOnOrAfter(christmas.plusDays(1));
        if (!boxing.isAfter(christmasObserved)) boxing = weekdayOnOrAfter(christmasObserved.plusDays(1));
        days.add(boxing);
    }

    private static LocalDate weekdayOnOrAfter(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.plusDays(1);
        return d;
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
