package org.compactbot.mail;

/** RFC 3676 format=flowed: soft line breaks joined, space-stuffing removed. */
final class Flowed {
    private Flowed() {}

    static String unflow(String s, boolean delsp) {
        String[] lines = s.split("\n", -1);
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder cur = null;
        int curDepth = 0;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') depth++;
            String body = line.substring(depth);
            if (body.startsWith(" ")) body = body.substring(1);
            boolean sig = body.equals("-- ");
            boolean soft = !sig && body.endsWith(" ");
            if (cur != null && depth != curDepth) {
                emit(out, cur, curDepth);
                cur = null;
            }
            if (cur == null) {
                cur = new StringBuilder();
                curDepth = depth;
            }
            cur.append(soft && delsp ? body.substring(0, body.length() - 1) : body);
            if (!soft) {
                emit(out, cur, curDepth);
                cur = null;
            }
        }
        if (cur != null) emit(out, cur, curDepth);
        if (out.length() > 0) out.setLength(out.length() - 1);
        return out.toString();
    }

    private static void emit(StringBuilder out, StringBuilder line, int depth) {
        if (depth > 0) out.append(">".repeat(depth)).append(' ');
        out.append(line).append('\n');
    }
}
