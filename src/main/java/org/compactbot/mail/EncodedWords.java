package org.compactbot.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 2047 encoded words, decoded leniently: glued to text, split mid-character, bad padding. */
final class EncodedWords {
    private EncodedWords() {}

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,80})\\?([bBqQ])\\?([^?]{0,10000})\\?=");

    static String decode(String s) {
        if (s == null) return null;
        if (!s.contains("=?")) return s;
        Matcher m = WORD.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (m.find()) {
            String gap = s.substring(last, m.start());
            boolean adjacent = pendingCharset != null && gap.isBlank();
            String cs = m.group(1);
            byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : q(m.group(3));
            if (adjacent && cs.equalsIgnoreCase(pendingCharset)) {
                pending.write(bytes, 0, bytes.length);
            } else {
                if (pendingCharset != null) out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
                if (!adjacent) out.append(gap);
                pending.reset();
                pending.write(bytes, 0, bytes.length);
                pendingCharset = cs;
            }
            last = m.end();
        }
        if (pendingCharset != null) out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
        out.append(s, last, s.length());
        return out.toString();
    }

    static byte[] base64(String text) {
        return TransferEncoding.base64(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] q(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0xff) {
                byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(u, 0, u.length);
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
