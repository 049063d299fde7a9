package org.compactbot.mail;

/** Repairs the framing Jakarta Mail needs: mbox From_ line, missing header block, missing blank line. */
final class RawMessage {
    private RawMessage() {}

    static byte[] repair(byte[] raw) {
        return repair(raw, true);
    }

    /** @param mbox whether a leading mbox "From " line may be dropped (messages, not body parts) */
    static byte[] repair(byte[] raw, boolean mbox) {
        int pos = 0;
        if (mbox && startsWith(raw, 0, "From ")) {
            int eol = indexOf(raw, (byte) '\n', 0);
            pos = eol < 0 ? raw.length : eol + 1;
        }
        boolean sawHeader = false;
        int i = pos;
        while (i < raw.length) {
            int eol = indexOf(raw, (byte) '\n', i);
            int end = eol < 0 ? raw.length : eol;
            int contentEnd = end > i && raw[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd == i) return slice(raw, pos); // the blank line: framing is fine
            byte c = raw[i];
            boolean continuation = c == ' ' || c == '\t';
            if (continuation && sawHeader) {
                // folded header line
            } else if (!continuation && isHeaderLine(raw, i, contentEnd)) {
                sawHeader = true;
            } else {
                boolean crlf = end > i && end < raw.length && raw[end - 1] == '\r';
                byte[] sep = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
                if (!sawHeader) return concat(sep, raw, pos, raw.length); // no headers at all
                byte[] out = new byte[raw.length - pos + sep.length];
                System.arraycopy(raw, pos, out, 0, i - pos);
                System.arraycopy(sep, 0, out, i - pos, sep.length);
                System.arraycopy(raw, i, out, i - pos + sep.length, raw.length - i);
                return out;
            }
            i = end + 1;
        }
        return slice(raw, pos);
    }

    private static boolean isHeaderLine(byte[] b, int from, int to) {
        int i = from;
        int limit = Math.min(to, from + 200);
        while (i < limit) {
            byte c = b[i];
            if (c == ':') return i > from;
            if (c == ' ' || c == '\t') {
                // obsolete syntax allows white space before the colon
                int j = i;
                while (j < limit && (b[j] == ' ' || b[j] == '\t')) j++;
                return j < limit && b[j] == ':' && i > from;
            }
            if (c < 33 || c > 126) return false;
            i++;
        }
        return false;
    }

    static boolean startsWith(byte[] b, int at, String s) {
        if (b.length - at < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[at + i] != s.charAt(i)) return false;
        return true;
    }

    static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    private static byte[] slice(byte[] raw, int pos) {
        if (pos == 0) return raw;
        byte[] out = new byte[raw.length - pos];
        System.arraycopy(raw, pos, out, 0, out.length);
        return out;
    }

    private static byte[] concat(byte[] head, byte[] raw, int from, int to) {
        byte[] out = new byte[head.length + to - from];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(raw, from, out, head.length, to - from);
        return out;
    }
}
