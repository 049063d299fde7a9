package org.compactbot.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every response carries, whatever its type: the service serves data, never pages to frame or scripts to run. */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static Map<String, String> forRequest(String path, boolean https) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        h.put("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/") || path.startsWith("/mail/") || path.startsWith("/slack/")) h.put("Cache-Control", "no-store");
        if (https) h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        return h;
    }
}
