package org.compactbot.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

    static boolean isLoopback(String address) {
        if (address == null) return false;
        try {
            String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
