package org.compactbot.web;

import java.util.List;
import org.compactbot.config.AddressRange;

/**
 * Where a request really comes from. The connection's peer address, unless that peer is one of
 * server.trusted-proxies: then X-Forwarded-For is read from the right, skipping trusted proxies, and the
 * first address no proxy of ours vouches for is the client. Headers from anyone else are ignored, so a
 * caller cannot pick its own address (or dodge its rate limit) by sending X-Forwarded-For.
 */
final class ClientAddress {
    private final List<AddressRange> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(AddressRange::parse).toList();
    }

    boolean trusted(String address) {
        for (AddressRange r : trusted) if (r.contains(address)) return true;
        return false;
    }

    /**
     * The client's address for a request from {@code peer} carrying {@code forwardedFor} (may be null), in one
     * spelling per address ({@link AddressRange#canonical}).
     */
    String of(String peer, String forwardedFor) {
        return AddressRange.canonical(uncanonical(peer, forwardedFor));
    }

    private String uncanonical(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) return peer;
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.startsWith("[") && hop.endsWith("]")) hop = hop.substring(1, hop.length() - 1);
            if (AddressRange.literal(hop) == null) return client; // garbage: believe no further
            client = hop;
            if (!trusted(hop)) return hop;
        }
        return client;
    }

    /** Whether the request reached us over https: directly, or as a trusted proxy says in X-Forwarded-Proto. */
    boolean https(String scheme, String peer, String forwardedProto) {
        if ("https".equalsIgnoreCase(scheme)) return true;
        if (forwardedProto == null || !trusted(peer)) return false;
        return "https".equalsIgnoreCase(forwardedProto.split(",")[0].strip());
    }
}
