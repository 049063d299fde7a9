package org.compactbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one raw RFC 822 message into a {@link ParsedEmail} the way the email channel reads it:
 * decoded headers, threading ids, whether a machine sent it, the visible new text (quoted replies
 * and signatures removed) and the attachments. It never throws: broken MIME, missing headers or
 * binary junk give the best result that can be had.
 */
public final class MessageParser {
    static {
        // Jakarta Mail reads these leniency switches from system properties, not from the Session.
        for (String[] kv : new String[][] {
                {"mail.mime.decodetext.strict", "false"},
                {"mail.mime.base64.ignoreerrors", "true"},
                {"mail.mime.ignoreunknownencoding", "true"},
                {"mail.mime.parameters.strict", "false"},
                {"mail.mime.decodeparameters", "true"},
                {"mail.mime.decodeparameters.strict", "false"},
                {"mail.mime.multipart.ignoremissingendboundary", "true"},
                {"mail.mime.multipart.ignoremissingboundaryparameter", "true"},
                {"mail.mime.multipart.allowempty", "true"},
                {"mail.mime.uudecode.ignoreerrors", "true"},
                {"mail.mime.uudecode.ignoremissingbeginend", "true"},
                {"mail.mime.ignorewhitespacelines", "true"}}) {
            try {
                if (System.getProperty(kv[0]) == null) System.setProperty(kv[0], kv[1]);
            } catch (SecurityException ignored) {
                // a locked-down JVM keeps the strict defaults; every caller below copes
            }
        }
    }

    private final Session session;

    public MessageParser() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(p);
    }

    /** Parses one raw message; never throws and never returns null. */
    public ParsedEmail parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        try {
            return parseOrThrow(bytes);
        } catch (Exception | StackOverflowError e) {
            return fallback(bytes);
        }
    }

    private ParsedEmail parseOrThrow(byte[] raw) throws MessagingException {
        MimeMessage msg = new MimeMessage(session, new SharedByteArrayInputStream(RawMessage.repair(raw)));
        Headers h = Headers.of(msg);
        String subject = MailText.clean(EncodedWords.decode(h.first("Subject")));
        Mailbox from = Mailbox.first(h.first("From"));
        if (from.address().isEmpty() && h.first("From") == null) from = Mailbox.first(h.first("Sender"));
        Walker walker = new Walker(session);
        try {
            walker.walk(msg, 0, true, false, "text/plain");
        } catch (Exception | StackOverflowError e) {
            // keep what was collected before the failure
        }
        String text;
        try {
            text = walker.visibleText();
        } catch (Exception | StackOverflowError e) {
            text = "";
        }
        text = MailText.wellFormed(text);
        String reason = AutoDetector.reason(h, subject, from.address(), walker.report, walker.digest);
        Mailbox replyTo = Mailbox.first(h.first("Reply-To"));
        return new ParsedEmail(from.address(), from.name(), replyTo.address().isEmpty() ? null : replyTo.address(),
                Mailbox.addresses(h.all("To")), Mailbox.addresses(h.all("Cc")), blankToNull(h.first("Date")),
                subject, messageIdOf(h.first("Message-ID")), messageIdOf(h.first("In-Reply-To")),
                referencesOf(h.first("References")), reason != null, reason, text, walker.attachments,
                h.all("Authentication-Results"), underQuotes(walker));
    }

    private static String underQuotes(Walker walker) {
        try {
            return walker.answersUnderQuotes();
        } catch (Exception | StackOverflowError e) {
            return "";
        }
    }

    /** Last resort: the message as plain text without headers. */
    private static ParsedEmail fallback(byte[] raw) {
        String text;
        try {
            String all = Charsets.decode(raw, null);
            int cut = all.indexOf("\n\n");
            int cutCrlf = all.indexOf("\r\n\r\n");
            if (cutCrlf >= 0 && (cut < 0 || cutCrlf < cut)) cut = cutCrlf;
            text = ReplyText.visible(MailText.normalise(cut >= 0 ? all.substring(cut) : all));
        } catch (Exception | StackOverflowError e) {
            text = "";
        }
        return new ParsedEmail("", "", null, List.of(), List.of(), null, "", null, null, List.of(), false, null, text, List.of(), List.of(), "");
    }

    /**
     * The From address of a raw message, lower case, read from its header alone (cheap, for rate limits before the
     * message is parsed); empty when there is none.
     */
    public static String senderOf(byte[] raw) {
        if (raw == null) return "";
        int end = Math.min(raw.length, 64 * 1024);
        String head = new String(raw, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        int blank = head.indexOf("\r\n\r\n");
        int lf = head.indexOf("\n\n");
        if (lf >= 0 && (blank < 0 || lf < blank)) blank = lf;
        if (blank >= 0) head = head.substring(0, blank);
        Matcher m = FROM_LINE.matcher(head);
        if (!m.find()) return "";
        String value = m.group(1).replaceAll("\r?\n[ \t]+", " ");
        return Mailbox.first(value).address().toLowerCase(java.util.Locale.ROOT);
    }

    private static final Pattern FROM_LINE = Pattern.compile("(?im)^From:[ \t]*(.*(?:\r?\n[ \t]+.*)*)");

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]{1,998}>");

    static String messageIdOf(String raw) {
        if (raw == null || raw.isBlank()) return null;
        Matcher m = MSG_ID.matcher(raw);
        if (m.find()) return m.group();
        String s = raw.strip();
        int sp = s.indexOf(' ');
        return sp > 0 ? s.substring(0, sp) : s;
    }

    static List<String> referencesOf(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) return out;
        Matcher m = MSG_ID.matcher(raw);
        while (m.find() && out.size() < 200) out.add(m.group());
        if (out.isEmpty()) {
            for (String t : raw.strip().split("\\s+")) if (!t.isEmpty() && out.size() < 200) out.add(t);
        }
        return out;
    }
}
