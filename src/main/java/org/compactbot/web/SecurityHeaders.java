package org.compactbot.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every response carries, whatever its type: no framing, no sniffing, and pages that run only their own files. */
final class SecurityHeaders {
    /** What the machine routes may load: nothing. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** What a page may load: its own stylesheet, module script and images; forms post only here. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static Map<String, String> forRequest(String path, boolean https) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        // pages load their own stylesheet and module script only: no inline script or style anywhere
        h.put("Content-Security-Policy", page(path) ? PAGE_POLICY : DATA_POLICY);
        h.put("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/") || path.startsWith("/mail/") || path.startsWith("/slack/")) h.put("Cache-Control", "no-store");
        if (https) h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        return h;
    }

    /** Everything but the machine routes may be a page (an error page included). */
    private static boolean page(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/mail/") || path.startsWith("/slack/events")
                || path.equals("/healthz") || path.equals("/readyz") || path.equals("/metrics"));
    }
}
