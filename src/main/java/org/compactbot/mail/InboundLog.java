package org.compactbot.mail;

/** Which inbound messages were seen and processed, so each is acted on once. */
public interface InboundLog {
    /** Records the message; false when it was already processed (a redelivery). */
    boolean firstReceipt(String key, String sender);

    void processed(String key, String outcome);
}
