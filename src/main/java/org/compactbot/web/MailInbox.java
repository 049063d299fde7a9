package org.compactbot.web;

import java.util.function.Function;

/**
 * The email channel behind {@code POST /mail/inbound}, in the web layer's own terms (web imports no channel); the
 * composition root adapts the channel to it.
 *
 * @param senderOf the sending address of a raw message ("" when it has none): whose share of the rate limit it uses
 * @param receiver takes one raw RFC 822 message and says what became of it
 */
public record MailInbox(Function<byte[], String> senderOf, Function<byte[], Received> receiver) {
    /** What became of a message: {@code what} is the outcome (replied, refused, ignored, duplicate), {@code detail} why. */
    public record Received(String what, String detail) {}

    Received receive(byte[] raw) {
        return receiver.apply(raw);
    }
}
