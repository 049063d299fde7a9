package org.compactbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.compactbot.config.AddressRange;

/** Who may call /api/*: holders of the bearer token, or, with no token configured, loopback callers. */
final class ApiAccess {
    private final byte[] token;

    ApiAccess(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    boolean allows(String authorization, String remoteAddress) {
        if (token.length == 0) return isLoopback(remoteAddress);
        String a = authorization == null ? "" : authorization.strip();
        // the scheme's name is case-insensitive (RFC 9110 11.1)
        if (a.length() <= 7 || !a.regionMatches(true, 0, "Bearer", 0, 6) || !Character.isWhitespace(a.charAt(6))) return false;
        byte[] given = a.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    /** 127.0.0.0/8 or ::1 (also IPv4-mapped), read as a literal: a name is not loopback, and is never looked up. */
    static boolean isLoopback(String address) {
        return LOOPBACK_V4.contains(address) || LOOPBACK_V6.contains(address);
    }

    private static final AddressRange LOOPBACK_V4 = AddressRange.parse("127.0.0.0/8");
    private static final AddressRange LOOPBACK_V6 = AddressRange.parse("::1");
}
