package org.compactbot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed in Slack, as plain text for the engine: the bot's own mention removed,
 * Slack's link markup unwrapped (an email address arrives as {@code <mailto:a@b.org|a@b.org>}),
 * and Slack's escapes of {@code & < >} undone.
 */
public final class SlackText {
    private static final Pattern LINK = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private SlackText() {}

    /** @param botUserId the bot's user id (its mentions are dropped); null when unknown */
    public static String plain(String raw, String botUserId) {
        if (raw == null) return "";
        String t = raw;
        if (botUserId != null && !botUserId.isBlank()) t = t.replace("<@" + botUserId + ">", " ");
        Matcher m = LINK.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String target = m.group(1), label = m.group(2);
            String shown;
            if (target.startsWith("mailto:")) shown = target.substring("mailto:".length());
            else if (target.startsWith("@") || target.startsWith("#")) shown = label != null && !label.isBlank() ? label : target;
            else if (target.startsWith("!")) shown = label != null && !label.isBlank() ? label : "";
            else shown = label != null && !label.isBlank() ? label : target;
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        t = sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return t.replaceAll("[ \\t]+", " ").strip();
    }

    /** Escapes text for Slack mrkdwn, so what a person wrote is shown, never acted on (no @channel, no links). */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A short fixed-length fingerprint of some text (SHA-256, hex), for keys that must not hold the text itself. */
    static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
