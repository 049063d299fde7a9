package org.compactbot.config;

import java.util.Arrays;

/** One IP address or CIDR range ("10.0.0.0/8", "::1", "2001:db8::/32"), as in server.trusted-proxies. */
public record AddressRange(byte[] network, int prefixBits) {

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

    /**
     * The bytes of an IPv4 (4 bytes) or IPv6 (16 bytes) literal, brackets allowed, or null when it is not one. A pure
     * parser: text from a request is never resolved, so a name or a broken literal costs no DNS query.
     */
    public static byte[] literal(String address) {
        if (address == null) return null;
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        if (a.indexOf(':') >= 0) return ipv6(a);
        return ipv4(a);
    }

    /** Four decimal parts of one to three digits, each 0 to 255 (leading zeros are decimal, not octal). */
    private static byte[] ipv4(String a) {
        byte[] b = new byte[4];
        int part = 0, value = 0, digits = 0;
        for (int i = 0; i <= a.length(); i++) {
            char c = i < a.length() ? a.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (++digits > 3) return null;
                value = value * 10 + (c - '0');
            } else if (c == '.') {
                if (digits == 0 || value > 255 || part == 4) return null;
                b[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? b : null;
    }

    /** RFC 4291 2.2: eight groups of one to four hex digits, one "::" for a run of zero groups, a dotted IPv4 tail. */
    private static byte[] ipv6(String a) {
        int gap = a.indexOf("::");
        if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) return null;
        int[] head = gap < 0 ? groups(a, true) : groups(a.substring(0, gap), false);
        int[] tail = gap < 0 ? new int[0] : groups(a.substring(gap + 2), true);
        if (head == null || tail == null) return null;
        int count = head.length + tail.length;
        if (gap < 0 ? count != 8 : count > 7) return null;
        byte[] b = new byte[16];
        for (int i = 0; i < head.length; i++) put(b, i, head[i]);
        for (int i = 0; i < tail.length; i++) put(b, 8 - tail.length + i, tail[i]);
        return b;
    }

    /** The 16-bit groups of one side of "::" ("" has none); a dotted IPv4 address may end the last side, as two groups. */
    private static int[] groups(String side, boolean endsTheAddress) {
        if (side.isEmpty()) return new int[0];
        String[] parts = side.split(":", -1);
        int last = parts.length - 1;
        boolean dotted = parts[last].indexOf('.') >= 0;
        byte[] v4 = dotted && endsTheAddress ? ipv4(parts[last]) : null;
        if (dotted && v4 == null) return null;
        int[] g = new int[v4 == null ? parts.length : parts.length + 1];
        for (int i = 0; i < (v4 == null ? parts.length : last); i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) return null;
            int value = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0 || p.charAt(k) > 'f') return null; // Character.digit also takes full-width digits
                value = value * 16 + d;
            }
            g[i] = value;
        }
        if (v4 != null) {
            g[last] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
            g[last + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        }
        return g;
    }

    private static void put(byte[] b, int group, int value) {
        b[2 * group] = (byte) (value >> 8);
        b[2 * group + 1] = (byte) value;
    }

    public boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null) return false;
        if (a.length != network.length) {
            // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against an IPv4 range, or the other way round
            if (a.length == 16 && isV4Mapped(a)) a = Arrays.copyOfRange(a, 12, 16);
            else if (a.length == 4) a = mapped(a);
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
        if (a.length == 16 && isV4Mapped(a)) a = Arrays.copyOfRange(a, 12, 16);
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

    private static byte[] mapped(byte[] v4) {
        byte[] a = new byte[16];
        a[10] = (byte) 0xFF;
        a[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, a, 12, 4);
        return a;
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }
}
