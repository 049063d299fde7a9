package org.compactbot.mail;

/** Text clean-up shared by the parser's parts: header values for display, line ends, unpaired surrogates. */
final class MailText {
    private MailText() {}

    /** The string with any unpaired surrogate replaced, so that it always encodes as UTF-8. */
    static String wellFormed(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
                bad = true;
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (b != null) b.append(bad ? '\ufffd' : c);
        }
        return b == null ? s : b.toString();
    }

    /** A header value for display: no line breaks, control characters or unpaired surrogates, trimmed. */
    static String clean(String s) {
        if (s == null) return "";
        s = wellFormed(s);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') b.append(' ');
            else if (c < 0x20 || c == 0x7f) continue;
            else b.append(c);
        }
        return b.toString().strip();
    }

    /** Line ends to \n, no NULs or byte-order marks. */
    static String normalise(String s) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < n && s.charAt(i + 1) == '\n') i++;
            } else if (c == '\u0000' || c == '\ufeff') {
                continue;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
