package org.compactbot.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Charset labels as mail uses them, with sensible fallbacks for unknown or wrong labels. */
final class Charsets {
    private Charsets() {}

    static final Charset WINDOWS_1252 = forNameOrNull("windows-1252");

    /**
     * Decodes bytes in the labelled charset. UTF-8, no label, US-ASCII or an unknown label: UTF-8 where the
     * bytes are UTF-8, stray bytes read as Windows-1252 (mail often mixes the two); unlabelled text with no
     * UTF-8 sequences at all is read as Windows-1252.
     */
    static String decode(byte[] b, String label) {
        Charset cs = forLabel(label);
        if (cs != null && !cs.equals(StandardCharsets.UTF_8)) return new String(b, cs);
        if (cs == null && !mostlyUtf8(b)) return new String(b, WINDOWS_1252 == null ? StandardCharsets.ISO_8859_1 : WINDOWS_1252);
        return utf8Lenient(b);
    }

    private static final char[] CP1252 = cp1252Table();

    private static char[] cp1252Table() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        String s = new String(all, WINDOWS_1252 == null ? StandardCharsets.ISO_8859_1 : WINDOWS_1252);
        char[] t = new char[256];
        for (int i = 0; i < 256; i++) t[i] = i < s.length() ? s.charAt(i) : (char) i;
        return t;
    }

    /** Length of the valid UTF-8 sequence starting at i (1 for ASCII), or 0 when the byte starts none. */
    private static int sequence(byte[] b, int i) {
        int c = b[i] & 0xff;
        if (c < 0x80) return 1;
        int n;
        if (c >= 0xc2 && c <= 0xdf) n = 1;
        else if (c >= 0xe0 && c <= 0xef) n = 2;
        else if (c >= 0xf0 && c <= 0xf4) n = 3;
        else return 0;
        if (i + n >= b.length) return 0;
        for (int k = 1; k <= n; k++) if ((b[i + k] & 0xc0) != 0x80) return 0;
        int c1 = b[i + 1] & 0xff;
        if (c == 0xe0 && c1 < 0xa0) return 0;
        if (c == 0xed && c1 > 0x9f) return 0;
        if (c == 0xf0 && c1 < 0x90) return 0;
        if (c == 0xf4 && c1 > 0x8f) return 0;
        return n + 1;
    }

    static boolean mostlyUtf8(byte[] b) {
        int good = 0, bad = 0;
        for (int i = 0; i < b.length; ) {
            int n = sequence(b, i);
            if (n == 0) {
                bad++;
                i++;
            } else {
                if (n > 1) good++;
                i += n;
            }
        }
        return bad == 0 || good >= bad;
    }

    static String utf8Lenient(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; ) {
            int n = sequence(b, i);
            int c = b[i] & 0xff;
            if (n == 1) {
                sb.append((char) c);
            } else if (n == 0) {
                sb.append(CP1252[c]);
                n = 1;
            } else if (n == 2) {
                sb.append((char) (((c & 0x1f) << 6) | (b[i + 1] & 0x3f)));
            } else if (n == 3) {
                sb.append((char) (((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)));
            } else {
                sb.appendCodePoint(((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f));
            }
            i += n;
        }
        return sb.toString();
    }

    static Charset forLabel(String label) {
        if (label == null) return null;
        String n = label.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("\"") || n.startsWith("'")) n = n.replace("\"", "").replace("'", "").strip();
        int star = n.indexOf('*');
        if (star > 0) n = n.substring(0, star);
        if (n.isEmpty()) return null;
        switch (n) {
            case "us-ascii", "ascii", "ansi_x3.4-1968", "us", "iso646-us", "default", "unknown", "x-unknown", "none":
                return null;
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "8859-1", "cp819":
                return WINDOWS_1252;
            case "gb2312", "gbk", "x-gbk", "euc-cn", "cp936", "csgb2312", "gb_2312-80", "chinese":
                return forNameOrNull("GB18030");
            case "ks_c_5601-1987", "ks_c_5601", "ksc5601", "euc-kr", "korean", "cp949":
                return orElse(forNameOrNull("x-windows-949"), forNameOrNull("EUC-KR"));
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis":
                return orElse(forNameOrNull("windows-31j"), forNameOrNull("Shift_JIS"));
            case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8":
                return StandardCharsets.UTF_8;
            case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-ms", "cp50220", "cp50221":
                return orElse(forNameOrNull("x-windows-iso2022jp"), forNameOrNull("ISO-2022-JP"));
            case "tis-620", "iso-8859-11":
                return orElse(forNameOrNull("x-windows-874"), forNameOrNull("TIS-620"));
            default:
                break;
        }
        if (n.matches("iso-8859-\\d{1,2}-[ie]")) n = n.substring(0, n.length() - 2);
        if (n.startsWith("cp-")) n = "cp" + n.substring(3);
        if (n.matches("win(dows)?-?125\\d")) n = "windows-" + n.substring(n.length() - 4);
        return forNameOrNull(n);
    }

    static Charset forNameOrNull(String n) {
        try {
            return Charset.forName(n);
        } catch (Exception e) {
            return null;
        }
    }

    private static Charset orElse(Charset a, Charset b) {
        return a != null ? a : b;
    }
}
