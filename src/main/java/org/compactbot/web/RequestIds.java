package org.compactbot.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request's log lines together: the caller's X-Request-Id when it is sane, else a new one. */
final class RequestIds {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    static String of(String given) {
        if (given != null && SANE.matcher(given).matches()) return given;
        return UUID.randomUUID().toString();
    }
}
