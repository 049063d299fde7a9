package org.compactbot.cases;

import java.util.List;

/**
 * An email the service will send, kept in the outbox until it is delivered. Text comes from
 * people: the sender strips line breaks from header values and escapes the HTML part's text.
 *
 * @param inReplyTo  the Message-ID of the email this answers, or null
 * @param references that email's own References, oldest first (RFC 5322 3.6.4: ours are these, then inReplyTo)
 */
public record OutgoingEmail(String to, String subject, String text, String html, List<Attachment> attachments,
                            String inReplyTo, String purpose, List<String> references) {
    /**
     * A file sent with the email: text in {@code content}, or, when {@code bytes} is not null, those bytes as they are (a
     * Word document); the outbox keeps them in its JSON as base64.
     */
    public record Attachment(String name, String type, String content, byte[] bytes) {
        public Attachment(String name, String type, String content) {
            this(name, type, content, null);
        }

        /** A file of bytes (sent base64-encoded). */
        public static Attachment file(String name, String type, byte[] bytes) {
            return new Attachment(name, type, null, bytes.clone());
        }
    }

    public OutgoingEmail {
        attachments = List.copyOf(attachments);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** An email that starts a thread, or answers one whose References are not known. */
    public OutgoingEmail(String to, String subject, String text, String html, List<Attachment> attachments,
                         String inReplyTo, String purpose) {
        this(to, subject, text, html, attachments, inReplyTo, purpose, List.of());
    }
}
