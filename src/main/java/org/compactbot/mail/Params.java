package org.compactbot.mail;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parameter look-up on a structured header: Jakarta Mail first (RFC 2231), then a tolerant reader of the same forms. */
final class Params {
    private Params() {}

    static String get(String header, String name, boolean disposition) {
        if (header == null || header.isBlank()) return null;
        try {
            String v = disposition ? new ContentDisposition(header).getParameter(name)
                    : new ContentType(header).getParameter(name);
            if (v != null) return v;
        } catch (Exception e) {
            // broken syntax: read it tolerantly below
        }
        return tolerant(header, name);
    }

    /**
     * The parameter from a header Jakarta Mail refused. RFC 2231 forms first (RFC 6266 4.3 prefers them): a value
     * continued as {@code name*0}, {@code name*1}, ... in any order, up to the first missing section, or one
     * {@code name*=}; a section marked with a trailing "*" is percent-encoded and the first one may name its charset
     * as {@code charset'language'}. Then the plain {@code name=}.
     */
    private static String tolerant(String header, String name) {
        Pattern p = Pattern.compile("(?i)(?:^|[;\\s])" + Pattern.quote(name)
                + "(?:\\*(\\d{1,3}))?(\\*)?\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"?|([^;\\s\"]*))");
        Matcher m = p.matcher(header);
        String plain = null;
        TreeMap<Integer, String> sections = new TreeMap<>();
        Set<Integer> encoded = new HashSet<>();
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
            boolean star = m.group(2) != null;
            if (m.group(1) == null && !star) {
                if (plain == null) plain = value;
                continue;
            }
            int n = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            if (sections.putIfAbsent(n, value) == null && star) encoded.add(n);
        }
        if (sections.isEmpty()) return plain;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String charset = null;
        for (int n = 0; sections.containsKey(n); n++) {
            String v = sections.get(n);
            if (!encoded.contains(n)) {
                for (int i = 0; i < v.length(); i++) out.write(v.charAt(i) & 0xff);
                continue;
            }
            if (n == 0) {
                int q = v.indexOf('\'');
                int q2 = q < 0 ? -1 : v.indexOf('\'', q + 1);
                if (q2 >= 0) {
                    charset = q > 0 ? v.substring(0, q) : null;
                    v = v.substring(q2 + 1);
                }
            }
            percentDecode(v, out);
        }
        return Charsets.decode(out.toByteArray(), charset);
    }

    private static void percentDecode(String enc, ByteArrayOutputStream out) {
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%' && hex(enc, i + 1) >= 0) {
                out.write(hex(enc, i + 1));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
    }

    private static int hex(String s, int at) {
        if (at + 1 >= s.length()) return -1;
        int a = Character.digit(s.charAt(at), 16), b = Character.digit(s.charAt(at + 1), 16);
        return a < 0 || b < 0 ? -1 : a * 16 + b;
    }
}
