package org.compactbot.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and spans are written to people. */
final class Wording {
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Wording() {}

    static String date(LocalDate d) {
        return UK.format(d);
    }

    static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    static String areaName(String areaId) {
        return org.compactbot.knowledge.AreaDetector.displayName(areaId);
    }
}
