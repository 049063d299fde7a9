package org.compactbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.compactbot.cases.OutgoingEmail;

/** Builds the MIME message for an outgoing email: plain text and HTML, attachments, safe headers. */
public final class MailMessages {
    private static final Pattern HEADER_UNSAFE = Pattern.compile("[\\r\\n\\u0000-\\u001f\\u007f\\u2028\\u2029]+");

    private MailMessages() {}

    /** A message whose Message-ID stays the one given, however often it is saved or sent. */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    public static MimeMessage build(Session session, String from, String messageId, OutgoingEmail e) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, messageId);
        try {
            m.setFrom(new InternetAddress(from, "Compact Bot", StandardCharsets.UTF_8.name()));
        } catch (java.io.UnsupportedEncodingException ex) {
            m.setFrom(new InternetAddress(from));
        }
        InternetAddress to = new InternetAddress(headerSafe(e.to()), true);
        m.setRecipient(MimeMessage.RecipientType.TO, to);
        m.setSubject(headerSafe(e.subject()), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        // RFC 3834: a reply to a person's message is auto-replied; everything else auto-generated
        m.setHeader("Auto-Submitted", e.inReplyTo() != null && !e.inReplyTo().isBlank() ? "auto-replied" : "auto-generated");
        // Exchange and Outlook read this rather than Auto-Submitted: no out-of-office, read receipt or recall back to us
        m.setHeader("X-Auto-Response-Suppress", "All");
        if (e.inReplyTo() != null && !e.inReplyTo().isBlank() && threadable(headerSafe(e.inReplyTo()))) {
            String ref = headerSafe(e.inReplyTo());
            m.setHeader("In-Reply-To", ref);
            m.setHeader("References", references(e.references(), ref));
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(e.text(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        if (e.html() != null && !e.html().isBlank()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(e.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        if (e.attachments().isEmpty()) {
            m.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (OutgoingEmail.Attachment a : e.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                if (a.bytes() != null) {
                    part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(a.bytes(), headerSafe(a.type()))));
                    part.setHeader("Content-Transfer-Encoding", "base64");
                } else {
                    part.setText(a.content(), StandardCharsets.UTF_8.name(), a.type().startsWith("text/") ? a.type().substring(5) : "plain");
                }
                part.setFileName(headerSafe(a.name()));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    /** The most ids a References header of ours holds: the thread's first and its latest ones. */
    static final int MAX_REFERENCES = 20;

    /**
     * RFC 5322 3.6.4: the parent's References (threadable ids only, each once), then the parent's Message-ID. A long
     * thread keeps its first id and the latest ones, as RFC 5537 3.4.4 trims; one id a line, folded.
     */
    static String references(List<String> parents, String parent) {
        List<String> ids = new ArrayList<>();
        for (String id : parents) {
            String safe = headerSafe(id);
            if (threadable(safe) && !safe.equals(parent) && !ids.contains(safe)) ids.add(safe);
        }
        ids.add(parent);
        if (ids.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
            kept.add(0, ids.get(0));
            ids = kept;
        }
        return String.join("\r\n ", ids);
    }

    /** The longest Message-ID we repeat in In-Reply-To and References: a msg-id cannot be folded, and a line holds 998 characters. */
    static final int MAX_THREAD_ID_CHARS = 900;

    /** A parent Message-ID worth threading on: one id in angle brackets, short enough for one header line. */
    static boolean threadable(String messageId) {
        return messageId.length() <= MAX_THREAD_ID_CHARS && messageId.matches("<[^<>\\s]+>");
    }

    /** Line breaks and control characters out of anything that goes into a header. */
    public static String headerSafe(String s) {
        return s == null ? "" : HEADER_UNSAFE.matcher(s).replaceAll(" ").strip();
    }
}
