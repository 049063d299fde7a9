package org.compactbot.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret part of an emailed link: 256 random bits, URL-safe (43 characters of base64url), and the digest it is
 * stored as, so that the store's copy opens nothing. Pure but for the random bits.
 */
public final class LinkToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkToken() {}

    static String fresh() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** Whether the text could be a token this service made (anything else is not looked up). */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static String digest(String token) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(("compact-bot link\n" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
