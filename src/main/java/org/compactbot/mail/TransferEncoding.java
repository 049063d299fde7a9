package org.compactbot.mail;

import java.io.ByteArrayOutputStream;

/** Lenient transfer decodings: stray characters, bad escapes and missing padding are tolerated. */
final class TransferEncoding {
    private TransferEncoding() {}

    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int n = in.length;
        for (int i = 0; i < n; i++) {
            byte c = in[i];
            if (c != '=') {
                out.write(c);
                continue;
            }
            int hi = i + 1 < n ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < n ? Character.digit(in[i + 2], 16) : -1;
            if (hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            int j = i + 1;
            while (j < n && (in[j] == ' ' || in[j] == '\t')) j++;
            if (j < n && in[j] == '\r') j++;
            if (j < n && in[j] == '\n') {
                i = j; // soft line break
            } else if (j >= n) {
                i = n; // soft break at the very end
            } else {
                out.write(c); // a stray '=' stays as it is
            }
        }
        return out.toByteArray();
    }

    static byte[] base64(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
        int buffer = 0, bits = 0;
        for (byte b : in) {
            int v = value(b);
            if (v < 0) {
                if (b == '=') {
                    buffer = 0; // padding ends a block; concatenated blocks start afresh
                    bits = 0;
                }
                continue;
            }
            buffer = ((buffer << 6) | v) & 0xffffff;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int value(byte c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    }
}
