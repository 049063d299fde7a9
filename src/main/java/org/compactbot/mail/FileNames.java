package org.compactbot.mail;

/** Attachment names made safe: decoded, no directory part, no control or direction-changing characters. */
final class FileNames {
    private FileNames() {}

    static String safe(String name) {
        if (name == null) return null;
        String n = MailText.wellFormed(EncodedWords.decode(name));
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') b.append(' ');
            else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || bidiControl(c)) continue;
            else b.append(c);
        }
        n = b.toString();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) n = n.substring(slash + 1);
        n = n.strip();
        while (n.startsWith(".")) n = n.substring(1);
        n = n.strip();
        if (n.isEmpty()) return null;
        if (n.length() > 200) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 200 - ext.length()) + ext;
        }
        return n;
    }

    /**
     * Characters that reorder text as it is shown (U+202E makes "gpj.exe" read "exe.jpg"): a file name keeps none of
     * them, so it reads as what it is.
     */
    static boolean bidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    static String forType(MediaType t) {
        String sub = t.subtype();
        String ext = sub.matches("[a-z0-9]{1,8}") ? sub : "bin";
        if (t.is("text", "plain")) ext = "txt";
        if (t.type().equals("message")) ext = "eml";
        return "attachment." + ext;
    }
}
