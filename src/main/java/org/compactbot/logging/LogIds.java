package org.compactbot.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MDC keys that tie log lines together. A conversation is logged by a pseudonym (a short hash of its
 * key), never by the key itself, since keys hold email addresses and Slack user ids.
 */
public final class LogIds {
    public static final String REQUEST = "request_id";
    public static final String CONVERSATION = "conversation_id";

    private LogIds() {}

    /** "c-" and 12 hex digits, the same for the same conversation key. */
    public static String conversation(String conversationKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(conversationKey.getBytes(StandardCharsets.UTF_8));
            return "c-" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
