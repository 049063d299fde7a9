package org.compactbot.mail;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parameter look-up on a structured header: Jakarta Mail first (RFC 2231), then a tolerant pattern. */
final class Params {
    private Params() {}

    static String get(String header, String name, boolean disposition) {
        if (header == null || header.isBlank()) return null;
        try {
            String v = disposition ? new ContentDisposition(header).getParameter(name)
                    : new ContentType(header).getParameter(name);
            if (v != null) return v;
        } catch (Exception e) {
            // broken syntax: use the pattern below
        }
        String v = byPattern(header, name);
        return v == null ? byPattern2231(header, name) : v;
    }

    private static String byPattern(String header, String name) {
        Pattern p = Pattern.compile("(?i)(?:^|[;\\s])" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s\"]+))");
        Matcher m = p.matcher(header);
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String byPattern2231(String header, String name) {
        Pattern p = Pattern.compile("(?i)(?:^|[;\\s])" + Pattern.quote(name) + "\\*(?:0\\*?)?\\s*=\\s*\"?([^;\\s\"]+)");
        Matcher m = p.matcher(header);
        if (!m.find()) return null;
        String v = m.group(1);
        int q = v.indexOf('\'');
        int q2 = q < 0 ? -1 : v.indexOf('\'', q + 1);
        String cs = q > 0 ? v.substring(0, q) : null;
        String enc = q2 >= 0 ? v.substring(q2 + 1) : v;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%' && hex(enc, i + 1) >= 0) {
                out.write(hex(enc, i + 1));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return Charsets.decode(out.toByteArray(), cs);
    }

    private static int hex(String s, int at) {
        if (at + 1 >= s.length()) return -1;
        int a = Character.digit(s.charAt(at), 16), b = Character.digit(s.charAt(at + 1), 16);
        return a < 0 || b < 0 ? -1 : a * 16 + b;
    }
}
