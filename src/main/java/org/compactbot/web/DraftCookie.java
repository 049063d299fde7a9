package org.compactbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's draft cookie for the challenge pages: a random 256-bit secret, sent only to /challenge (HttpOnly,
 * SameSite=Lax, Secure whenever the page was served over HTTPS, directly or through a trusted proxy), and what follows
 * from it: the conversation's key (a digest, so that the store never holds the secret itself) and the form token
 * every challenge form carries (another digest: a page on another site can read neither). Pure but for the random secret.
 */
final class DraftCookie {
    static final String NAME = "compact_draft";
    /** The status form's cookie: the same kind of secret, for /status only, holding nothing but its form token's seed. */
    static final String STATUS_NAME = "compact_status";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** One browser's draft: its secret, the conversation key and the form token derived from it. */
    record Draft(String secret) {
        /** The key of the conversation in the store ("web:" + this): a digest of the secret. */
        String conversationKey() {
            return digest("compact-bot draft\n" + secret);
        }

        /** The token each form of this browser's carries. */
        String formToken() {
            return digest("compact-bot form\n" + secret);
        }

        /** Whether a posted form token is this draft's, compared in constant time. */
        boolean accepts(String posted) {
            return posted != null && MessageDigest.isEqual(formToken().getBytes(StandardCharsets.US_ASCII),
                    posted.getBytes(StandardCharsets.US_ASCII));
        }

        /** The Set-Cookie header's value; a session cookie (gone when the browser closes). */
        String header(boolean https) {
            return NAME + "=" + secret + "; Path=/challenge; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
        }

        /** The same secret as the status form's cookie (Path=/status). */
        String statusHeader(boolean https) {
            return STATUS_NAME + "=" + secret + "; Path=/status; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
        }
    }

    private DraftCookie() {}

    /** A new draft, with a fresh secret. */
    static Draft fresh() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new Draft(B64.encodeToString(b));
    }

    /** The draft the cookie's value names, if it is one this service could have set. */
    static Optional<Draft> of(String cookieValue) {
        return cookieValue != null && SECRET.matcher(cookieValue).matches() ? Optional.of(new Draft(cookieValue)) : Optional.empty();
    }

    private static String digest(String s) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
