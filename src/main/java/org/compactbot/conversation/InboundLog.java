package org.compactbot.conversation;

/**
 * A channel's record of the inbound messages it has seen, so a redelivery (an IMAP poll that sees the message again,
 * a retried POST) is acted on once. Keys are the message's own id, or a hash of it when it has none. A port: the
 * store implements it.
 */
public interface InboundLog {
    /** Records the message; false when it was already processed (a redelivery). */
    boolean firstReceipt(String key, String sender);

    void processed(String key, String outcome);
}
