package org.compactbot.mail;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.logging.SecretRedactor;

/**
 * A message about the delivery of one of ours: a delivery status notification (multipart/report;
 * report-type=delivery-status, RFC 3464) or anything sent to one of our bounce addresses ({@link Verp}), such as the
 * many bounces that follow no standard. Never answered. Read for the bounce address it came to (the outbox row it
 * names), whether delivery failed for good, and the mail system's reason.
 *
 * @param claim  the bounce address it was sent to, read from To, Cc, Delivered-To, X-Original-To or Envelope-To
 * @param failed the email was not delivered and will not be: a DSN's {@code Action: failed}, or a non-standard
 *               bounce (from the mail system, a bounce's subject, or a 5.x.x status); not a delay warning or an
 *               auto-reply sent to the bounce address
 * @param reason the status and diagnostic as the mail system gave them, on one line, addresses masked
 */
record Bounce(Optional<Verp.Claim> claim, boolean failed, String reason) {
    private static final int MAX_PARTS = 50, MAX_DEPTH = 5, MAX_REASON = 300;
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)undeliver|undelivered|delivery (?:status notification|failure|"
            + "has failed|failed)|failure notice|returned mail|could not be delivered|not delivered|mail delivery (?:failed|system)|"
            + "rejected|nondeliverable|non-delivery");
    private static final Pattern STATUS = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern SMTP_REPLY_LINE = Pattern.compile("(?m)^.*\\b5\\d\\d[ -].*$");
    private static final Session SESSION = Session.getInstance(new Properties());

    /** The bounce in this message, or empty when it is neither a delivery report nor sent to a bounce address of ours. */
    static Optional<Bounce> in(byte[] raw, ParsedEmail mail, String botAddress) {
        if (raw == null || !mail.auto() && !mentionsBounceAddress(raw)) return Optional.empty(); // most mail: no second parse
        MimeMessage msg;
        try {
            msg = new MimeMessage(SESSION, new SharedByteArrayInputStream(RawMessage.repair(raw)));
        } catch (Exception e) {
            return Optional.empty();
        }
        Optional<Verp.Claim> claim = Optional.empty();
        for (String address : recipients(msg, mail)) {
            claim = Verp.claim(address, botAddress);
            if (claim.isPresent()) break;
        }
        List<String> status = new ArrayList<>();
        boolean report = findDeliveryStatus(msg, 0, new int[] {0}, status);
        if (claim.isEmpty() && !report) return Optional.empty();
        if (report) {
            Fields f = Fields.of(String.join("\n", status));
            boolean failed = f.action.isEmpty() ? f.status.startsWith("5") : f.action.startsWith("failed");
            return Optional.of(new Bounce(claim, failed, reason(f.diagnostic, f.status, "")));
        }
        String text = mail.text();
        Matcher st = STATUS.matcher(text);
        String code = st.find() ? st.group() : "";
        boolean fromSystem = mail.auto() && mail.reason() != null && mail.reason().startsWith("sent by the mail system");
        boolean failed = fromSystem || BOUNCE_SUBJECT.matcher(mail.subject()).find() || code.startsWith("5");
        Matcher line = SMTP_REPLY_LINE.matcher(text);
        return Optional.of(new Bounce(claim, failed, reason(line.find() ? line.group() : "", code, "the receiving mail system returned it")));
    }

    /** Whether the header says "+bounce-" anywhere (cheap: a message to a bounce address does). */
    private static boolean mentionsBounceAddress(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int end = head.indexOf("\n\n"), crlf = head.indexOf("\r\n\r\n");
        if (crlf >= 0 && (end < 0 || crlf < end)) end = crlf;
        return (end < 0 ? head : head.substring(0, end)).contains("+bounce-");
    }

    private static List<String> recipients(MimeMessage msg, ParsedEmail mail) {
        List<String> out = new ArrayList<>(mail.to());
        out.addAll(mail.cc());
        for (String h : RECIPIENT_HEADERS.subList(2, RECIPIENT_HEADERS.size())) {
            try {
                String[] values = msg.getHeader(h);
                if (values != null) for (String v : values) out.addAll(Mailbox.addresses(List.of(v)));
            } catch (Exception ignored) {
                // an unreadable header names no address
            }
        }
        return out;
    }

    /** Collects the text of every message/delivery-status part; true when there is one. */
    private static boolean findDeliveryStatus(Part p, int depth, int[] parts, List<String> out) {
        if (depth > MAX_DEPTH || ++parts[0] > MAX_PARTS) return false;
        try {
            String type = MediaType.parse(p.getContentType(), "text/plain").base();
            if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                try (InputStream in = p.getInputStream()) {
                    out.add(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
                }
                return true;
            }
            if (!type.startsWith("multipart/")) return false;
            Object content = p.getContent();
            if (!(content instanceof Multipart mp)) return false;
            boolean found = false;
            for (int i = 0; i < mp.getCount() && i < MAX_PARTS; i++) found |= findDeliveryStatus(mp.getBodyPart(i), depth + 1, parts, out);
            return found;
        } catch (Exception e) {
            return false;
        }
    }

    private static String reason(String diagnostic, String status, String otherwise) {
        String d = diagnostic.replaceFirst("(?i)^\\s*(smtp|x-[a-z-]+)\\s*;\\s*", "");
        String r = !d.isBlank() ? d : !status.isBlank() ? "status " + status : otherwise;
        if (!status.isBlank() && !d.isBlank() && !d.contains(status)) r = status + " " + d;
        r = SecretRedactor.maskEmails(r.replaceAll("[\\p{Cntrl}\\s]+", " ").strip());
        return r.length() > MAX_REASON ? r.substring(0, MAX_REASON) + "..." : r;
    }

    /** The first recipient's Action, Status and Diagnostic-Code of a delivery-status body (RFC 3464 fields). */
    private record Fields(String action, String status, String diagnostic) {
        static Fields of(String body) {
            String unfolded = body.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
            String action = "", status = "", diagnostic = "";
            for (String line : unfolded.split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT), value = line.substring(colon + 1).strip();
                switch (name) {
                    case "action" -> action = action.isEmpty() || value.toLowerCase(Locale.ROOT).startsWith("failed")
                            ? value.toLowerCase(Locale.ROOT) : action;
                    case "status" -> status = status.isEmpty() ? value : status;
                    case "diagnostic-code" -> diagnostic = diagnostic.isEmpty() ? value : diagnostic;
                    default -> { }
                }
            }
            Matcher m = STATUS.matcher(status);
            return new Fields(action, m.find() ? m.group() : "", diagnostic);
        }
    }
}
