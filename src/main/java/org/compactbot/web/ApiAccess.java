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
        if (authorization == null || !authorization.startsWith("Bearer ")) return false;
        byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
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
