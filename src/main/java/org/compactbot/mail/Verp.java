package org.compactbot.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The envelope sender of each outgoing email (VERP): {@code compact+bounce-<outbox id>-<signature>@example.org} for the
 * bot's address {@code compact@example.org}. A bounce goes to it, so the bounce names the outbox row it is about.
 * The signature is an HMAC-SHA256 of the id keyed with the row's Message-ID, whose random part only we and the mail
 * systems that carried the email know: nobody else can make a bounce address for a row, so a forged bounce cannot
 * mark an arbitrary email undeliverable. No key to configure or keep; the bot's mailbox must accept plus addresses
 * (subaddressing, as Microsoft 365, Gmail, Postfix and Exchange do).
 */
final class Verp {
    private static final String TAG = "bounce-";
    /** 64 bits of HMAC in lower-case hex (mail systems may change the case of a local part). */
    private static final int SIGNATURE_HEX = 16;
    private static final Pattern ADDRESS = Pattern.compile("^(.+)\\+" + TAG + "(\\d{1,18})-([0-9a-f]{" + SIGNATURE_HEX + "})@(.+)$");

    private Verp() {}

    /** A bounce address read from a message: the outbox row it names and the signature it carries. */
    record Claim(long id, String signature) {
        /** Whether the signature is the one we made for this row, whose Message-ID is {@code messageId}. */
        boolean signedFor(String messageId) {
            return MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII), sign(id, messageId).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The envelope sender for outbox row {@code id} with {@code messageId}, from the bot's own address. */
    static String address(String botAddress, long id, String messageId) {
        int at = botAddress.lastIndexOf('@');
        return botAddress.substring(0, at) + "+" + TAG + id + "-" + sign(id, messageId) + botAddress.substring(at);
    }

    /** Whether an address is a bounce address of ours (signed or not). */
    static boolean isOurs(String address, String botAddress) {
        return claim(address, botAddress).isPresent();
    }

    /** The row and signature an address names, when it is a bounce address of the bot's mailbox. */
    static Optional<Claim> claim(String address, String botAddress) {
        if (address == null || botAddress == null) return Optional.empty();
        Matcher m = ADDRESS.matcher(address.strip().toLowerCase(Locale.ROOT));
        String bot = botAddress.strip().toLowerCase(Locale.ROOT);
        int at = bot.lastIndexOf('@');
        if (!m.matches() || at < 0 || !m.group(1).equals(bot.substring(0, at)) || !m.group(4).equals(bot.substring(at + 1))) {
            return Optional.empty();
        }
        return Optional.of(new Claim(Long.parseLong(m.group(2)), m.group(3)));
    }

    static String sign(long id, String messageId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("compact-bot bounce " + messageId).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(h).substring(0, SIGNATURE_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
