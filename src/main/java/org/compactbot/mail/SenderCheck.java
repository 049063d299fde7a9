package org.compactbot.mail;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the receiving mail server's checks (RFC 8601 {@code Authentication-Results}) say about whether a message
 * really comes from the address in its From. Only the headers our own receiving server wrote are believed, named by
 * its authserv-id ({@code mail.trusted-authserv-id}): anyone can write such a header into a message, and a forger
 * writes "pass". With no authserv-id configured every such header is read, but only for failures: a header a
 * forger added can make their own message look worse, never better.
 */
public sealed interface SenderCheck {
    /** The receiving server checked the sender and nothing failed. */
    record Passed() implements SenderCheck {}

    /** No check we believe was reported. */
    record Unchecked() implements SenderCheck {}

    /** A check failed: the From address is probably forged. {@code method} is dmarc, dkim or spf. */
    record Failed(String method, String result) implements SenderCheck {}

    Pattern RESULT = Pattern.compile("^\\s*(dmarc|dkim|spf)\\s*=\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);

    /** The verdict of the {@code Authentication-Results} header values of one message. */
    static SenderCheck of(List<String> authenticationResults, String trustedAuthservId) {
        String trusted = trustedAuthservId == null ? "" : trustedAuthservId.strip().toLowerCase(Locale.ROOT);
        boolean passed = false;
        for (String header : authenticationResults) {
            String[] parts = withoutComments(header).split(";");
            String authserv = parts[0].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            boolean believed = trusted.isEmpty() || authserv.equals(trusted);
            if (!believed) continue;
            for (int i = 1; i < parts.length; i++) {
                Matcher m = RESULT.matcher(parts[i]);
                if (!m.find()) continue;
                String method = m.group(1).toLowerCase(Locale.ROOT), result = m.group(2).toLowerCase(Locale.ROOT);
                if (result.equals("fail")) return new Failed(method, result);
                if (result.equals("pass") && !trusted.isEmpty()) passed = true;
            }
        }
        return passed ? new Passed() : new Unchecked();
    }

    /** RFC 5322 comments, "(...)", nested, taken out. */
    private static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && depth > 0) { i++; continue; }
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (depth == 0) b.append(c);
        }
        return b.toString();
    }
}
