package org.compactbot.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** One IP address or CIDR range ("10.0.0.0/8", "::1", "2001:db8::/32"), as in server.trusted-proxies. */
public record AddressRange(byte[] network, int prefixBits) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Parses an address literal with an optional /prefix; never looks a name up. */
    public static AddressRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(addr);
        if (bytes == null) throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range such as 10.0.0.0/8");
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "': the prefix after / must be 0 to " + bytes.length * 8);
            }
        }
        return new AddressRange(bytes, bits);
    }

    /** The bytes of an IPv4 or IPv6 literal (brackets allowed), or null when it is not one. */
    public static byte[] literal(String address) {
        if (address == null) return null;
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        if (IPV4.matcher(a).matches()) {
            // read here, each part in decimal: InetAddress's reading of leading zeros differs between JDK releases
            String[] parts = a.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) return null;
                b[i] = (byte) v;
            }
            return b;
        }
        if (!IPV6.matcher(a).matches()) return null;
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null) return false;
        if (a.length != network.length) {
            // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against an IPv4 range
            if (a.length == 16 && network.length == 4 && isV4Mapped(a)) a = java.util.Arrays.copyOfRange(a, 12, 16);
            else return false;
        }
        int full = prefixBits / 8, rest = prefixBits % 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /**
     * One spelling per address, so that a rate limit counts an address once however it is written: "09.009.9.01",
     * "::ffff:9.9.9.1" and "9.9.9.1" are all "9.9.9.1"; IPv6 as RFC 5952 writes it. Anything else is returned as given.
     */
    public static String canonical(String address) {
        byte[] a = literal(address);
        if (a == null) return address;
        if (a.length == 16 && isV4Mapped(a)) a = java.util.Arrays.copyOfRange(a, 12, 16);
        if (a.length == 4) return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        return ipv6Text(a);
    }

    /** RFC 5952's text form: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String ipv6Text(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }
}
