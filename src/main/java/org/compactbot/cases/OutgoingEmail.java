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
    public record Attachment(String name, String type, String content) {}

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
