package org.compactbot.cases;

import java.util.List;

/**
 * An email the service will send, kept in the outbox until it is delivered. Text comes from
 * people: the sender strips line breaks from header values and escapes the HTML part's text.
 */
public record OutgoingEmail(String to, String subject, String text, String html, List<Attachment> attachments,
                            String inReplyTo, String purpose) {
    public record Attachment(String name, String type, String content) {}

    public OutgoingEmail {
        attachments = List.copyOf(attachments);
    }
}
