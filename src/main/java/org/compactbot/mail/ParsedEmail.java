package org.compactbot.mail;

import java.util.List;
import java.util.Objects;

/**
 * One inbound email as the email channel sees it: who sent it, how it threads, whether a machine
 * sent it, the new text a person wrote, and what was attached.
 *
 * @param from        the sender's address (empty when missing or unparseable)
 * @param fromName    the sender's display name (empty when none)
 * @param replyTo     the first Reply-To address, or null
 * @param to          the To addresses
 * @param cc          the Cc addresses
 * @param date        the Date header as written, or null
 * @param subject     the decoded subject (empty when missing)
 * @param messageId   the Message-ID, angle brackets kept, or null
 * @param inReplyTo   the In-Reply-To, or null
 * @param references  the References message ids, oldest first
 * @param auto        true for auto-replies, bounces and bulk or list mail: never answered
 * @param reason      why {@code auto} is true (null when it is false)
 * @param text        the visible new text: quoted replies and signatures removed
 * @param attachments the attached files, in message order
 * @param authenticationResults the Authentication-Results header values, as written (see {@link SenderCheck})
 * @param answersUnderQuotes    answers typed under the numbered questions quoted from our email, as numbered lines
 *                              ("2. Eston Youth Club"); empty when there are none
 */
public record ParsedEmail(String from, String fromName, String replyTo, List<String> to, List<String> cc,
                          String date, String subject, String messageId, String inReplyTo, List<String> references,
                          boolean auto, String reason, String text, List<Attachment> attachments,
                          List<String> authenticationResults, String answersUnderQuotes) {

    public ParsedEmail {
        from = Objects.requireNonNullElse(from, "");
        fromName = Objects.requireNonNullElse(fromName, "");
        subject = Objects.requireNonNullElse(subject, "");
        text = Objects.requireNonNullElse(text, "");
        answersUnderQuotes = Objects.requireNonNullElse(answersUnderQuotes, "");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        authenticationResults = authenticationResults == null ? List.of() : List.copyOf(authenticationResults);
        if (!auto) reason = null;
    }

    /**
     * A file attached to the message.
     *
     * @param name    a safe file name (decoded, no directory part)
     * @param type    the MIME type, lower case, without parameters
     * @param bytes   the decoded size in bytes
     * @param content the decoded content, kept as evidence
     */
    public record Attachment(String name, String type, long bytes, byte[] content) {
        public Attachment {
            name = Objects.requireNonNullElse(name, "attachment");
            type = Objects.requireNonNullElse(type, "application/octet-stream");
            content = content == null ? new byte[0] : content;
        }
    }
}
