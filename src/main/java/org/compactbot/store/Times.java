package org.compactbot.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as stored: fixed-width UTC text, so SQL compares and sorts them correctly as strings. */
final class Times {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String of(Instant i) {
        return FIXED.format(i);
    }
}
