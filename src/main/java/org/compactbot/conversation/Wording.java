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
        if (areaId == null) return "";
        if (areaId.equals("redcar-cleveland")) return "Redcar & Cleveland";
        StringBuilder sb = new StringBuilder();
        for (String w : areaId.split("-")) {
            if (w.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }
}
