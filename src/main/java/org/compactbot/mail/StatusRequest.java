package org.compactbot.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complainant asking where their case stands: {@code STATUS CC-2026-0001} as the subject or the first line (any
 * case, the reference bracketed or not), or a bare {@code STATUS} first line on the thread of a case.
 */
final class StatusRequest {
    private static final Pattern WITH_REF = Pattern.compile(
            "(?i)^\\s*(?:(?:re|fwd?|aw)\\s*:\\s*)*status\\s*(?:of\\s+|for\\s+|:\\s*)?\\[?([a-z][a-z0-9]{0,9}-\\d{4}-\\d{4})]?\\s*(?:please)?\\s*[.!?]?\\s*$");
    private static final Pattern BARE = Pattern.compile("(?i)^\\s*status\\s*(?:please)?\\s*[.!?]?\\s*$");

    private StatusRequest() {}

    /**
     * The reference asked about, upper-cased; empty when the message is not a status request.
     *
     * @param threadRef the case the message's thread belongs to, or null
     */
    static Optional<String> in(String subject, String text, String threadRef) {
        String first = text == null ? "" : text.strip().lines().findFirst().orElse("");
        for (String line : new String[] {first, subject == null ? "" : subject}) {
            Matcher m = WITH_REF.matcher(line);
            if (m.matches()) return Optional.of(m.group(1).toUpperCase(Locale.ROOT));
        }
        if (threadRef != null && BARE.matcher(first).matches()) return Optional.of(threadRef);
        return Optional.empty();
    }
}
